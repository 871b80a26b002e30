package dev.runtrail.telemetry.core.internal.trail;

import dev.runtrail.telemetry.trail.TrailEvent;
import dev.runtrail.telemetry.trail.TrailSink;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Adds each event to the span of the step that was current when it was recorded (or the run's root
 * span): event name = type, attributes = the data flattened with dotted keys, plus
 * {@code runtrail.trail.seq}. Inline: on the recording thread, or on the trail processor's thread, which
 * ends a step's span only after the events recorded in the step (so the span is still open).
 */
public final class SpanEventTrailSink implements TrailSink {

  /** Finds the open span of a step of a run; null when it is gone. */
  public interface SpanResolver {
    Span span(String runId, String stepPath);
  }

  static final AttributeKey<Long> SEQ = AttributeKey.longKey("runtrail.trail.seq");
  private static final int MAX_DEPTH = 8;

  private final SpanResolver resolver;

  public SpanEventTrailSink(SpanResolver resolver) {
    this.resolver = resolver;
  }

  @Override
  public String name() {
    return "span";
  }

  @Override
  public Delivery delivery() {
    return Delivery.INLINE;
  }

  @Override
  public void accept(TrailEvent event) {
    accept(event, resolver.span(event.runId(), event.step()));
  }

  /** Writes {@code event} to {@code span} (the span of its step, still open). */
  void accept(TrailEvent event, Span span) {
    if (span == null || !span.isRecording()) {
      return;
    }
    EventAttributes.Builder attributes = EventAttributes.builder(event.data().size() + 1).put(SEQ, event.sequence());
    flatten("", event.data(), attributes, 0);
    span.addEvent(event.type(), attributes.build(), event.timestamp().toEpochMilli() * 1_000_000L
        + event.timestamp().getNano() % 1_000_000, TimeUnit.NANOSECONDS);
  }

  private static void flatten(String prefix, Map<String, Object> data, EventAttributes.Builder out, int depth) {
    for (Map.Entry<String, Object> entry : data.entrySet()) {
      String key = prefix.isEmpty() ? entry.getKey() : prefix + "." + entry.getKey();
      put(key, entry.getValue(), out, depth);
    }
  }

  @SuppressWarnings("unchecked")
  private static void put(String key, Object value, EventAttributes.Builder out, int depth) {
    if (value == null) {
      return;
    }
    if (value instanceof String) {
      out.put(AttributeKey.stringKey(key), (String) value);
    } else if (value instanceof Boolean) {
      out.put(AttributeKey.booleanKey(key), (Boolean) value);
    } else if (value instanceof Double || value instanceof Float) {
      out.put(AttributeKey.doubleKey(key), ((Number) value).doubleValue());
    } else if (value instanceof Number) {
      out.put(AttributeKey.longKey(key), ((Number) value).longValue());
    } else if (value instanceof Map && depth < MAX_DEPTH) {
      flatten(key, (Map<String, Object>) value, out, depth + 1);
    } else if (value instanceof Iterable) {
      List<String> items = new ArrayList<>();
      for (Object item : (Iterable<?>) value) {
        items.add(String.valueOf(item));
      }
      out.put(AttributeKey.stringArrayKey(key), items);
    } else {
      out.put(AttributeKey.stringKey(key), String.valueOf(value));
    }
  }
}
