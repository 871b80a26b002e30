package dev.runtrail.logging.logback;

import dev.runtrail.telemetry.attributes.RunAttributes;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.sdk.trace.ReadableSpan;

/**
 * The run facts of the span current on the logging thread, for {@link RunLogJsonEncoder}'s fallback when
 * an event's MDC lacks them. OpenTelemetry and telemetry-api are optional dependencies of this module:
 * {@link #AVAILABLE} says whether they are on the class path, and nothing here is touched when not.
 */
final class CurrentSpan {
  static final boolean AVAILABLE = present("dev.runtrail.telemetry.attributes.RunAttributes")
      && present("io.opentelemetry.api.trace.Span") && present("io.opentelemetry.sdk.trace.ReadableSpan");

  private CurrentSpan() {}

  /** {@code {traceId, spanId}} of the current span, or null when no valid span is current. */
  static String[] ids() {
    SpanContext context = Span.current().getSpanContext();
    return context.isValid() ? new String[] {context.getTraceId(), context.getSpanId()} : null;
  }

  /**
   * The current span's run attribute for a seed field ({@code runId}, {@code planId}, ...), or null. Only
   * an SDK span can be read; telemetry-core puts plan id and version on the run's root span only (inside a
   * step they come from the MDC keys it sets).
   */
  static String attribute(String field) {
    if (!(Span.current() instanceof ReadableSpan span)) {
      return null;
    }
    AttributeKey<String> key = switch (field) {
      case "runId" -> RunAttributes.RUN_ID;
      case "planId" -> RunAttributes.PLAN_ID;
      case "planVersion" -> RunAttributes.PLAN_VERSION;
      case "tenantId" -> RunAttributes.TENANT_ID;
      case "environmentId" -> RunAttributes.ENV;
      case "adapter" -> RunAttributes.ADAPTER;
      default -> null;
    };
    return key == null ? null : span.getAttribute(key);
  }

  private static boolean present(String className) {
    try {
      Class.forName(className, false, CurrentSpan.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }
}
