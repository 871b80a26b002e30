package dev.runtrail.telemetry.core.internal.trail;

import dev.runtrail.telemetry.core.internal.SelfMonitor;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The trail's own thread: redacts accepted trail events and hands them to the sinks off the recording
 * thread, together with whatever must happen after a run's events (ending a span that carries them,
 * ending the run), in the order it was given.
 *
 * <p>A bounded queue in front of one daemon thread that naps while work keeps coming ({@link Naps}).
 * Events are offered with a timeout ({@link #offer}): an event the queue could not take in time is not
 * accepted, and the recorder says so. Work that must not be lost ({@link #execute}) waits for room as long
 * as the thread runs and runs on the caller's thread once it has stopped.
 */
public final class TrailProcessor {

  private static final Runnable STOP = () -> { };

  private final ArrayBlockingQueue<Runnable> queue;
  private final SelfMonitor monitor;
  private final Thread thread;
  private volatile boolean stopped;

  public TrailProcessor(int capacity, SelfMonitor monitor) {
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.monitor = monitor;
    this.thread = new Thread(this::loop, "runtrail-trail");
    this.thread.setDaemon(true);
    this.thread.start();
  }

  /**
   * Queues {@code task}, waiting up to {@code timeoutNanos} for room.
   *
   * @return whether it was queued; false when the queue stayed full or the processor has stopped
   */
  public boolean offer(Runnable task, long timeoutNanos) {
    if (stopped) {
      return false;
    }
    boolean queued = queue.offer(task);
    if (!queued) {
      try {
        queued = queue.offer(task, timeoutNanos, TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    // Queued just as the processor stopped: not accepted, unless the thread got to it.
    return queued && !(stopped && queue.remove(task));
  }

  /**
   * Runs {@code task} after everything queued before it: on the processor's thread while it runs
   * (waiting for room if need be), on the caller's thread once it has stopped.
   */
  public void execute(Runnable task) {
    if (stopped || Thread.currentThread() == thread) {
      runHere(task);
      return;
    }
    boolean interrupted = false;
    while (true) {
      try {
        if (queue.offer(task, 10, TimeUnit.MILLISECONDS)) {
          break;
        }
      } catch (InterruptedException e) {
        interrupted = true;
      }
      if (stopped) {
        runHere(task);
        break;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    // Queued just as the processor stopped: run it here unless the thread got to it.
    if (stopped && queue.remove(task)) {
      runHere(task);
    }
  }

  /** Waits until everything queued before this call has run, at most {@code timeout}; false on timeout. */
  public boolean flush(Duration timeout) {
    CountDownLatch done = new CountDownLatch(1);
    long deadline = System.nanoTime() + timeout.toNanos();
    if (!offer(done::countDown, timeout.toNanos())) {
      return stopped;
    }
    try {
      return done.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
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
    try {
      long wait = deadlineNanos - System.nanoTime();
      if (!queue.offer(STOP, Math.max(0, wait), TimeUnit.NANOSECONDS)) {
        return abandon();
      }
      wait = deadlineNanos - System.nanoTime();
      if (wait > 0) {
        thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(wait)));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return thread.isAlive() ? abandon() : 0;
  }

  private int abandon() {
    stopped = true;
    int abandoned = queue.size();
    queue.clear();
    thread.interrupt();
    return abandoned;
  }

  private void loop() {
    try {
      while (true) {
        Runnable task = queue.poll();
        if (task == null) {
          task = Naps.next(queue, this);
        }
        if (task == STOP) {
          break;
        }
        runHere(task);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      stopped = true;
      // Work queued while stopping still runs; later work runs on its caller's thread.
      for (Runnable task = queue.poll(); task != null; task = queue.poll()) {
        if (task != STOP) {
          runHere(task);
        }
      }
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
