package dev.runtrail.runs.internal.json;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/** Typed reads of a parsed JSON object's members, with errors that name the member. */
public final class JsonFields {

  private JsonFields() {}

  /** A string member, or null when absent or null. */
  public static String string(Map<String, Object> object, String name) {
    Object value = object.get(name);
    if (value == null) {
      return null;
    }
    if (value instanceof String) {
      return (String) value;
    }
    throw new IllegalArgumentException("'" + name + "' is not a string");
  }

  /** A string member that must be present. */
  public static String requiredString(Map<String, Object> object, String name) {
    String value = string(object, name);
    if (value == null) {
      throw new IllegalArgumentException("'" + name + "' is missing");
    }
    return value;
  }

  /** An integer member, or null. */
  public static Long integer(Map<String, Object> object, String name) {
    Object value = object.get(name);
    if (value == null) {
      return null;
    }
    if (value instanceof Number) {
      return ((Number) value).longValue();
    }
    throw new IllegalArgumentException("'" + name + "' is not a number");
  }

  /** A boolean member, or null. */
  public static Boolean bool(Map<String, Object> object, String name) {
    Object value = object.get(name);
    if (value == null || value instanceof Boolean) {
      return (Boolean) value;
    }
    throw new IllegalArgumentException("'" + name + "' is not a boolean");
  }

  /** An ISO-8601 instant member, or null. */
  public static Instant instant(Map<String, Object> object, String name) {
    String text = string(object, name);
    try {
      return text == null ? null : Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("'" + name + "' is not an ISO-8601 instant: " + text, e);
    }
  }

  /** An object member, or an empty map. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> object(Map<String, Object> object, String name) {
    Object value = object.get(name);
    if (value == null) {
      return Map.of();
    }
    if (value instanceof Map) {
      return (Map<String, Object>) value;
    }
    throw new IllegalArgumentException("'" + name + "' is not an object");
  }

  /** An array member, or an empty list. */
  @SuppressWarnings("unchecked")
  public static List<Object> array(Map<String, Object> object, String name) {
    Object value = object.get(name);
    if (value == null) {
      return List.of();
    }
    if (value instanceof List) {
      return (List<Object>) value;
    }
    throw new IllegalArgumentException("'" + name + "' is not an array");
  }
}
