package dev.runtrail.telemetry.core.internal.trace;

import dev.runtrail.telemetry.Step;
import dev.runtrail.telemetry.core.internal.trail.EventData;
import dev.runtrail.telemetry.internal.ContextKeys;
import dev.runtrail.telemetry.trail.AbstractActionTrail;
import dev.runtrail.telemetry.trail.TrailEvent;
import dev.runtrail.telemetry.trail.TrailEventTypes;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.context.Context;
import java.util.Map;

/**
 * A run's trail: redacts the data, stamps ids and the next sequence number, and hands the event to
 * delivery — under the trail's lock, so sequence order is delivery order even with concurrent
 * recorders, and a number is only used by an accepted event (the sequence stays gap-free).
 */
final class SdkActionTrail extends AbstractActionTrail {

  private final SdkRunContext run;
  private long next = 1; // guarded by this
  private boolean closed; // guarded by this

  SdkActionTrail(SdkRunContext run) {
    this.run = run;
  }

  @Override
  public long record(String type, Map<String, ?> data) {
    TrailEventTypes.requireValid(type);
    Components c = run.c;
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
    synchronized (this) {
      if (closed) {
        c.monitor.dropped("run_closed", 1, "a trail event was recorded after its run " + run.facts.runId + " closed");
        return 0;
      }
      TrailEvent event = new TrailEvent(next, c.clock.instant(), type, run.facts.runId, run.facts.sessionId,
          run.facts.correlationId, traceId, spanId, stepPath, clean);
      if (!c.delivery.deliver(event)) {
        return 0;
      }
      sequence = next++;
    }
    c.metrics.trailEvent(type);
    if (type.equals(TrailEventTypes.TOOL_CALL)) {
      c.metrics.toolCall(String.valueOf(clean.get("tool")));
    } else if (type.equals(TrailEventTypes.POLICY_EVALUATED)) {
      c.metrics.policyEvaluated(String.valueOf(clean.get("policy")), String.valueOf(clean.get("decision")));
    }
    return sequence;
  }

  synchronized void close() {
    closed = true;
  }

  @Override
  public String runId() {
    return run.facts.runId;
  }
}
