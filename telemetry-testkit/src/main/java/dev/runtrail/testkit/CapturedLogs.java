package dev.runtrail.testkit;

import dev.runtrail.telemetry.core.export.FinishedRun;
import dev.runtrail.testkit.internal.LogBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The log lines of one test: lines carrying the id of a run the test's telemetry started, and lines
 * logged on the test's thread or on threads started from it. A snapshot.
 *
 * <p>Complete when logback-classic is the SLF4J backend; otherwise only Runtrail's own trail lines are
 * seen, {@link #isComplete()} is false, and the log assertions refuse to pass a check they cannot make
 * ({@link #coverage()} says why).
 *
 * <pre>{@code
 * assertThat(captured.logs()).everyLineOf(captured.run("deploy")).carriesRunId();
 * assertThat(captured.logs()).hasLineContaining("deploying api");
 * }</pre>
 */
public final class CapturedLogs {

  private final List<LogBuffer.Entry> entries;
  private final List<LogLine> strays;
  private final LogBuffer buffer;

  CapturedLogs(LogBuffer buffer) {
    this.buffer = buffer;
    this.entries = buffer.entries();
    this.strays = buffer.strays();
  }

  /** Every line of the test, in arrival order. */
  public List<LogLine> lines() {
    List<LogLine> lines = new ArrayList<>(entries.size());
    for (LogBuffer.Entry entry : entries) {
      lines.add(entry.line());
    }
    return lines;
  }

  /**
   * The lines of one run: those carrying its run id, and those without any run id logged by the test
   * while the run was open (the ones that should have carried it).
   */
  public List<LogLine> linesOf(String runId) {
    LogBuffer.Window window = buffer.window(runId);
    List<LogLine> lines = new ArrayList<>();
    for (LogBuffer.Entry entry : entries) {
      String lineRun = entry.line().runId();
      if (runId.equals(lineRun) || (lineRun == null && window != null && window.contains(entry.sequence()))) {
        lines.add(entry.line());
      }
    }
    return lines;
  }

  /** {@link #linesOf(String)} of the run's id. */
  public List<LogLine> linesOf(FinishedRun run) {
    return linesOf(run.runId());
  }

  /** Whether every line the logging backend emitted could be seen. */
  public boolean isComplete() {
    return buffer.isComplete();
  }

  /** What is captured, in a sentence. */
  public String coverage() {
    long overflow = buffer.overflow();
    return buffer.coverage() + (overflow == 0 ? "" : "; " + overflow + " lines over the limit were not kept");
  }

  /** Lines no test could be attributed while this one ran; only the leak scan looks at them. */
  List<LogLine> strays() {
    return strays;
  }

  /** How many lines the test has. */
  public int size() {
    return entries.size();
  }

  @Override
  public String toString() {
    return "CapturedLogs{" + entries.size() + " lines, " + (isComplete() ? "complete" : "partial") + "}";
  }
}
