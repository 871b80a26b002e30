package dev.runtrail.telemetry.core.internal.trail;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns what an app passes as event data into an unmodifiable tree of maps, lists, strings, numbers,
 * booleans and nulls, so an app that keeps modifying its map cannot change an event already accepted.
 * Other objects become their {@code toString()}; nesting deeper than {@value #MAX_DEPTH} becomes text.
 */
public final class EventData {

  static final int MAX_DEPTH = 16;

  private EventData() {}

  public static Map<String, Object> copy(Map<String, ?> data) {
    if (data == null || data.isEmpty()) {
      return Map.of();
    }
    return copyMap(data, 0);
  }

  private static Map<String, Object> copyMap(Map<?, ?> map, int depth) {
    Map<String, Object> copy = new LinkedHashMap<>(Math.max(4, map.size() * 2));
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      copy.put(String.valueOf(entry.getKey()), copyValue(entry.getValue(), depth + 1));
    }
    return Collections.unmodifiableMap(copy);
  }

  private static Object copyValue(Object value, int depth) {
    if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
      return value;
    }
    if (value instanceof CharSequence || value instanceof Character || value instanceof Enum) {
      return value.toString();
    }
    if (depth > MAX_DEPTH) {
      return String.valueOf(value);
    }
    if (value instanceof Map) {
      return copyMap((Map<?, ?>) value, depth);
    }
    if (value instanceof Iterable) {
      List<Object> list = new ArrayList<>();
      for (Object item : (Iterable<?>) value) {
        list.add(copyValue(item, depth + 1));
      }
      return Collections.unmodifiableList(list);
    }
    if (value.getClass().isArray()) {
      int length = Array.getLength(value);
      List<Object> list = new ArrayList<>(length);
      for (int i = 0; i < length; i++) {
        list.add(copyValue(Array.get(value, i), depth + 1));
      }
      return Collections.unmodifiableList(list);
    }
    return String.valueOf(value);
  }
}
