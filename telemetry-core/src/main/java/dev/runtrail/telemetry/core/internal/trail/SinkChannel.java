package dev.runtrail.telemetry.core.internal.trail;

import dev.runtrail.telemetry.core.internal.OwnThreads;
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
 * <p>The app's thread never wakes the sink's thread while events keep coming: the sink thread naps
 * between looks at its queue ({@link Naps}).
 */
final class SinkChannel {

  private static final Object STOP = new Object();

  /** Asked by {@link #flushed}: completes once everything queued before it is handled and the sink flushed. */
  private static final class Flush {
    final CompletableFuture<Void> done = new CompletableFuture<>();
  }

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
  private volatile boolean stopped;

  SinkChannel(TrailSink sink, int capacity, SelfMonitor monitor) {
    this.sink = sink;
    this.durable = sink.delivery() == TrailSink.Delivery.DURABLE;
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.monitor = monitor;
    this.thread = OwnThreads.newDaemon("runtrail-trail-" + sink.name(), this::loop);
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
    return queue.offer(event) && keptAfterStop(event);
  }

  /**
   * An event offered while the channel stops can land behind the stop marker, where the sink's thread will
   * never take it: once stopped, the offerer takes its event back (and reports it not accepted, so the
   * caller counts it) unless the thread or {@link #stop}'s take-back got it first, each of which accounts
   * for it. Exactly one of them removes it from the queue.
   */
  private boolean keptAfterStop(Object item) {
    return !stopped || !(item instanceof TrailEvent) || !queue.remove(item);
  }

  /** Offers, waiting for room until {@code deadlineNanos} ({@link System#nanoTime()} based) at most. */
  boolean offerUntil(Object item, long deadlineNanos) {
    if (queue.offer(item)) {
      return keptAfterStop(item);
    }
    try {
      long wait = deadlineNanos - System.nanoTime();
      return wait > 0 && queue.offer(item, wait, TimeUnit.NANOSECONDS) && keptAfterStop(item);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Asks the sink to persist a run once all its queued events are handled. */
  CompletableFuture<Void> runEnded(String runId, long deadlineNanos) {
    RunEnd end = new RunEnd(runId);
    if (stopped) {
      end.done.complete(null); // nothing of the run will be written any more
      return end.done;
    }
    if (!offerUntil(end, deadlineNanos)) {
      monitor.failure("flushing trail sink '" + sink.name() + "' at run end (queue stayed full)", null);
      end.done.complete(null);
    }
    return end.done;
  }

  /**
   * Completes once the events queued before this call are handled and the sink flushed (at once when the
   * channel has stopped; never when there was no room for the marker before the deadline, as the events
   * before it are still waiting).
   */
  CompletableFuture<Void> flushed(long deadlineNanos) {
    Flush flush = new Flush();
    if (stopped) {
      flush.done.complete(null);
    } else if (offerUntil(flush, deadlineNanos)) {
      LockSupport.unpark(thread); // rather than let it finish its nap
    }
    return flush.done;
  }

  /** Stops after the queued items; waits until the deadline; returns how many events were abandoned. */
  int stop(long deadlineNanos) {
    stopped = true;
    boolean queued = offerUntil(STOP, deadlineNanos);
    LockSupport.unpark(thread); // rather than let it finish its nap
    if (!queued) {
      return abandon();
    }
    try {
      long wait = deadlineNanos - System.nanoTime();
      if (wait > 0) {
        thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(wait)));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return thread.isAlive() ? abandon() : takeBack(); // what was offered as it stopped sits behind STOP
  }

  /** Takes back what is still queued (completing run ends), interrupts the thread; returns the events among it. */
  private int abandon() {
    int events = takeBack();
    queue.offer(STOP); // the thread ends after the call it is in, if the interrupt does not end it sooner
    thread.interrupt();
    awaitBriefly(thread); // an event it was writing is counted (as a gap) before we return
    return events;
  }

  /** Empties the queue, completing the flushes and run ends in it; returns how many events it held. */
  private int takeBack() {
    int events = 0;
    for (Object item = queue.poll(); item != null; item = queue.poll()) {
      if (item instanceof TrailEvent) {
        events++;
      } else if (item instanceof RunEnd) {
        ((RunEnd) item).done.complete(null);
      } else if (item instanceof Flush) {
        ((Flush) item).done.complete(null);
      }
    }
    return events;
  }

  /** Lets an interrupted thread finish what it was in, for up to {@value #AFTER_INTERRUPT_MILLIS} ms. */
  private static void awaitBriefly(Thread thread) {
    try {
      thread.join(AFTER_INTERRUPT_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static final long AFTER_INTERRUPT_MILLIS = 50;

  private void loop() {
    try {
      while (true) {
        Object item = queue.poll();
        if (item == null) {
          call("flush", null);
          item = Naps.next(queue, this);
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

  private void handle(Object item) {
    if (item instanceof TrailEvent) {
      call("accept", (TrailEvent) item);
    } else if (item instanceof Flush) {
      call("flush", null);
      ((Flush) item).done.complete(null);
    } else if (item instanceof RunEnd) {
      RunEnd end = (RunEnd) item;
      call("flush", null);
      try {
        sink.runEnded(end.runId);
      } catch (Throwable t) {
        OwnThreads.rethrowOnAppThread(t);
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
      OwnThreads.rethrowOnAppThread(t); // never on the sink's own thread: it must live on to drain its queue
      if (event != null && durable) {
        monitor.trailGap(sink.name(), t);
      } else if (event != null) {
        monitor.dropped("trail_sink", 1, "trail sink '" + sink.name() + "' threw " + t.getClass().getSimpleName());
      } else {
        monitor.failure("trail sink '" + sink.name() + "' " + what, t);
      }
    }
  }
}
