package dev.runtrail.telemetry.core.internal.trail;

import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * Turns what an app passes as event data into an unmodifiable tree of maps, lists, strings, numbers,
 * booleans and nulls, so an app that keeps modifying its map cannot change an event already accepted.
 * Other objects become their {@code toString()}; nesting deeper than {@value #MAX_DEPTH} becomes text.
 *
 * <p>This runs for every trail event, so it copies cheaply: a small map (the usual event) becomes a
 * {@link FrozenMap} — its entries in one array, in the app's order — instead of a hash table, and
 * maps and lists made by {@code Map.of} / {@code List.of} holding only strings, numbers, booleans and
 * such collections are immutable already and kept as they are.
 */
public final class EventData {

  static final int MAX_DEPTH = 16;
  /** Maps up to this size are copied into a {@link FrozenMap} (linear lookups); larger ones hashed. */
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
      Map.Entry<String, Object>[] entries = new Map.Entry[size];
      int n = 0;
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        if (n == size) {
          break; // the map grew while being copied (another thread): keep what fits
        }
        n = FrozenMap.put(entries, n, String.valueOf(entry.getKey()), copyValue(entry.getValue(), depth + 1));
      }
      return new FrozenMap(entries, n);
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
    if (type == MAP_1 || type == MAP_N) {
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

  /**
   * An unmodifiable map of a few entries kept in insertion order in one array: cheaper to build and to
   * iterate than a {@code LinkedHashMap} behind {@code Collections.unmodifiableMap}, which would also
   * wrap each entry it hands out. Lookups are linear, which is fast at this size.
   */
  static final class FrozenMap extends AbstractMap<String, Object> {

    private final Map.Entry<String, Object>[] entries;
    private final int size;

    FrozenMap(Map.Entry<String, Object>[] entries, int size) {
      this.entries = entries;
      this.size = size;
    }

    /**
     * Adds an entry to the first {@code size} of {@code entries} as {@code LinkedHashMap.put} would (a
     * key already there keeps its place and takes the new value); returns the new size.
     */
    static int put(Map.Entry<String, Object>[] entries, int size, String key, Object value) {
      int existing = indexOf(entries, size, key);
      if (existing >= 0) {
        entries[existing] = new SimpleImmutableEntry<>(key, value);
        return size;
      }
      entries[size] = new SimpleImmutableEntry<>(key, value);
      return size + 1;
    }

    private static int indexOf(Map.Entry<String, Object>[] entries, int size, Object key) {
      for (int i = 0; i < size; i++) {
        if (entries[i].getKey().equals(key)) {
          return i;
        }
      }
      return -1;
    }

    @Override
    public int size() {
      return size;
    }

    @Override
    public boolean containsKey(Object key) {
      return key != null && indexOf(entries, size, key) >= 0;
    }

    @Override
    public Object get(Object key) {
      int i = key == null ? -1 : indexOf(entries, size, key);
      return i < 0 ? null : entries[i].getValue();
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
      return new AbstractSet<>() {
        @Override
        public Iterator<Entry<String, Object>> iterator() {
          return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
              return next < size;
            }

            @Override
            public Entry<String, Object> next() {
              if (next >= size) {
                throw new NoSuchElementException();
              }
              return entries[next++];
            }
          };
        }

        @Override
        public int size() {
          return size;
        }
      };
    }
  }
}
