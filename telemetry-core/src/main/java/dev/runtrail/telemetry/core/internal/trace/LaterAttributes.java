package dev.runtrail.telemetry.core.internal.trace;

import io.opentelemetry.api.common.AttributeKey;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Attributes set on a run or step after it started ({@code attribute(key, value)}), already redacted:
 * by key, in the order first set, the latest value per key. Not thread-safe: its owner guards it.
 */
final class LaterAttributes {

  private final Map<AttributeKey<?>, Object> values;

  LaterAttributes() {
    this.values = new LinkedHashMap<>();
  }

  <T> void put(AttributeKey<T> key, T value) {
    values.put(key, value);
  }

  /** Puts each into {@code out} by key name, in order (for run summaries and step records). */
  void putNamesInto(Map<String, Object> out) {
    values.forEach((key, value) -> out.put(key.getKey(), value));
  }
}
