package dev.runtrail.telemetry.core.plan;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.runtrail.telemetry.core.json.JsonTree;
import dev.runtrail.telemetry.core.trail.TrailJson;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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

  private static final JsonFactory JSON = JsonFactory.builder().build();
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
    Object tree;
    try {
      tree = JsonTree.parse(json);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Plan is not valid JSON: " + e.getMessage(), e);
    }
    StringWriter out = new StringWriter(json.length());
    try (JsonGenerator generator = JSON.createGenerator(out)) {
      write(generator, tree);
    } catch (IOException e) {
      throw new IllegalStateException("Writing to a StringWriter cannot fail", e);
    }
    return out.toString();
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

  /** Writes a parsed value with object keys sorted by their UTF-16 code units, numbers as written. */
  @SuppressWarnings("unchecked")
  private static void write(JsonGenerator generator, Object value) throws IOException {
    if (value instanceof Map) {
      generator.writeStartObject();
      for (Map.Entry<String, Object> entry : new TreeMap<>((Map<String, Object>) value).entrySet()) {
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
    } else {
      TrailJson.writeValue(generator, value);
    }
  }
}
