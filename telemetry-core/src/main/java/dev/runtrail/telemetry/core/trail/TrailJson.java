package dev.runtrail.telemetry.core.trail;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.runtrail.telemetry.trail.TrailEvent;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.Writer;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.Year;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code trail.jsonl} line format: one event as one JSON object (see docs/run-store-format.md). */
public final class TrailJson {

  static final JsonFactory JSON = JsonFactory.builder().build();

  /** ISO-8601 UTC with exactly three fraction digits, as every timestamp in the run store. */
  public static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  /** The last second formatted (up to the seconds), shared by the threads that write events. */
  private static volatile FormattedSecond lastSecond = new FormattedSecond(Long.MIN_VALUE, "");

  private TrailJson() {}

  /**
   * {@code instant} as {@link #TIMESTAMP} formats it; the part up to the seconds is formatted once per
   * second (events come many to a second, and the formatter is the costly part of writing one).
   */
  public static String timestamp(Instant instant) {
    long second = instant.getEpochSecond();
    FormattedSecond cached = lastSecond;
    if (cached.second != second) {
      if (second < 0 || second > 253_402_300_799L) { // outside years 1970–9999: no fixed-width shortcut
        return TIMESTAMP.format(instant);
      }
      cached = new FormattedSecond(second, SECONDS.format(Instant.ofEpochSecond(second)));
      lastSecond = cached;
    }
    int millis = instant.getNano() / 1_000_000;
    char[] text = new char[cached.text.length() + 5];
    cached.text.getChars(0, cached.text.length(), text, 0);
    int at = cached.text.length();
    text[at] = '.';
    text[at + 1] = (char) ('0' + millis / 100);
    text[at + 2] = (char) ('0' + millis / 10 % 10);
    text[at + 3] = (char) ('0' + millis % 10);
    text[at + 4] = 'Z';
    return new String(text);
  }

  private static final DateTimeFormatter SECONDS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

  private static final class FormattedSecond {
    final long second;
    final String text;

    FormattedSecond(long second, String text) {
      this.second = second;
      this.text = text;
    }
  }

  /** Writes one event as a JSON object (no newline). */
  public static void write(TrailEvent event, JsonGenerator out) throws IOException {
    out.writeStartObject();
    out.writeNumberField("seq", event.sequence());
    out.writeStringField("ts", timestamp(event.timestamp()));
    out.writeStringField("type", event.type());
    out.writeStringField("run_id", event.runId());
    writeNullable(out, "session_id", event.sessionId());
    writeNullable(out, "correlation_id", event.correlationId());
    writeNullable(out, "trace_id", event.traceId());
    writeNullable(out, "span_id", event.spanId());
    writeNullable(out, "step", event.step());
    out.writeFieldName("data");
    writeValue(out, event.data());
    out.writeEndObject();
  }

  /** One event as a JSON line without the trailing newline. */
  public static String toJson(TrailEvent event) {
    StringWriter out = new StringWriter(256);
    try (JsonGenerator generator = JSON.createGenerator(out)) {
      write(event, generator);
    } catch (IOException e) {
      throw new IllegalStateException("Writing to a StringWriter cannot fail", e);
    }
    return out.toString();
  }

  /** A generator for a stream of lines. */
  public static JsonGenerator generator(Writer writer) throws IOException {
    return JSON.createGenerator(writer).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
  }

  /**
   * A generator for a stream of lines, writing UTF-8 to {@code out} through its own (recycled) buffer:
   * nothing else needs to buffer. Closing the generator closes {@code out}.
   */
  public static JsonGenerator generator(OutputStream out) throws IOException {
    return JSON.createGenerator(out, JsonEncoding.UTF8).enable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
  }

