package dev.runtrail.telemetry.trail;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One action trail event, as sinks receive it (already redacted) and as {@code trail.jsonl} stores it.
 * Immutable.
 */
public final class TrailEvent {

  private final long sequence;
  private final Instant timestamp;
  private final String type;
  private final String runId;
  private final String sessionId;
  private final String correlationId;
  private final String traceId;
  private final String spanId;
  private final String step;
  private final Map<String, Object> data;

  /**
   * @param sequence per-run sequence number, from 1, gap-free
   * @param sessionId may be null
   * @param traceId lower-case hex, may be null
   * @param spanId lower-case hex, may be null
   * @param step path of the step current when the event was recorded, may be null
   * @param data nested map of strings, numbers, booleans, lists and maps; kept as given (not copied)
   */
  public TrailEvent(
      long sequence,
      Instant timestamp,
      String type,
      String runId,
      String sessionId,
      String correlationId,
      String traceId,
      String spanId,
      String step,
      Map<String, Object> data) {
    this.sequence = sequence;
    this.timestamp = Objects.requireNonNull(timestamp, "timestamp");
    this.type = Objects.requireNonNull(type, "type");
    this.runId = Objects.requireNonNull(runId, "runId");
    this.sessionId = sessionId;
    this.correlationId = correlationId;
    this.traceId = traceId;
    this.spanId = spanId;
    this.step = step;
    this.data = data == null ? Map.of() : data;
  }

  public long sequence() {
    return sequence;
  }

  public Instant timestamp() {
    return timestamp;
  }

  public String type() {
    return type;
  }

  public String runId() {
    return runId;
  }

  /** May be null. */
  public String sessionId() {
    return sessionId;
  }

  public String correlationId() {
    return correlationId;
  }

  /** May be null. */
  public String traceId() {
    return traceId;
  }

  /** May be null. */
  public String spanId() {
    return spanId;
  }

  /** Path of the step current when the event was recorded; may be null. */
  public String step() {
    return step;
  }

  /** The event's data; do not modify. */
  public Map<String, Object> data() {
    return data;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof TrailEvent)) {
      return false;
    }
    TrailEvent other = (TrailEvent) o;
    return sequence == other.sequence
        && timestamp.equals(other.timestamp)
        && type.equals(other.type)
        && runId.equals(other.runId)
        && Objects.equals(sessionId, other.sessionId)
        && Objects.equals(correlationId, other.correlationId)
        && Objects.equals(traceId, other.traceId)
        && Objects.equals(spanId, other.spanId)
        && Objects.equals(step, other.step)
        && data.equals(other.data);
  }

  @Override
  public int hashCode() {
    return Objects.hash(sequence, type, runId, timestamp);
  }

  @Override
  public String toString() {
    return "TrailEvent{#" + sequence + " " + type + " run=" + runId + " step=" + step + " data=" + data + "}";
  }
}
