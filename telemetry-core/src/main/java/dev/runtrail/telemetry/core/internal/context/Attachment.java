package dev.runtrail.telemetry.core.internal.context;

import io.opentelemetry.context.Scope;
import org.slf4j.MDC;

/**
 * A run or step made current on one thread: the OpenTelemetry scope and the MDC values it replaced.
 * Closing it on its own thread restores the thread; closing it elsewhere only marks it abandoned, and
 * the owning thread restores itself the next time Runtrail touches it.
 */
public final class Attachment implements Scope {

  final Thread thread;
  private final Scope scope;
  private final String[] previousMdc;
  volatile boolean abandoned;
  boolean detached;

  Attachment(Thread thread, Scope scope, String[] previousMdc) {
    this.thread = thread;
    this.scope = scope;
    this.previousMdc = previousMdc;
  }

  /** Detaches (same thread) or marks abandoned (another thread). Idempotent. */
  @Override
  public void close() {
    ThreadAttachments.detach(this);
  }

  /** Restores the thread; only ever called on {@link #thread}. */
  void restore() {
    detached = true;
    scope.close();
    for (int i = 0; i < MdcKeys.ALL.length; i++) {
      ThreadAttachments.set(MdcKeys.ALL[i], MDC.get(MdcKeys.ALL[i]), previousMdc[i]);
    }
  }
}
