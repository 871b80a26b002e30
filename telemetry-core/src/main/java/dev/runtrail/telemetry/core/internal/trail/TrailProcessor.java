package dev.runtrail.telemetry.core.internal.trail;

import dev.runtrail.telemetry.core.internal.SelfMonitor;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedTransferQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The trail's own thread: redacts accepted trail events and hands them to the sinks off the recording
 * thread, together with what must happen after a run's events (ending the spans that carry them,
 * recording step and run metrics, ending the run), in the order it was given.
 *
 * <p>One daemon thread behind a lock-free queue; it naps while work keeps coming ({@link Naps}), so the
 * app's threads never pay for waking it. Events are bounded: at most {@code capacity} wait at a time,
 * and a recorder waits up to its timeout for room before the event is refused ({@link #offer}). Other
 * work ({@link #execute}) never waits: it is bounded by the steps and runs the app closes, and past a
 * hard cap (a sink stuck for long) it runs on the caller's thread instead.
 */
public final class TrailProcessor {

  /** A task that holds one of the {@code capacity} event places until it has run. */
  public interface Event extends Runnable {}

  private static final Runnable STOP = () -> { };

  private final LinkedTransferQueue<Runnable> queue = new LinkedTransferQueue<>();
  private final Semaphore eventPlaces;
  private final AtomicInteger queued = new AtomicInteger();
  private final int hardCap;
  private final SelfMonitor monitor;
  private final Thread thread;
  private volatile boolean stopped;

  public TrailProcessor(int capacity, SelfMonitor monitor) {
    this.eventPlaces = new Semaphore(capacity);
    this.hardCap = Math.max(capacity, 1024) * 16;
    this.monitor = monitor;
    this.thread = new Thread(this::loop, "runtrail-trail");
    this.thread.setDaemon(true);
    this.thread.start();
  }

  /**
   * Queues an event, waiting up to {@code timeoutNanos} for one of the event places.
   *
   * @return whether it was queued; false when no place came free in time or the processor has stopped
   */
  public boolean offer(Event event, long timeoutNanos) {
    if (stopped) {
      return false;
    }
    if (!eventPlaces.tryAcquire()) {
      try {
        if (!eventPlaces.tryAcquire(timeoutNanos, TimeUnit.NANOSECONDS)) {
          return false;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    queued.incrementAndGet();
    queue.offer(event);
    // Queued just as the processor stopped: not accepted, unless the thread got to it.
    if (stopped && queue.remove(event)) {
      done(event);
      return false;
    }
    return true;
  }

  /**
   * Runs {@code task} after everything queued before it: on the processor's thread while it runs, on
   * the caller's thread once it has stopped (or when a stuck sink has let {@code 16 × capacity} tasks
   * pile up). Never waits.
   */
  public void execute(Runnable task) {
    if (stopped || Thread.currentThread() == thread || queued.get() >= hardCap) {
      runHere(task);
      return;
    }
    queued.incrementAndGet();
    queue.offer(task);
    if (stopped && queue.remove(task)) {
      done(task);
      runHere(task);
    }
  }

  /** Whether the processor has stopped (telemetry closed): it takes no more events. */
  public boolean isStopped() {
    return stopped;
  }

  /** Waits until everything queued before this call has run, at most {@code timeout}; false on timeout. */
  public boolean flush(Duration timeout) {
    CountDownLatch done = new CountDownLatch(1);
    execute(done::countDown);
    try {
      return done.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * Runs what is queued, then stops, waiting until {@code deadlineNanos} ({@link System#nanoTime()}
   * based) at most.
   *
   * @return how many tasks were abandoned
   */
  public int stop(long deadlineNanos) {
    queue.offer(STOP);
    try {
      long wait = deadlineNanos - System.nanoTime();
      if (wait > 0) {
        thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(wait)));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (!thread.isAlive()) {
      return 0;
    }
    stopped = true;
    int abandoned = 0;
    for (Runnable task = queue.poll(); task != null; task = queue.poll()) {
      if (task != STOP) {
        abandoned++;
      }
    }
    thread.interrupt();
    return abandoned;
  }

  // Tasks and events done since the counters shared with the app's threads were last updated: they are
  // updated in batches (and before each nap), so that the app's threads mostly find those counters in
  // their own caches. Processor thread only.
  private int doneTasks;
  private int doneEvents;

  private void loop() {
    try {
      while (true) {
        Runnable task = queue.poll();
        if (task == null) {
          settle();
          task = Naps.next(queue, this);
        }
        if (task == STOP) {
          break;
        }
        runHere(task);
        doneTasks++;
        if (task instanceof Event) {
          doneEvents++;
        }
        if (doneTasks == 64) {
          settle();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      stopped = true;
      // Work queued while stopping still runs; later work runs on its caller's thread.
      for (Runnable task = queue.poll(); task != null; task = queue.poll()) {
        if (task != STOP) {
          runHere(task);
          done(task);
        }
      }
      settle();
    }
  }

  private void settle() {
    if (doneTasks > 0) {
      queued.addAndGet(-doneTasks);
      doneTasks = 0;
    }
    if (doneEvents > 0) {
      eventPlaces.release(doneEvents);
      doneEvents = 0;
    }
  }

  /** A task taken back from the queue (by its producer, or after the processor stopped). */
  private void done(Runnable task) {
    queued.decrementAndGet();
    if (task instanceof Event) {
      eventPlaces.release();
    }
  }

  private void runHere(Runnable task) {
    try {
      task.run();
    } catch (Throwable t) {
      SinkChannel.rethrowFatal(t);
      monitor.failure("trail processing", t);
    }
  }
}
