package dev.runtrail.telemetry.core.trail;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.runtrail.telemetry.trail.TrailEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.Year;
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
          events.add(parse(bytes, start, end - start));
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

  /**
   * One line as {@link TrailJson#parse} reads it (the same fields, checks and messages; TrailReaderTest
   * holds the two to the same answers), from the line's UTF-8 bytes and with the timestamp parsed by
   * {@link #instant} rather than {@link Instant#parse}.
   *
   * @throws IllegalArgumentException if the line is not a complete trail event
   */
  static TrailEvent parse(byte[] bytes, int offset, int length) {
    try (JsonParser parser = TrailJson.JSON.createParser(bytes, offset, length)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new IllegalArgumentException("not a JSON object");
      }
      Long seq = null;
      String[] text = new String[TEXT_FIELDS.size()];
      Map<String, Object> data = Map.of();
      for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
        if (t == null) {
          throw new IllegalArgumentException("truncated JSON object");
        }
        String field = parser.currentName();
        JsonToken valueToken = parser.nextToken();
        int textField = TEXT_FIELDS.indexOf(field);
        if (textField >= 0) {
          text[textField] = parser.getValueAsString();
        } else if (field.equals("seq")) {
          seq = parser.getLongValue();
        } else if (field.equals("data")) {
          Object parsed = TrailJson.readValue(parser, valueToken);
          data = parsed instanceof Map ? castMap(parsed) : Map.of();
        } else {
          parser.skipChildren();
        }
      }
      if (parser.nextToken() != null) {
        throw new IllegalArgumentException("content after the JSON object");
      }
      if (seq == null || text[TS] == null || text[TYPE] == null || text[RUN_ID] == null) {
        throw new IllegalArgumentException("missing seq, ts, type or run_id");
      }
      return new TrailEvent(seq, instant(text[TS]), text[TYPE], text[RUN_ID], text[SESSION_ID],
          text[CORRELATION_ID], text[TRACE_ID], text[SPAN_ID], text[STEP], data);
    } catch (IOException | DateTimeException e) {
      throw new IllegalArgumentException("not a trail event: " + e.getMessage(), e);
    }
  }

  /** The text fields of a line, by their index in {@code parse}'s array. */
  private static final List<String> TEXT_FIELDS =
      List.of("ts", "type", "run_id", "session_id", "correlation_id", "trace_id", "span_id", "step");
  private static final int TS = 0;
  private static final int TYPE = 1;
  private static final int RUN_ID = 2;
  private static final int SESSION_ID = 3;
  private static final int CORRELATION_ID = 4;
  private static final int TRACE_ID = 5;
  private static final int SPAN_ID = 6;
  private static final int STEP = 7;

  @SuppressWarnings("unchecked")
  private static Map<String, Object> castMap(Object value) {
    return (Map<String, Object>) value;
  }

  /**
   * The instant {@link Instant#parse} reads from {@code text}: the form core writes
   * ({@code 2026-01-02T03:04:05.006Z}, exactly 24 characters) is read digit by digit; anything else
   * (other precisions, offsets, leap seconds, years beyond 9999) goes to {@link Instant#parse}.
   *
   * @throws DateTimeException as {@link Instant#parse} does for text that is not an instant
   */
  static Instant instant(String text) {
    if (text.length() != 24 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
        || text.charAt(13) != ':' || text.charAt(16) != ':' || text.charAt(19) != '.' || text.charAt(23) != 'Z') {
      return Instant.parse(text);
    }
    int year = digits(text, 0, 4);
    int month = digits(text, 5, 2);
    int day = digits(text, 8, 2);
    int hour = digits(text, 11, 2);
    int minute = digits(text, 14, 2);
    int second = digits(text, 17, 2);
    int millis = digits(text, 20, 3);
    if (year < 0 || month < 1 || month > 12 || day < 1 || day > Month.of(month).length(Year.isLeap(year))
        || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59 || millis < 0) {
      return Instant.parse(text); // not a plain instant (or not one at all): the JDK decides and explains
    }
    long days = LocalDate.of(year, month, day).toEpochDay();
    return Instant.ofEpochSecond(days * 86_400 + hour * 3_600L + minute * 60L + second, millis * 1_000_000L);
  }

  /** The decimal number of {@code count} ASCII digits at {@code from}, or -1 if one is not a digit. */
  private static int digits(String text, int from, int count) {
    int value = 0;
    for (int i = from; i < from + count; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
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
