package dev.runtrail.telemetry.core.internal.trace;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.trace.Span;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Attributes set on a run or step after it started ({@code attribute(key, value)}), already redacted:
 * by key, in the order first set, the latest value per key. Not thread-safe: its owner guards it.
 */
final class LaterAttributes {

  private final Map<AttributeKey<?>, Object> values;

  LaterAttributes() {
    this(new LinkedHashMap<>());
  }

  private LaterAttributes(Map<AttributeKey<?>, Object> values) {
    this.values = values;
  }

  <T> void put(AttributeKey<T> key, T value) {
    values.put(key, value);
  }

  /** A copy, to apply outside the owner's lock. */
  LaterAttributes copy() {
    return new LaterAttributes(new LinkedHashMap<>(values));
  }

  /** Sets each on {@code span}, in order: each overrides what the span held under its key. */
  @SuppressWarnings("unchecked")
  void applyTo(Span span) {
    values.forEach((key, value) -> span.setAttribute((AttributeKey<Object>) key, value));
  }

  /** Puts each into {@code builder}, in order: each overrides what it held under its key. */
  @SuppressWarnings("unchecked")
  void putInto(AttributesBuilder builder) {
    values.forEach((key, value) -> builder.put((AttributeKey<Object>) key, value));
  }

  /** Puts each into {@code out} by key name, in order (for run summaries and step records). */
  void putNamesInto(Map<String, Object> out) {
    values.forEach((key, value) -> out.put(key.getKey(), value));
  }
}
