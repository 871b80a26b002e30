package dev.runtrail.testkit;

import dev.runtrail.testkit.internal.Describe;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.AbstractAssert;

/**
 * Checks that hold for every log line of a run; the failure lists the lines that break them.
 *
 * <pre>{@code
 * assertThat(captured.logs()).everyLineOf(run).carriesRunId().carriesMdc("trace_id");
 * }</pre>
 */
public final class LogLinesAssert extends AbstractAssert<LogLinesAssert, List<LogLine>> {

  private final String runId;
  private final String what;

  LogLinesAssert(List<LogLine> lines, String runId, String what) {
    super(lines, LogLinesAssert.class);
    this.runId = runId;
    this.what = what;
  }

  /** Every line has the run's id in its MDC under {@code run_id}. */
  public LogLinesAssert carriesRunId() {
    List<LogLine> without = new ArrayList<>();
    for (LogLine line : actual) {
      if (!runId.equals(line.mdc().get(LogLine.RUN_ID))) {
        without.add(line);
      }
    }
    if (!without.isEmpty()) {
      failWithMessage("%s", "Expected every log line of " + what + " to carry run_id=" + runId + " in the MDC, but "
          + without.size() + " of " + actual.size() + " did not:" + Describe.lines(without));
    }
    return this;
  }

  /** Every line has a non-blank MDC value under this key, e.g. {@code trace_id} or {@code correlation_id}. */
  public LogLinesAssert carriesMdc(String key) {
    List<LogLine> without = new ArrayList<>();
    for (LogLine line : actual) {
      String value = line.mdc().get(key);
      if (value == null || value.isBlank()) {
        without.add(line);
      }
    }
    if (!without.isEmpty()) {
      failWithMessage("%s", "Expected every log line of " + what + " to carry " + key + " in the MDC, but "
          + without.size() + " of " + actual.size() + " did not:" + Describe.lines(without));
    }
    return this;
  }
}
