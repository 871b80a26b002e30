package dev.runtrail.telemetry.core.internal.trail;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The attributes of one trail span event: a few entries kept in two arrays in the order they were put.
 *
 * <p>Every trail event becomes a span event, and the API's own {@code Attributes.builder().build()}
 * sorts and de-duplicates its entries through a merge sort into a second array: for the handful of keys
 * of an event that costs more than the rest of the span event. The SDK keeps an event's attributes as
 * given when they are within its limits, and exporters only read them ({@code forEach}, {@code get},
 * {@code asMap}), so entries in insertion order serve them the same. A key put twice keeps its first
 * place and takes the last value, as the builder would. Immutable once {@link Builder#build() built}.
 */
final class EventAttributes implements Attributes {

  private final AttributeKey<?>[] keys;
  private final Object[] values;
  private final int size;
  /** Whether every entry is already redacted as the span exporter's backstop would redact it. */
  final boolean redacted;

  private EventAttributes(AttributeKey<?>[] keys, Object[] values, int size, boolean redacted) {
    this.keys = keys;
    this.values = values;
    this.size = size;
    this.redacted = redacted;
  }

  static Builder builder(int expectedSize) {
    return new Builder(Math.max(4, expectedSize));
  }

  /** Collects entries; not thread-safe, used once. */
  static final class Builder {
    private AttributeKey<?>[] keys;
    private Object[] values;
    private int size;

    private Builder(int capacity) {
      keys = new AttributeKey<?>[capacity];
      values = new Object[capacity];
    }

    <T> Builder put(AttributeKey<T> key, T value) {
      if (key == null || key.getKey().isEmpty() || value == null) {
        return this; // as the API's builder: such entries are ignored
      }
      for (int i = 0; i < size; i++) {
        if (keys[i].getKey().equals(key.getKey())) {
          keys[i] = key;
          values[i] = value;
          return this;
        }
      }
      if (size == keys.length) {
        keys = Arrays.copyOf(keys, size * 2);
        values = Arrays.copyOf(values, size * 2);
      }
      keys[size] = key;
      values[size] = value;
      size++;
      return this;
    }

    /** @param redacted whether every entry is already redacted as the span exporter would redact it */
    Attributes build(boolean redacted) {
      return size == 0 ? Attributes.empty() : new EventAttributes(keys, values, size, redacted);
    }
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T get(AttributeKey<T> key) {
    if (key == null) {
      return null;
    }
    for (int i = 0; i < size; i++) {
      if (keys[i].getKey().equals(key.getKey()) && keys[i].getType() == key.getType()) {
        return (T) values[i];
      }
    }
    return null;
  }

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public void forEach(BiConsumer<? super AttributeKey<?>, ? super Object> consumer) {
    for (int i = 0; i < size; i++) {
      ((BiConsumer) consumer).accept(keys[i], values[i]);
    }
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public boolean isEmpty() {
    return size == 0;
  }

  @Override
  public Map<AttributeKey<?>, Object> asMap() {
    Map<AttributeKey<?>, Object> map = new LinkedHashMap<>(size * 2);
    forEach(map::put);
    return Collections.unmodifiableMap(map);
  }

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public AttributesBuilder toBuilder() {
    AttributesBuilder builder = Attributes.builder();
    for (int i = 0; i < size; i++) {
      builder.put((AttributeKey) keys[i], values[i]);
    }
    return builder;
  }

  /** Equal to any {@link Attributes} with the same entries, whatever their order or implementation. */
  @Override
  public boolean equals(Object o) {
    return o instanceof Attributes && asMap().equals(((Attributes) o).asMap());
  }

  @Override
  public int hashCode() {
    return asMap().hashCode();
  }

  @Override
  public String toString() {
    return asMap().toString();
  }
}
