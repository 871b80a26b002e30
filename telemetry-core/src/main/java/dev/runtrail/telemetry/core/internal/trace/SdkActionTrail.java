package dev.runtrail.telemetry.core.internal.trace;

import dev.runtrail.telemetry.Step;
import dev.runtrail.telemetry.core.internal.trail.EventData;
import dev.runtrail.telemetry.internal.ContextKeys;
import dev.runtrail.telemetry.trail.AbstractActionTrail;
import dev.runtrail.telemetry.trail.TrailEvent;
import dev.runtrail.telemetry.trail.TrailEventTypes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.context.Context;
import java.util.Map;

/**
 * A run's trail: redacts the data, stamps ids and the next sequence number, and hands the event to
 * delivery — under the trail's lock, so sequence order is delivery order even with concurrent
 * recorders, and a number is only used by an accepted event (the sequence stays gap-free). The data is
 * redacted here, on the recording thread, before anything sees it: the span-event sink adds it to the
 * current step's span at once (that span is still open), the other sinks get it through their queues.
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
    Map<String, Object> clean = c.redactor.data(EventData.copy(data));
    String stepPath = null;
    Span span = run.root;
    Step current = Context.current().get(ContextKeys.STEP);
    if (current instanceof SdkStep && ((SdkStep) current).run == run) {
      stepPath = current.path();
      span = ((SdkStep) current).span;
    }
    SpanContext ids = span.getSpanContext();
    String traceId = ids.isValid() ? ids.getTraceId() : null;
    String spanId = ids.isValid() ? ids.getSpanId() : null;
    long sequence;
    long deadline = System.nanoTime() + c.offerTimeoutNanos; // one wait in all, however long the lock takes
    synchronized (this) {
      if (closed) {
        return refusedAfterClose(c);
      }
      TrailEvent event = new TrailEvent(next, c.clock.instant(), type, run.facts.runId, run.facts.sessionId,
          run.facts.correlationId, traceId, spanId, stepPath, clean);
      if (!c.delivery.deliver(event, deadline, span)) {
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

  private long refusedAfterClose(Components c) {
    c.monitor.dropped("run_closed", 1, "a trail event was recorded after its run " + run.facts.runId + " closed");
    return 0;
  }

  synchronized void close() {
    closed = true;
  }

  @Override
  public String runId() {
    return run.facts.runId;
  }
}
