package dev.runtrail.testkit.internal;

import dev.runtrail.testkit.LogLine;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The log lines of one test: those routed to it (by run id or by thread) in arrival order, each with a
 * sequence number, plus the lines nobody could be attributed while it ran ("strays", kept only for the
 * leak scan: a canary is unique to its test, so finding it anywhere is this test's leak). Records where
 * each run started and ended in the sequence, so lines without a run id can be placed in a run.
 */
public final class LogBuffer {

  /** Lines kept per test before further lines are counted but not kept. */
  static final int MAX_LINES = 100_000;
  static final int MAX_STRAYS = 10_000;

  /** A line and its position among the test's lines. */
  public record Entry(long sequence, LogLine line) {}

  /** The lines of a run: from {@code start} (exclusive) to {@code end} (inclusive; MAX_VALUE while open). */
  public record Window(long start, long end) {
    public boolean contains(long sequence) {
      return sequence > start && sequence <= end;
    }
  }

  private final List<Entry> entries = new ArrayList<>();
  private final List<LogLine> strays = new ArrayList<>();
  private final Map<String, long[]> windows = new ConcurrentHashMap<>();
  private final boolean complete;
  private final String coverage;
  private long sequence;
  private long overflow;
  private volatile boolean open = true;

  /**
   * @param complete whether every line the backend emits reaches this buffer
   * @param coverage a sentence saying what is captured
   */
  public LogBuffer(boolean complete, String coverage) {
    this.complete = complete;
    this.coverage = coverage;
  }

  public boolean isComplete() {
    return complete;
  }

  public String coverage() {
    return coverage;
  }

  boolean isOpen() {
    return open;
  }

  void closeBuffer() {
    open = false;
  }

  public synchronized void add(LogLine line) {
    sequence++;
    if (entries.size() < MAX_LINES) {
      entries.add(new Entry(sequence, line));
    } else {
      overflow++;
    }
  }

  synchronized void addStray(LogLine line) {
    if (strays.size() < MAX_STRAYS) {
      strays.add(line);
    }
  }

  /** A run started: lines from now on without a run id may belong to it. */
  public synchronized void runStarted(String runId) {
    windows.putIfAbsent(runId, new long[] {sequence, Long.MAX_VALUE});
  }

  /** A run ended (called after its trail reached every sink, so its trail log lines are in). */
  public synchronized void runEnded(String runId) {
    long[] window = windows.get(runId);
    if (window != null) {
      window[1] = sequence;
    }
  }

  public synchronized List<Entry> entries() {
    return List.copyOf(entries);
  }

  public synchronized List<LogLine> strays() {
    return List.copyOf(strays);
  }

  /** Lines that arrived after the buffer was full. */
  public synchronized long overflow() {
    return overflow;
  }

  /** Where the run's lines are, or null when the run was not started through the test's telemetry. */
  public synchronized Window window(String runId) {
    long[] window = windows.get(runId);
    return window == null ? null : new Window(window[0], window[1]);
  }
}
