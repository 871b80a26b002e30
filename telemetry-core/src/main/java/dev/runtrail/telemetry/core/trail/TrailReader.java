package dev.runtrail.telemetry.core.trail;

import dev.runtrail.telemetry.trail.TrailEvent;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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

  /** Reads a trail file. A missing file reads as empty. */
  public static Result read(Path file) throws IOException {
    List<TrailEvent> events = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    boolean tornLastLine = false;
    if (!Files.exists(file)) {
      return new Result(events, List.of(), problems, false);
    }
    boolean endsWithNewline = endsWithNewline(file);
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line = reader.readLine();
      long number = 0;
      while (line != null) {
        number++;
        String next = reader.readLine();
        boolean last = next == null;
        if (!line.isBlank()) {
          try {
            events.add(TrailJson.parse(line));
          } catch (IllegalArgumentException e) {
            if (last && !endsWithNewline) {
              tornLastLine = true;
              problems.add("line " + number + ": torn last line skipped (" + line.length() + " chars)");
            } else {
              problems.add("line " + number + ": unreadable line skipped: " + e.getMessage());
            }
          }
        }
        line = next;
      }
    }
    List<Gap> gaps = findGaps(events, problems);
    return new Result(events, gaps, problems, tornLastLine);
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

  private static boolean endsWithNewline(Path file) throws IOException {
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
      long length = raf.length();
      if (length == 0) {
        return true;
      }
      raf.seek(length - 1);
      return raf.read() == '\n';
    }
  }
}
