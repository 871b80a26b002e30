package dev.runtrail.telemetry.core.internal.trail;

import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import dev.runtrail.telemetry.internal.OrderedData;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns what an app passes as event data into an unmodifiable tree of maps, lists, strings, numbers,
 * booleans and nulls, so an app that keeps modifying its map cannot change an event already accepted.
 * Other objects become their {@code toString()}; nesting deeper than {@value #MAX_DEPTH} becomes text.
 *
 * <p>This runs for every trail event, so it copies cheaply: a small map (the usual event) becomes an
 * {@link OrderedData} — its entries in one array, in the app's order — instead of a hash table, and
 * maps and lists made by {@code Map.of} / {@code List.of} (or by the typed helpers, which build
 * {@code OrderedData}) holding only strings, numbers, booleans and such collections are immutable
 * already and kept as they are.
 */
public final class EventData {

  static final int MAX_DEPTH = 16;
  /** Maps up to this size are copied into an {@link OrderedData} (linear lookups); larger ones hashed. */
  static final int FROZEN_MAX_SIZE = 16;

  private static final Class<?> MAP_1 = Map.of("k", "v").getClass();
  private static final Class<?> MAP_N = Map.of().getClass();
  private static final Class<?> LIST_12 = List.of("e").getClass();
  private static final Class<?> LIST_N = List.of().getClass();

  private EventData() {}

  public static Map<String, Object> copy(Map<String, ?> data) {
    if (data == null || data.isEmpty()) {
      return Map.of();
    }
    return copyMap(data, 0);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> copyMap(Map<?, ?> map, int depth) {
    if (isImmutableTree(map, depth)) {
      return (Map<String, Object>) map;
    }
    int size = map.size();
    if (size <= FROZEN_MAX_SIZE) {
      // Past size, a map that grew while being copied (another thread) keeps what fits.
      OrderedData.Builder copy = OrderedData.builder(size);
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        copy.put(String.valueOf(entry.getKey()), copyValue(entry.getValue(), depth + 1));
      }
      return copy.build();
    }
    Map<String, Object> copy = new LinkedHashMap<>(Math.max(4, size * 2));
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      copy.put(String.valueOf(entry.getKey()), copyValue(entry.getValue(), depth + 1));
    }
    return Collections.unmodifiableMap(copy);
  }

  private static Object copyValue(Object value, int depth) {
    if (value == null || value instanceof String || isImmutableNumber(value) || value instanceof Boolean) {
      return value;
    }
    if (value instanceof Number) {
      return snapshot((Number) value);
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
      if (isImmutableTree(value, depth)) {
        return value;
      }
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

  /** The JDK's immutable numbers: kept as they are. */
  private static boolean isImmutableNumber(Object value) {
    Class<?> type = value.getClass();
    return type == Integer.class || type == Long.class || type == Double.class || type == Float.class
        || type == Short.class || type == Byte.class || type == BigInteger.class || type == BigDecimal.class;
  }

  /**
   * Another number ({@code AtomicLong}, {@code LongAdder}, a custom one) may change after the event was
   * accepted: its value now, as a {@code Long} when it is whole, else a {@code Double}.
   */
  private static Number snapshot(Number value) {
    long whole = value.longValue();
    double real = value.doubleValue();
    return real == whole ? (Number) whole : (Number) real;
  }

  /**
   * Whether {@code value} (a map or list met at {@code depth}) is a JDK immutable collection whose
   * keys are strings and whose values are strings, numbers, booleans or such collections, none deeper
   * than {@link #MAX_DEPTH}: exactly what copying it would produce, so it can be kept as it is.
   */
  private static boolean isImmutableTree(Object value, int depth) {
    if (value instanceof String || isImmutableNumber(value) || value instanceof Boolean) {
      return true;
    }
    if (depth > MAX_DEPTH || value == null) {
      return false;
    }
    Class<?> type = value.getClass();
    if (type == MAP_1 || type == MAP_N || type == OrderedData.class) {
      for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
        if (!(entry.getKey() instanceof String) || !isImmutableTree(entry.getValue(), depth + 1)) {
          return false;
        }
      }
      return true;
    }
    if (type == LIST_12 || type == LIST_N) {
      for (Object item : (List<?>) value) {
        if (!isImmutableTree(item, depth + 1)) {
          return false;
        }
      }
      return true;
    }
    return false;
  }
}