  /** Writes a nested value: maps, lists, arrays, strings, numbers, booleans, null; anything else as text. */
  public static void writeValue(JsonGenerator out, Object value) throws IOException {
    if (value == null) {
      out.writeNull();
    } else if (value instanceof String) {
      out.writeString((String) value);
    } else if (value instanceof Map) {
      out.writeStartObject();
      for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
        out.writeFieldName(String.valueOf(entry.getKey()));
        writeValue(out, entry.getValue());
      }
      out.writeEndObject();
    } else if (value instanceof Iterable) {
      out.writeStartArray();
      for (Object item : (Iterable<?>) value) {
        writeValue(out, item);
      }
      out.writeEndArray();
    } else if (value instanceof Object[]) {
      out.writeStartArray();
      for (Object item : (Object[]) value) {
        writeValue(out, item);
      }
      out.writeEndArray();
    } else if (value instanceof Integer || value instanceof Long || value instanceof Short
        || value instanceof Byte) {
      out.writeNumber(((Number) value).longValue());
    } else if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      if (Double.isFinite(d)) {
        out.writeNumber(d);
      } else {
        out.writeString(Double.toString(d));
      }
    } else if (value instanceof Number) {
      out.writeNumber(value.toString());
    } else if (value instanceof Boolean) {
      out.writeBoolean((Boolean) value);
    } else {
      out.writeString(String.valueOf(value));
    }
  }

  /**
   * Parses one line.
   *
   * @throws IllegalArgumentException if the line is not a complete trail event
   */
  public static TrailEvent parse(String line) {
    try (JsonParser parser = JSON.createParser(line)) {
      return parse(parser);
    } catch (IOException e) {
      throw new IllegalArgumentException("not a trail event: " + e.getMessage(), e);
    }
  }

  /**
   * Parses one line from its UTF-8 bytes ({@link TrailReader} reads a file's lines this way, without
   * making a String of each).
   *
   * @throws IllegalArgumentException if the line is not a complete trail event
   */
  static TrailEvent parse(byte[] bytes, int offset, int length) {
    try (JsonParser parser = JSON.createParser(bytes, offset, length)) {
      return parse(parser);
    } catch (IOException e) {
      throw new IllegalArgumentException("not a trail event: " + e.getMessage(), e);
    }
  }

  private static TrailEvent parse(JsonParser parser) throws IOException {
    if (parser.nextToken() != JsonToken.START_OBJECT) {
      throw new IllegalArgumentException("not a JSON object");
    }
    Long seq = null;
    String ts = null;
    String type = null;
    String runId = null;
    String sessionId = null;
    String correlationId = null;
    String traceId = null;
    String spanId = null;
    String step = null;
    Map<String, Object> data = Map.of();
    for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
      if (t == null) {
        throw new IllegalArgumentException("truncated JSON object");
      }
      String field = parser.currentName();
      JsonToken valueToken = parser.nextToken();
      switch (field) {
        case "seq":
          seq = parser.getLongValue();
          break;
        case "ts":
          ts = parser.getValueAsString();
          break;
        case "type":
          type = parser.getValueAsString();
          break;
        case "run_id":
          runId = parser.getValueAsString();
          break;
        case "session_id":
          sessionId = parser.getValueAsString();
          break;
        case "correlation_id":
          correlationId = parser.getValueAsString();
          break;
        case "trace_id":
          traceId = parser.getValueAsString();
          break;
        case "span_id":
          spanId = parser.getValueAsString();
          break;
        case "step":
          step = parser.getValueAsString();
          break;
        case "data":
          Object parsed = readValue(parser, valueToken);
          data = parsed instanceof Map ? castMap(parsed) : Map.of();
          break;
        default:
          parser.skipChildren();
      }
    }
    if (parser.nextToken() != null) {
      throw new IllegalArgumentException("content after the JSON object");
    }
    if (seq == null || ts == null || type == null || runId == null) {
      throw new IllegalArgumentException("missing seq, ts, type or run_id");
    }
    Instant timestamp;
    try {
      timestamp = instant(ts);
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("not a trail event: " + e.getMessage(), e);
    }
    return new TrailEvent(seq, timestamp, type, runId, sessionId, correlationId, traceId, spanId, step, data);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> castMap(Object value) {
    return (Map<String, Object>) value;
  }

  static Object readValue(JsonParser parser, JsonToken token) throws IOException {
    switch (token) {
      case START_OBJECT:
        Map<String, Object> map = new LinkedHashMap<>();
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
          String name = parser.currentName();
          map.put(name, readValue(parser, parser.nextToken()));
        }
        return map;
      case START_ARRAY:
        List<Object> list = new ArrayList<>();
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
          list.add(readValue(parser, t));
        }
        return list;
      case VALUE_STRING:
        return parser.getText();
      case VALUE_NUMBER_INT:
        return parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
            ? parser.getBigIntegerValue()
            : (Object) parser.getLongValue();
      case VALUE_NUMBER_FLOAT:
        return parser.getDoubleValue();
      case VALUE_TRUE:
        return Boolean.TRUE;
      case VALUE_FALSE:
        return Boolean.FALSE;
      default:
        return null;
    }
  }

  private static void writeNullable(JsonGenerator out, String field, String value) throws IOException {
    if (value == null) {
      out.writeNullField(field);
    } else {
      out.writeStringField(field, value);
    }
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
}
