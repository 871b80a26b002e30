package dev.runtrail.telemetry.core.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import dev.runtrail.telemetry.core.trail.TrailJson;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads any JSON text into plain values — {@link LinkedHashMap} (member order kept), {@link ArrayList},
 * {@link String}, {@link Boolean}, {@code null} and {@link JsonNumber} (its text kept) — and writes them
 * back through {@link TrailJson#writeValue}, the same value writer the trail uses. Plans (their hash
 * and plan.json) and summaries are read with it; duplicate keys are an error.
 */
public final class JsonTree {

  private static final JsonFactory JSON =
      JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  private JsonTree() {}

  /**
   * Parses one JSON value.
   *
   * @throws IllegalArgumentException if the text is not exactly one JSON value
   */
  public static Object parse(String json) {
    try (JsonParser parser = JSON.createParser(json)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw new IllegalArgumentException("empty JSON text");
      }
      Object value = read(parser, first);
      if (parser.nextToken() != null) {
        throw new IllegalArgumentException("content after the JSON value");
      }
      return value;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("invalid JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new IllegalArgumentException("unreadable JSON: " + e.getMessage(), e);
    }
  }

  /** Parses a JSON object. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> parseObject(String json) {
    Object value = parse(json);
    if (!(value instanceof Map)) {
      throw new IllegalArgumentException("expected a JSON object");
    }
    return (Map<String, Object>) value;
  }

  /** A generator for the given writer (compact, or indented by two spaces). */
  public static JsonGenerator generator(Writer out, boolean pretty) throws IOException {
    JsonGenerator generator = JSON.createGenerator(out);
    return pretty ? generator.useDefaultPrettyPrinter() : generator;
  }

  /** One value as compact JSON. */
  public static String toJson(Object value) {
    StringWriter out = new StringWriter();
    try (JsonGenerator generator = JSON.createGenerator(out)) {
      TrailJson.writeValue(generator, value);
    } catch (IOException e) {
      throw new IllegalStateException("Writing to a StringWriter cannot fail", e);
    }
    return out.toString();
  }

  private static Object read(JsonParser parser, JsonToken token) throws IOException {
    switch (token) {
      case START_OBJECT:
        Map<String, Object> object = new LinkedHashMap<>();
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
          String name = parser.currentName();
          object.put(name, read(parser, parser.nextToken()));
        }
        return object;
      case START_ARRAY:
        List<Object> array = new ArrayList<>();
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
          array.add(read(parser, t));
        }
        return array;
      case VALUE_STRING:
        return parser.getText();
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        return new JsonNumber(parser.getText());
      case VALUE_TRUE:
        return Boolean.TRUE;
      case VALUE_FALSE:
        return Boolean.FALSE;
      case VALUE_NULL:
        return null;
      default:
        throw new IllegalArgumentException("unexpected JSON token " + token);
    }
  }
}
