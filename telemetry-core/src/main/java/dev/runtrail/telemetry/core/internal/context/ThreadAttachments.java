package dev.runtrail.telemetry.core.internal.context;

import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.context.Context;
import java.util.ArrayDeque;
import org.slf4j.MDC;

/**
 * Makes runs and steps current on a thread: OpenTelemetry context plus the MDC keys of
 * {@link MdcKeys}, restored in LIFO order. Keeps a per-thread stack so that a step closed on another
 * thread (which must not touch this thread's state) is cleaned up here the next time this thread
 * attaches or detaches anything.
 */
public final class ThreadAttachments {

  private static final ThreadLocal<ArrayDeque<Attachment>> STACK = ThreadLocal.withInitial(ArrayDeque::new);

  private ThreadAttachments() {}

  /**
   * Makes {@code context} current and sets the MDC from {@code span}, {@code runId} and
   * {@code correlationId} (a null id removes its key while attached), with no plan keys.
   */
  public static Attachment attach(Context context, SpanContext span, String runId, String correlationId) {
    return attach(context, span, runId, correlationId, null, null);
  }

  /**
   * Makes {@code context} current and sets the MDC from {@code span}, {@code runId},
   * {@code correlationId}, {@code planId} and {@code planVersion} (a null or empty value removes its key
   * while attached).
   */
  public static Attachment attach(Context context, SpanContext span, String runId, String correlationId,
      String planId, String planVersion) {
    ArrayDeque<Attachment> stack = STACK.get();
    restoreAbandoned(stack);
    String[] previous = new String[MdcKeys.ALL.length];
    for (int i = 0; i < previous.length; i++) {
      previous[i] = MDC.get(MdcKeys.ALL[i]);
    }
    boolean valid = span.isValid();
    // A step attaches under its run with the same trace, flags, run and correlation id: only what
    // changes is written (an MDC write also invalidates the logging backend's copy of the map).
    int written = set(MdcKeys.TRACE_ID, previous[0], valid ? span.getTraceId() : null) ? 1 : 0;
    written |= set(MdcKeys.SPAN_ID, previous[1], valid ? span.getSpanId() : null) ? 2 : 0;
    written |= set(MdcKeys.TRACE_FLAGS, previous[2], valid ? span.getTraceFlags().asHex() : null) ? 4 : 0;
    written |= set(MdcKeys.RUN_ID, previous[3], orNull(runId)) ? 8 : 0;
    written |= set(MdcKeys.CORRELATION_ID, previous[4], orNull(correlationId)) ? 16 : 0;
    written |= set(MdcKeys.PLAN_ID, previous[5], orNull(planId)) ? 32 : 0;
    written |= set(MdcKeys.PLAN_VERSION, previous[6], orNull(planVersion)) ? 64 : 0;
    Attachment attachment = new Attachment(Thread.currentThread(), context.makeCurrent(), previous, written);
    stack.push(attachment);
    return attachment;
  }

  private static String orNull(String value) {
    return value == null || value.isEmpty() ? null : value;
  }

  /**
   * Sets {@code key} to {@code value} (null removes it) unless it already holds that value.
   *
   * @return whether the MDC was written
   */
  static boolean set(String key, String current, String value) {
    if (value == null) {
      if (current != null) {
        MDC.remove(key);
        return true;
      }
      return false;
    }
    if (!value.equals(current)) {
      MDC.put(key, value);
      return true;
    }
    return false;
  }

  static void detach(Attachment attachment) {
    if (attachment.thread != Thread.currentThread()) {
      attachment.abandoned = true;
      return;
    }
    if (attachment.detached) {
      return;
    }
    ArrayDeque<Attachment> stack = STACK.get();
    if (!stack.contains(attachment)) {
      return;
    }
    // Closing out of order on one thread (a parent before its child) restores everything above it too.
    Attachment top;
    do {
      top = stack.pop();
      top.restore();
    } while (top != attachment);
    restoreAbandoned(stack);
  }

  private static void restoreAbandoned(ArrayDeque<Attachment> stack) {
    while (!stack.isEmpty() && stack.peek().abandoned) {
      stack.pop().restore();
    }
  }
}
