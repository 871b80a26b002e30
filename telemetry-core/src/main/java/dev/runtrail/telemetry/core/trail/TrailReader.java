package dev.runtrail.telemetry.core.trail;

import dev.runtrail.telemetry.trail.TrailEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a {@code trail.jsonl} file back. A torn last line (a crash mid-write) is skipped and reported;
 * unreadable lines elsewhere are skipped and reported; missing sequence numbers are reported as gaps.
 *
 * <pre>{@code
 * TrailReader.Result trail = TrailReader.read(runDir.resolve("trail.jsonl"));
 * if (!trail.gaps().isEmpty()) { ... }
 * }</pre>
 */
public final class TrailReader {

  private TrailReader() {}

  /** A run of missing sequence numbers, {@code from} to {@code to} inclusive. */
  public static final class Gap {
    private final String runId;
    private final long from;
    private final long to;

    Gap(String runId, long from, long to) {
      this.runId = runId;
      this.from = from;
      this.to = to;
    }

    public String runId() {
      return runId;
    }

    /** First missing sequence number. */
    public long from() {
      return from;
    }

    /** Last missing sequence number. */
    public long to() {
      return to;
    }

    public long missing() {
      return to - from + 1;
    }

    @Override
    public String toString() {
      return from == to ? "missing #" + from : "missing #" + from + "-#" + to;
    }
  }

  /** What a file held. */
  public static final class Result {
    private final List<TrailEvent> events;
    private final List<Gap> gaps;
    private final List<String> problems;
    private final boolean tornLastLine;

    Result(List<TrailEvent> events, List<Gap> gaps, List<String> problems, boolean tornLastLine) {
      this.events = List.copyOf(events);
      this.gaps = List.copyOf(gaps);
      this.problems = List.copyOf(problems);
      this.tornLastLine = tornLastLine;
    }

    /** The events that could be read, in file order. */
    public List<TrailEvent> events() {
      return events;
    }

    /** Missing sequence numbers, per run. */
    public List<Gap> gaps() {
      return gaps;
    }

    /** Human-readable descriptions of skipped lines and sequence anomalies. */
    public List<String> problems() {
      return problems;
    }

    /** Whether the last line was incomplete and skipped. */
    public boolean tornLastLine() {
      return tornLastLine;
    }

    /** No gaps, no problems, no torn line. */
    public boolean isIntact() {
      return gaps.isEmpty() && problems.isEmpty() && !tornLastLine;
    }
  }

  /**
   * Reads a trail file. A missing file reads as empty.
   *
   * <p>The file is read in one go (one open) and each line parsed from its UTF-8 bytes. Lines end at
   * {@code \n}, {@code \r} or {@code \r\n}, as {@link java.io.BufferedReader#readLine} splits them.
   * A line that is not valid UTF-8 is an unreadable line like any other (a torn last line when the file
   * does not end with a newline: a crash can cut a line inside a character).
   */
  public static Result read(Path file) throws IOException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return new Result(List.of(), List.of(), List.of(), false);
    }
    List<TrailEvent> events = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    boolean endsWithNewline = bytes.length == 0 || bytes[bytes.length - 1] == '\n';
    boolean tornLastLine = false;
    long number = 0;
    int start = 0;
    while (start < bytes.length) {
      int end = lineEnd(bytes, start);
      int next = end < bytes.length && bytes[end] == '\r' && end + 1 < bytes.length && bytes[end + 1] == '\n'
          ? end + 2 : end + 1;
      number++;
      boolean last = next >= bytes.length;
      if (!isBlank(bytes, start, end)) {
        try {
          events.add(TrailJson.parse(bytes, start, end - start));
        } catch (IllegalArgumentException e) {
          if (last && !endsWithNewline) {
            tornLastLine = true;
            problems.add("line " + number + ": torn last line skipped (" + text(bytes, start, end).length() + " chars)");
          } else if (!text(bytes, start, end).isBlank()) { // a line of non-ASCII white space is blank too
            problems.add("line " + number + ": unreadable line skipped: " + e.getMessage());
          }
        }
      }
      start = next;
    }
    List<Gap> gaps = findGaps(events, problems);
    return new Result(events, gaps, problems, tornLastLine);
  }

  /** Index of the {@code \n} or {@code \r} ending the line that starts at {@code start}, or the length. */
  private static int lineEnd(byte[] bytes, int start) {
    for (int i = start; i < bytes.length; i++) {
      if (bytes[i] == '\n' || bytes[i] == '\r') {
        return i;
      }
    }
    return bytes.length;
  }

  /** Whether the bytes are ASCII white space only (the common blank line; others are checked as text). */
  private static boolean isBlank(byte[] bytes, int from, int to) {
    for (int i = from; i < to; i++) {
      byte b = bytes[i];
      if (b != ' ' && b != '\t' && b != '\f' && b != 0x0B) {
        return false;
      }
    }
    return true;
  }

  private static String text(byte[] bytes, int from, int to) {
    return new String(bytes, from, to - from, StandardCharsets.UTF_8);
  }

  private static List<Gap> findGaps(List<TrailEvent> events, List<String> problems) {
    Map<String, Long> lastByRun = new HashMap<>();
    List<Gap> gaps = new ArrayList<>();
    for (TrailEvent event : events) {
      long previous = lastByRun.getOrDefault(event.runId(), 0L);
      long seq = event.sequence();
      if (seq > previous + 1) {
        gaps.add(new Gap(event.runId(), previous + 1, seq - 1));
      } else if (seq <= previous) {
        problems.add("run " + event.runId() + ": sequence #" + seq + " after #" + previous + " (out of order or repeated)");
        continue;
      }
      lastByRun.put(event.runId(), seq);
    }
    return gaps;
  }

}
