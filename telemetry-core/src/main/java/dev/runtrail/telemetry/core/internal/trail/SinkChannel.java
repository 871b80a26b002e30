package dev.runtrail.telemetry.core.internal.trail;

import dev.runtrail.telemetry.core.internal.SelfMonitor;
import dev.runtrail.telemetry.trail.TrailEvent;
import dev.runtrail.telemetry.trail.TrailSink;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * One asynchronous sink: a bounded queue and the sink's own daemon thread, so a slow or stuck sink
 * only ever delays itself. Everything the sink is asked (accept, flush, runEnded, close) happens on
 * that thread, in queue order.
 *
 * <p>The app's thread never wakes the sink's thread while events keep coming: when its queue runs
 * empty, the sink thread naps (10 µs, doubling up to {@value #MAX_NAP_MICROS} µs) and looks again, and
 * only after {@value #IDLE_BEFORE_BLOCKING_MILLIS} ms without events does it block on the queue, where
 * the next event wakes it. Waking a blocked thread costs the recording thread a system call — on a
 * virtual machine, an inter-processor interrupt — for every event; a nap costs the sink's own thread
 * a timer, and delays an event by at most {@value #MAX_NAP_MICROS} µs.
 */
final class SinkChannel {

  private static final Object STOP = new Object();
  static final long MAX_NAP_MICROS = 1_000;
  static final long IDLE_BEFORE_BLOCKING_MILLIS = 50;

  /** A run ended: the sink should persist the run; completes when it has. */
  private static final class RunEnd {
    final String runId;
    final CompletableFuture<Void> done = new CompletableFuture<>();

    RunEnd(String runId) {
      this.runId = runId;
    }
  }

  private final TrailSink sink;
  private final boolean durable;
  private final ArrayBlockingQueue<Object> queue;
  private final SelfMonitor monitor;
  private final Thread thread;

  SinkChannel(TrailSink sink, int capacity, SelfMonitor monitor) {
    this.sink = sink;
    this.durable = sink.delivery() == TrailSink.Delivery.DURABLE;
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.monitor = monitor;
    this.thread = new Thread(this::loop, "runtrail-trail-" + sink.name());
    this.thread.setDaemon(true);
    this.thread.start();
  }

  TrailSink sink() {
    return sink;
  }

  boolean isDurable() {
    return durable;
  }

  /** Offers without waiting. */
  boolean offerNow(TrailEvent event) {
    return queue.offer(event);
  }

  /** Offers, waiting for room until {@code deadlineNanos} ({@link System#nanoTime()} based). */
  boolean offerUntil(Object item, long deadlineNanos) {
    if (queue.offer(item)) {
      return true;
    }
    try {
      long wait = deadlineNanos - System.nanoTime();
      return wait > 0 && queue.offer(item, wait, TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Asks the sink to persist a run once all its queued events are handled. */
  CompletableFuture<Void> runEnded(String runId, long deadlineNanos) {
    RunEnd end = new RunEnd(runId);
    if (!offerUntil(end, deadlineNanos)) {
      monitor.failure("flushing trail sink '" + sink.name() + "' at run end (queue stayed full)", null);
      end.done.complete(null);
    }
    return end.done;
  }

  /** Stops after the queued items; waits until the deadline; returns how many items were abandoned. */
  int stop(long deadlineNanos) {
    if (!offerUntil(STOP, deadlineNanos)) {
      int abandoned = queue.size();
      thread.interrupt();
      return abandoned;
    }
    try {
      long wait = deadlineNanos - System.nanoTime();
      if (wait > 0) {
        thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(wait)));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (thread.isAlive()) {
      int abandoned = queue.size();
      thread.interrupt();
      return abandoned;
    }
    return 0;
  }

  private void loop() {
    try {
      while (true) {
        Object item = queue.poll();
        if (item == null) {
          call("flush", null);
          item = next();
        }
        if (item == STOP) {
          break;
        }
        handle(item);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      call("flush", null);
      call("close", null);
    }
  }

  /** The next item: napping while the app is busy, blocking once it has been idle a while. */
  private Object next() throws InterruptedException {
    long idleSince = System.nanoTime();
    long nap = 10_000;
    while (true) {
      Object item = queue.poll();
      if (item != null) {
        return item;
      }
      if (System.nanoTime() - idleSince > TimeUnit.MILLISECONDS.toNanos(IDLE_BEFORE_BLOCKING_MILLIS)) {
        return queue.take();
      }
      LockSupport.parkNanos(this, nap);
      if (Thread.interrupted()) {
        throw new InterruptedException();
      }
      nap = Math.min(nap * 2, TimeUnit.MICROSECONDS.toNanos(MAX_NAP_MICROS));
    }
  }

  private void handle(Object item) {
    if (item instanceof TrailEvent) {
      call("accept", (TrailEvent) item);
    } else if (item instanceof RunEnd) {
      RunEnd end = (RunEnd) item;
      call("flush", null);
      try {
        sink.runEnded(end.runId);
      } catch (Throwable t) {
        rethrowFatal(t);
        monitor.failure("trail sink '" + sink.name() + "' runEnded", t);
      } finally {
        end.done.complete(null);
      }
    }
  }

  private void call(String what, TrailEvent event) {
    try {
      switch (what) {
        case "accept":
          sink.accept(event);
          break;
        case "flush":
          sink.flush();
          break;
        default:
          sink.close();
      }
    } catch (Throwable t) {
      rethrowFatal(t);
      if (event != null && durable) {
        monitor.trailGap(sink.name(), t);
      } else if (event != null) {
        monitor.dropped("trail_sink", 1, "trail sink '" + sink.name() + "' threw " + t.getClass().getSimpleName());
      } else {
        monitor.failure("trail sink '" + sink.name() + "' " + what, t);
      }
    }
  }

  static void rethrowFatal(Throwable t) {
    if (t instanceof VirtualMachineError) {
      throw (VirtualMachineError) t;
    }
  }
}
