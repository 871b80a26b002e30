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
  /** Bit i set: attaching wrote {@code MdcKeys.ALL[i]} (the others already held their values). */
  private final int writtenMdc;
  volatile boolean abandoned;
  boolean detached;

  Attachment(Thread thread, Scope scope, String[] previousMdc, int writtenMdc) {
    this.thread = thread;
    this.scope = scope;
    this.previousMdc = previousMdc;
    this.writtenMdc = writtenMdc;
  }

  /** Detaches (same thread) or marks abandoned (another thread). Idempotent. */
  @Override
  public void close() {
    ThreadAttachments.detach(this);
  }

  /**
   * Restores the thread; only ever called on {@link #thread}. Only the MDC keys attaching wrote are put
   * back (a step attached under its run changes its span id only); a key the app set meanwhile is left
   * as the app set it unless attaching had written it.
   */
  void restore() {
    detached = true;
    scope.close();
    for (int i = 0; i < MdcKeys.ALL.length; i++) {
      if ((writtenMdc & (1 << i)) != 0) {
        // Written by attaching, so it is ours to put back, without reading it first.
        if (previousMdc[i] == null) {
          MDC.remove(MdcKeys.ALL[i]);
        } else {
          MDC.put(MdcKeys.ALL[i], previousMdc[i]);
        }
      }
    }
  }
}
