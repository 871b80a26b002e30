package dev.runtrail.testkit;

import dev.runtrail.telemetry.core.export.FinishedRun;
import dev.runtrail.testkit.internal.Describe;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a test's log lines. A check that needs every line (a negative or an "every line"
 * check) fails when capture is partial (logback is not the backend) instead of passing on what little
 * was seen; the message says why.
 *
 * <pre>{@code
 * assertThat(captured.logs()).everyLineOf(captured.run("deploy")).carriesRunId();
 * assertThat(captured.logs()).hasLineContaining("deploying api").doesNotHaveLineContaining("password");
 * }</pre>
 */
public final class LogsAssert extends AbstractAssert<LogsAssert, CapturedLogs> {

  LogsAssert(CapturedLogs logs) {
    super(logs, LogsAssert.class);
  }

  /** Some line's message contains this text. */
  public LogsAssert hasLineContaining(String text) {
    isNotNull();
    for (LogLine line : actual.lines()) {
      if (line.message() != null && line.message().contains(text)) {
        return this;
      }
    }
    fail("Expected a log line containing " + Describe.quote(text) + " but the " + actual.size()
        + " captured lines were:" + Describe.lines(actual.lines()) + partialNote());
    return this;
  }

  /** No line's message contains this text. */
  public LogsAssert doesNotHaveLineContaining(String text) {
    isNotNull();
    requireComplete("that no log line contains " + Describe.quote(text));
    List<LogLine> found = new ArrayList<>();
    for (LogLine line : actual.lines()) {
      if (line.message() != null && line.message().contains(text)) {
        found.add(line);
      }
    }
    if (!found.isEmpty()) {
      fail("Expected no log line containing " + Describe.quote(text) + " but found:" + Describe.lines(found));
    }
    return this;
  }

  /** The lines of one run (see {@link CapturedLogs#linesOf(String)}), for "every line" checks. */
  public LogLinesAssert everyLineOf(FinishedRun run) {
    isNotNull();
    return everyLineOf(run.runId(), Describe.runRef(run));
  }

  /** The lines of the run with this id. */
  public LogLinesAssert everyLineOf(String runId) {
    isNotNull();
    return everyLineOf(runId, "run " + runId);
  }

  private LogLinesAssert everyLineOf(String runId, String what) {
    requireComplete("every log line of " + what);
    List<LogLine> lines = actual.linesOf(runId);
    if (lines.isEmpty()) {
      fail("Expected log lines of " + what + " to check but none were captured (lines that carry its run id, or"
          + " lines without a run id logged by the test while it was open); the test's lines were:"
          + Describe.lines(actual.lines()));
    }
    return new LogLinesAssert(lines, runId, what);
  }

  private void requireComplete(String check) {
    if (!actual.isComplete()) {
      fail("Cannot check " + check + ": log capture is partial, " + actual.coverage());
    }
  }

  private String partialNote() {
    return actual.isComplete() ? "" : "\n(log capture is partial: " + actual.coverage() + ")";
  }

  private void fail(String message) {
    failWithMessage("%s", message);
  }
}
