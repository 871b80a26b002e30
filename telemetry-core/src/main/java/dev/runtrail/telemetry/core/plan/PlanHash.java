package dev.runtrail.telemetry.core.plan;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The plan hash: sha256 (lower-case hex) of a plan in canonical JSON — object keys sorted, no
 * insignificant whitespace, minimal string escapes, numbers as written — so the same plan hashes the
 * same whatever its formatting or key order.
 *
 * <pre>{@code
 * String hash = PlanHash.of("{\"steps\": [], \"version\": \"1.0\"}");
 * }</pre>
 */
public final class PlanHash {

  private static final JsonFactory JSON =
      JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private PlanHash() {}

  /**
   * The sha256 hex of the plan's canonical JSON.
   *
   * @throws IllegalArgumentException if the text is not one JSON value, or has duplicate keys
   */
  public static String of(String planJson) {
    return sha256Hex(canonicalJson(planJson));
  }

  /**
   * The canonical form of a JSON text.
   *
   * @throws IllegalArgumentException if the text is not one JSON value, or has duplicate keys
   */
  public static String canonicalJson(String json) {
    if (json == null) {
      throw new IllegalArgumentException("Plan JSON is null");
    }
    try (JsonParser parser = JSON.createParser(json)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw new IllegalArgumentException("Plan JSON is empty");
      }
      Object tree = read(parser, first);
      if (parser.nextToken() != null) {
        throw new IllegalArgumentException("Plan JSON has content after the first value at "
            + parser.currentLocation().offsetDescription());
      }
      StringWriter out = new StringWriter(json.length());
      try (JsonGenerator generator = JSON.createGenerator(out)) {
        write(generator, tree);
      }
      return out.toString();
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Plan is not valid JSON: " + e.getOriginalMessage()
          + " at " + (e.getLocation() == null ? "?" : e.getLocation().offsetDescription()), e);
    } catch (IOException e) {
      throw new IllegalArgumentException("Plan could not be read: " + e.getMessage(), e);
    }
  }

  /** sha256 of the UTF-8 bytes, lower-case hex. */
  public static String sha256Hex(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      char[] hex = new char[digest.length * 2];
      for (int i = 0; i < digest.length; i++) {
        hex[2 * i] = HEX[(digest[i] >> 4) & 0xF];
        hex[2 * i + 1] = HEX[digest[i] & 0xF];
      }
      return new String(hex);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform", e);
    }
  }

  /** A number kept as its text, so canonical output writes it as it was written. */
  private static final class NumberText {
    final String text;

    NumberText(String text) {
      this.text = text;
    }
  }

  private static Object read(JsonParser parser, JsonToken token) throws IOException {
    switch (token) {
      case START_OBJECT:
        Map<String, Object> object = new TreeMap<>();
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
        return new NumberText(parser.getText());
      case VALUE_TRUE:
        return Boolean.TRUE;
      case VALUE_FALSE:
        return Boolean.FALSE;
      case VALUE_NULL:
        return null;
      default:
        throw new IllegalArgumentException("Unexpected JSON token " + token);
    }
  }

  @SuppressWarnings("unchecked")
  private static void write(JsonGenerator generator, Object value) throws IOException {
    if (value instanceof Map) {
      generator.writeStartObject();
      for (Map.Entry<String, Object> entry : ((Map<String, Object>) value).entrySet()) {
        generator.writeFieldName(entry.getKey());
        write(generator, entry.getValue());
      }
      generator.writeEndObject();
    } else if (value instanceof List) {
      generator.writeStartArray();
      for (Object item : (List<Object>) value) {
        write(generator, item);
      }
      generator.writeEndArray();
    } else if (value instanceof String) {
      generator.writeString((String) value);
    } else if (value instanceof NumberText) {
      generator.writeNumber(((NumberText) value).text);
    } else if (value instanceof Boolean) {
      generator.writeBoolean((Boolean) value);
    } else {
      generator.writeNull();
    }
  }
}
