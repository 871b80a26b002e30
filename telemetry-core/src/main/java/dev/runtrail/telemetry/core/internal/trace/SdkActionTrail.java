package dev.runtrail.telemetry.core.internal.trace;

import dev.runtrail.telemetry.Step;
import dev.runtrail.telemetry.core.internal.trail.EventData;
import dev.runtrail.telemetry.core.internal.trail.TrailProcessor;
import dev.runtrail.telemetry.internal.ContextKeys;
import dev.runtrail.telemetry.trail.AbstractActionTrail;
import dev.runtrail.telemetry.trail.TrailEvent;
import dev.runtrail.telemetry.trail.TrailEventTypes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.context.Context;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * A run's trail: redacts the data, stamps ids and the next sequence number, and hands the event to
 * delivery — under the trail's lock, so sequence order is delivery order even with concurrent
 * recorders, and a number is only used by an accepted event (the sequence stays gap-free). With a
 * trail processor, the event is accepted when the processor's queue takes it (under the lock), and
 * redacted and delivered on the processor's thread.
 */
final class SdkActionTrail extends AbstractActionTrail {

  private final SdkRunContext run;
  private long next = 1; // guarded by this
  private volatile boolean closed; // written under this

  SdkActionTrail(SdkRunContext run) {
    this.run = run;
  }

  @Override
  public long record(String type, Map<String, ?> data) {
    TrailEventTypes.requireValid(type);
    Components c = run.c;
    if (c.processor != null) {
      return recordLater(type, data);
    }
    Map<String, Object> clean = c.redactor.data(EventData.copy(data));
    String stepPath = null;
    SpanContext span = run.root.getSpanContext();
    Step current = Context.current().get(ContextKeys.STEP);
    if (current instanceof SdkStep && ((SdkStep) current).run == run) {
      stepPath = current.path();
      span = current.spanContext();
    }
    String traceId = span.isValid() ? span.getTraceId() : null;
    String spanId = span.isValid() ? span.getSpanId() : null;
    long sequence;
    long deadline = System.nanoTime() + c.offerTimeoutNanos; // one wait in all, however long the lock takes
    synchronized (this) {
      if (closed) {
        return refusedAfterClose(c);
      }
      TrailEvent event = new TrailEvent(next, c.clock.instant(), type, run.facts.runId, run.facts.sessionId,
          run.facts.correlationId, traceId, spanId, stepPath, clean);
      if (!c.delivery.deliver(event, deadline)) {
        return 0;
      }
      sequence = next++;
    }
    countEvent(c, type, clean);
    return sequence;
  }

  private static void countEvent(Components c, String type, Map<String, Object> clean) {
    c.metrics.trailEvent(type);
    if (type.equals(TrailEventTypes.TOOL_CALL)) {
      c.metrics.toolCall(String.valueOf(clean.get("tool")));
    } else if (type.equals(TrailEventTypes.POLICY_EVALUATED)) {
      c.metrics.policyEvaluated(String.valueOf(clean.get("policy")), String.valueOf(clean.get("decision")));
    }
  }

  /**
   * The trail processor's way: here, on the recording thread, only what must be taken now (a snapshot
   * of the data, the time, the step and span, the sequence number); redaction, delivery and counting
   * happen on the processor's thread, in sequence order. The step's span ends on the same thread, after
   * its events are written to it (see {@link SdkRunContext#stepEnded}).
   */
  private long recordLater(String type, Map<String, ?> data) {
    Components c = run.c;
    if (closed) {
      return refusedAfterClose(c);
    }
    Map<String, Object> snapshot = EventData.copy(data);
    String stepPath = null;
    Span span = run.root;
    Step current = Context.current().get(ContextKeys.STEP);
    if (current instanceof SdkStep && ((SdkStep) current).run == run) {
      stepPath = current.path();
      span = ((SdkStep) current).span;
    }
    // The place first, outside the lock: concurrent recorders each wait their own timeout at most.
    if (!c.processor.reserve(c.offerTimeoutNanos)) {
      c.monitor.dropped("trail_queue", 1, c.processor.isStopped()
          ? "an event was recorded after telemetry was closed"
          : "the trail processor's queue stayed full for " + Duration.ofNanos(c.offerTimeoutNanos).toMillis() + " ms");
      return 0;
    }
    synchronized (this) {
      if (closed) {
        c.processor.release();
        return refusedAfterClose(c);
      }
      long sequence = next;
      // Stamped under the lock: times follow sequence order, even with concurrent recorders.
      Instant at = run.instantAt(System.nanoTime());
      if (!c.processor.offerReserved(new PendingEvent(sequence, at, type, stepPath, span, snapshot))) {
        c.monitor.dropped("trail_queue", 1, "an event was recorded after telemetry was closed");
        return 0;
      }
      next++;
      return sequence;
    }
  }

  private long refusedAfterClose(Components c) {
    c.monitor.dropped("run_closed", 1, "a trail event was recorded after its run " + run.facts.runId + " closed");
    return 0;
  }

  /** An accepted event on its way through the trail processor. */
  private final class PendingEvent implements TrailProcessor.Event {
    private final long sequence;
    private final Instant at;
    private final String type;
    private final String stepPath;
    private final Span span;
    private final Map<String, Object> data;

    PendingEvent(long sequence, Instant at, String type, String stepPath, Span span, Map<String, Object> data) {
      this.sequence = sequence;
      this.at = at;
      this.type = type;
      this.stepPath = stepPath;
      this.span = span;
      this.data = data;
    }

    @Override
    public void run() {
      Components c = run.c;
      Map<String, Object> clean = c.redactor.data(data);
      SpanContext context = span.getSpanContext();
      boolean valid = context.isValid();
      TrailEvent event = new TrailEvent(sequence, at, type, run.facts.runId, run.facts.sessionId,
          run.facts.correlationId, valid ? context.getTraceId() : null, valid ? context.getSpanId() : null,
          stepPath, clean);
      if (c.delivery.deliverAccepted(event, span)) {
        countEvent(c, type, clean);
      }
    }
  }

  synchronized void close() {
    closed = true;
  }

  @Override
  public String runId() {
    return run.facts.runId;
  }
}
