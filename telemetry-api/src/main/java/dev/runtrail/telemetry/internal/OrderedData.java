package dev.runtrail.telemetry.internal;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * An unmodifiable map of a few entries kept in insertion order in one array: the trail's event data.
 * Cheaper to build and to iterate than a {@code LinkedHashMap} (behind {@code unmodifiableMap}, which
 * also wraps each entry it hands out); lookups are linear, which is fast at this size. Not public API.
 *
 * <p>Build one with {@link #builder(int)}: a key put twice keeps its first place and takes the last
 * value, as {@code LinkedHashMap.put} would. Null values are kept (as the trail's JSON writes them).
 */
public final class OrderedData extends AbstractMap<String, Object> {

  private final Map.Entry<String, Object>[] entries;
  private final int size;

  private OrderedData(Map.Entry<String, Object>[] entries, int size) {
    this.entries = entries;
    this.size = size;
  }

  /** A builder for at most {@code capacity} distinct keys (more are dropped). */
  public static Builder builder(int capacity) {
    return new Builder(capacity);
  }

  /** Collects entries; used once, on one thread. */
  public static final class Builder {
    private final Map.Entry<String, Object>[] entries;
    private int size;

    @SuppressWarnings("unchecked")
    private Builder(int capacity) {
      entries = new Map.Entry[capacity];
    }

    /** Puts an entry (see the class comment); past the capacity a new key is dropped. */
    public Builder put(String key, Object value) {
      int existing = indexOf(entries, size, key);
      if (existing >= 0) {
        entries[existing] = new SimpleImmutableEntry<>(key, value);
        return this;
      }
      if (size < entries.length) {
        entries[size++] = new SimpleImmutableEntry<>(key, value);
      }
      return this;
    }

    /** The map; the builder is not to be used after. */
    public OrderedData build() {
      return new OrderedData(entries, size);
    }
  }

  /** Where {@code key} is among the first {@code size} of {@code entries}, or -1. */
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
