package dev.runtrail.telemetry.trail;

/**
 * Where action trail events go. Every event a sink sees has passed the redactor. Runtrail ships sinks
 * for span events, an SLF4J structured log, a JSON Lines file per run and memory; add your own (a
 * Redis stream, a Kafka topic) through the core builder:
 *
 * <pre>{@code
 * class RedisStreamSink implements TrailSink {
 *   public void accept(TrailEvent e) {
 *     jedis.xadd("action-trail:" + e.runId(), StreamEntryID.NEW_ENTRY,
 *         Map.of("type", e.type(), "seq", Long.toString(e.sequence())));
 *   }
 * }
 * Runtrail.builder().addTrailSink(new RedisStreamSink()).build();
 * }</pre>
 *
 * <p>A sink that throws never disturbs the app or the other sinks: the failure is counted and
 * reported once.
 */
public interface TrailSink {

  /** How events reach a sink. */
  enum Delivery {
    /**
     * Called on the thread that records the event, in sequence order, while the run's trail is
     * locked: only for sinks that are fast and never block (span events, memory).
     */
    INLINE,
    /**
     * Called on the sink's own thread through a bounded queue; when the queue is full the event is
     * dropped for this sink and counted ({@code runtrail.telemetry.dropped{where="trail_sink"}}).
     */
    ASYNC,
    /**
     * Like {@link #ASYNC}, but the recorder waits briefly ({@code RUNTRAIL_TRAIL_OFFER_TIMEOUT}) for
     * room, and an event no durable sink could take is not accepted (counted as dropped at
     * {@code trail_queue}). The JSON Lines file is durable.
     */
    DURABLE
  }

  /** A short name for logs and metric tags, e.g. {@code jsonl}. */
  default String name() {
    return getClass().getSimpleName();
  }

  /** How this sink wants to be called; {@link Delivery#ASYNC} by default. */
  default Delivery delivery() {
    return Delivery.ASYNC;
  }

  /** Receives one event. Events of a run arrive in sequence order. */
  void accept(TrailEvent event) throws Exception;

  /**
   * No events are waiting for this sink right now: persist what is buffered. Called by the delivery
   * thread whenever its queue runs empty (so writes are batched under load and prompt when idle).
   */
  default void flush() throws Exception {}

  /** The run ended: persist what is buffered for it. Called after the run's last event. */
  default void runEnded(String runId) throws Exception {}

  /** Releases resources; called once when telemetry closes, after the last event. */
  default void close() throws Exception {}
}
