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
    int depth = flatten("", event.data(), attributes, 0);
    // The data was redacted as a tree, where a key is judged with its parent's: the same as the exporter
    // judges the flattened key (parent.key) as long as no key has a grandparent. Deeper data is redacted
    // again on export, where the whole dotted path counts.
    span.addEvent(event.type(), attributes.build(depth <= 1), event.timestamp().toEpochMilli() * 1_000_000L
        + event.timestamp().getNano() % 1_000_000, TimeUnit.NANOSECONDS);
  }

  /** @return the deepest nesting of maps met (0: the data map alone) */
  private static int flatten(String prefix, Map<String, Object> data, EventAttributes.Builder out, int depth) {
    int deepest = depth;
    for (Map.Entry<String, Object> entry : data.entrySet()) {
      String key = prefix.isEmpty() ? entry.getKey() : prefix + "." + entry.getKey();
      deepest = Math.max(deepest, put(key, entry.getValue(), out, depth));
    }
    return deepest;
  }

  /**
   * Whether a span event's attributes were written by this sink from trail data the trail redacted
   * completely (no key deeper than a parent's child): the span exporter's backstop need not redact them
   * again. Attributes of anything else — other events, or an event the SDK had to trim — are not.
   */
  public static boolean isRedactedTrailEvent(io.opentelemetry.api.common.Attributes attributes) {
    return attributes instanceof EventAttributes && ((EventAttributes) attributes).redacted;
  }

  /** @return the deepest nesting of maps in {@code value} (a map in a list counts one deeper) */
  @SuppressWarnings("unchecked")
  private static int put(String key, Object value, EventAttributes.Builder out, int depth) {
    if (value == null) {
      return depth;
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
      return flatten(key, (Map<String, Object>) value, out, depth + 1);
    } else if (value instanceof Iterable) {
      List<String> items = new ArrayList<>();
      int deepest = depth;
      for (Object item : (Iterable<?>) value) {
        items.add(String.valueOf(item));
        if (item instanceof Map || item instanceof Iterable) {
          deepest = depth + 2; // rendered as text: let the exporter judge it again
        }
      }
      out.put(AttributeKey.stringArrayKey(key), items);
      return deepest;
    } else {
      out.put(AttributeKey.stringKey(key), String.valueOf(value));
    }
    return depth;
  }
}
