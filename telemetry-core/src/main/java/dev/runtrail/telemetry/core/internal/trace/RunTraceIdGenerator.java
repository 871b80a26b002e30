package dev.runtrail.telemetry.core.internal.trace;

import io.opentelemetry.sdk.trace.IdGenerator;

/**
 * Random ids, except that a run may ask for a given trace id for its root span (the plan-derived
 * trace id strategy). Installed on the tracer provider Runtrail builds itself.
 */
public final class RunTraceIdGenerator implements IdGenerator {

  private static final ThreadLocal<String> NEXT_TRACE_ID = new ThreadLocal<>();
  private final IdGenerator random = IdGenerator.random();

  /** The next trace id generated on this thread will be {@code traceId}; clear with {@link #clear()}. */
  static void forceNext(String traceId) {
    NEXT_TRACE_ID.set(traceId);
  }

  static void clear() {
    NEXT_TRACE_ID.remove();
  }

  @Override
  public String generateSpanId() {
    return random.generateSpanId();
  }

  @Override
  public String generateTraceId() {
    String forced = NEXT_TRACE_ID.get();
    if (forced != null) {
      NEXT_TRACE_ID.remove();
      return forced;
    }
    return random.generateTraceId();
  }
}
