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
   * {@code correlationId} (a null id removes its key while attached).
   */
  public static Attachment attach(Context context, SpanContext span, String runId, String correlationId) {
    ArrayDeque<Attachment> stack = STACK.get();
    restoreAbandoned(stack);
    String[] previous = new String[MdcKeys.ALL.length];
    for (int i = 0; i < previous.length; i++) {
      previous[i] = MDC.get(MdcKeys.ALL[i]);
    }
    if (span.isValid()) {
      MDC.put(MdcKeys.TRACE_ID, span.getTraceId());
      MDC.put(MdcKeys.SPAN_ID, span.getSpanId());
      MDC.put(MdcKeys.TRACE_FLAGS, span.getTraceFlags().asHex());
    } else {
      MDC.remove(MdcKeys.TRACE_ID);
      MDC.remove(MdcKeys.SPAN_ID);
      MDC.remove(MdcKeys.TRACE_FLAGS);
    }
    putOrRemove(MdcKeys.RUN_ID, runId);
    putOrRemove(MdcKeys.CORRELATION_ID, correlationId);
    Attachment attachment = new Attachment(Thread.currentThread(), context.makeCurrent(), previous);
    stack.push(attachment);
    return attachment;
  }

  private static void putOrRemove(String key, String value) {
    if (value == null || value.isEmpty()) {
      MDC.remove(key);
    } else {
      MDC.put(key, value);
    }
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
