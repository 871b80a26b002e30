package dev.runtrail.telemetry.core.context;

import dev.runtrail.telemetry.core.internal.propagation.CorrelationIds;
import dev.runtrail.telemetry.propagation.Incoming;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;

/**
 * The incoming request this thread is serving, for servers that cannot keep OpenTelemetry's context
 * current while a request is handled — reactive ones, which hop threads and restore thread locals per
 * signal through Micrometer's context-propagation ({@code ThreadLocalAccessor}). Its own thread local, so
 * restoring it never fights over OpenTelemetry's context with other accessors (Micrometer Tracing's).
 *
 * <p>A run started with no parent given and this set nests under the current span when there is one
 * (a server span of the framework's), else under the request's caller; it takes the request's
 * correlation id unless the current context already carries one.
 */
public final class CurrentRequest {

  private static final ThreadLocal<Incoming> CURRENT = new ThreadLocal<>();

  private CurrentRequest() {}

  /** The request this thread is serving, or null. */
  public static Incoming get() {
    return CURRENT.get();
  }

  /** Sets the request this thread is serving; null clears it. */
  public static void set(Incoming incoming) {
    if (incoming == null) {
      CURRENT.remove();
    } else {
      CURRENT.set(incoming);
    }
  }

  /** The parent of a run started now on this thread: {@code current}, completed from the request. */
  public static Context parentFor(Context current) {
    Incoming request = CURRENT.get();
    if (request == null) {
      return current;
    }
    Context base = Span.fromContext(current).getSpanContext().isValid() ? current : request.context();
    return CorrelationIds.fromBaggage(base) != null ? base
        : CorrelationIds.withCorrelationId(base, request.correlationId());
  }
}
