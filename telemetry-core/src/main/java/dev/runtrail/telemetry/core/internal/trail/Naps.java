package dev.runtrail.telemetry.core.internal.trail;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * How Runtrail's background threads wait for work without costing the app a system call per item.
 *
 * <p>When its queue runs empty, a consumer naps ({@value #FIRST_NAP_MICROS} µs, doubling up to
 * {@value #MAX_NAP_MICROS} µs) and looks again, and only after {@value #IDLE_BEFORE_BLOCKING_MILLIS} ms
 * without items does it block on the queue, where the next item wakes it. Waking a blocked thread costs
 * the producing (app) thread a system call — on a virtual machine, an inter-processor interrupt — for
 * every item; a nap costs the consumer's own thread a timer, and delays an item by at most
 * {@value #MAX_NAP_MICROS} µs, which telemetry can afford (a batch span processor waits seconds). Naps are
 * not shorter because every wake-up costs the machine a timer interrupt, a context switch and the
 * consumer's caches: on a 2-core machine, Runtrail's threads waking every few hundred microseconds took
 * more CPU than the work they woke for. Flushing or stopping wakes it at once.
 */
final class Naps {

  static final long FIRST_NAP_MICROS = 1_000;
  static final long MAX_NAP_MICROS = 8_000;
  static final long IDLE_BEFORE_BLOCKING_MILLIS = 50;

  private Naps() {}

  /** The next item of {@code queue}: napping while items keep coming, blocking once idle a while. */
  static <T> T next(BlockingQueue<T> queue, Object blocker) throws InterruptedException {
    long idleSince = System.nanoTime();
    long nap = TimeUnit.MICROSECONDS.toNanos(FIRST_NAP_MICROS);
    while (true) {
      T item = queue.poll();
      if (item != null) {
        return item;
      }
      if (System.nanoTime() - idleSince > TimeUnit.MILLISECONDS.toNanos(IDLE_BEFORE_BLOCKING_MILLIS)) {
        return queue.take();
      }
      LockSupport.parkNanos(blocker, nap);
      if (Thread.interrupted()) {
        throw new InterruptedException();
      }
      nap = Math.min(nap * 2, TimeUnit.MICROSECONDS.toNanos(MAX_NAP_MICROS));
    }
  }
}
