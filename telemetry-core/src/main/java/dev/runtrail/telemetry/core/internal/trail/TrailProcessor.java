package dev.runtrail.telemetry.core.internal.trail;

import dev.runtrail.telemetry.core.internal.OwnThreads;
import dev.runtrail.telemetry.core.internal.SelfMonitor;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedTransferQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The trail's own thread: redacts accepted trail events and hands them to the sinks off the recording
 * thread, together with what must happen after a run's events (ending the spans that carry them,
 * recording step and run metrics, ending the run), in the order it was given.
 *
 * <p>One daemon thread behind a lock-free queue; it naps while work keeps coming ({@link Naps}), so the
 * app's threads never pay for waking it. Events are bounded: at most {@code capacity} wait at a time,
 * and a recorder waits up to its timeout for one of those places ({@link #reserve}) before the event is
 * refused. Other work ({@link #execute}) is never refused and never run out of order: past {@code
 * capacity} waiting tasks its caller waits up to the same timeout for the processor to catch up (so an
 * app closing steps in a tight loop goes at the processor's pace rather than piling work up), then
 * queues it anyway — only a processor stuck behind a stuck durable sink lets tasks pile up, at most one
 * per timeout and app thread. Once telemetry is closing nobody waits.
 */
public final class TrailProcessor {

  /** A task that holds one of the {@code capacity} event places until it has run. */
  public interface Event extends Runnable {}

  /** What {@link #stop} left unrun: accepted events, and other tasks. */
  public record Abandoned(int events, int tasks) {}

  private static final Runnable STOP = () -> { };

  private final LinkedTransferQueue<Runnable> queue = new LinkedTransferQueue<>();
  private final Semaphore eventPlaces;
  private final AtomicInteger queued = new AtomicInteger();
  private final int softCap;
  /** Waiting tasks at which a producer wakes the napping processor rather than let work pile up. */
  private final int wakeAt;
  private final long waitNanos;
  private final SelfMonitor monitor;
  private final Thread thread;
  private volatile boolean stopped;
  private volatile boolean closing;

  /**
   * @param capacity events that may wait at a time (and tasks before {@link #execute} waits)
   * @param waitNanos how long {@link #execute} waits for the processor to catch up
   */
  public TrailProcessor(int capacity, long waitNanos, SelfMonitor monitor) {
    this.eventPlaces = new Semaphore(capacity);
    this.softCap = capacity;
    this.wakeAt = Math.max(1, capacity / 4);
    this.waitNanos = waitNanos;
    this.monitor = monitor;
    this.thread = OwnThreads.newDaemon("runtrail-trail", this::loop);
    this.thread.start();
  }

  /**
   * Takes one of the event places for an event to come, waiting up to {@code timeoutNanos}. A recorder
   * takes its place before it takes its run's trail lock, so that concurrent recorders each wait their
   * own timeout, not each other's.
   *
   * @return whether a place was taken; false when none came free in time or the processor has stopped
   */
  public boolean reserve(long timeoutNanos) {
    if (stopped) {
      return false;
    }
    if (eventPlaces.tryAcquire()) {
      return true;
    }
    try {
      return eventPlaces.tryAcquire(timeoutNanos, TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Gives back a place {@link #reserve reserved} for an event that will not come. */
  public void release() {
    eventPlaces.release();
  }

  /**
   * Queues an event in a place {@link #reserve reserved} for it.
   *
   * @return whether it was queued; false when the processor stopped meanwhile (the place is given back)
   */
  public boolean offerReserved(Event event) {
    if (stopped) {
      eventPlaces.release();
      return false;
    }
    enqueue(event);
    // Queued just as the processor stopped: not accepted, unless the thread got to it.
    if (stopped && queue.remove(event)) {
      done(event);
      return false;
    }
    return true;
  }

  /**
   * Runs {@code task} after everything queued before it: on the processor's thread while it runs, on
   * the caller's thread once it has stopped. Waits only while {@code capacity} tasks are waiting, at most
   * the timeout, and not at all once telemetry is {@link #closing()}.
   */
  public void execute(Runnable task) {
    if (Thread.currentThread() == thread) {
      runHere(task);
      return;
    }
    if (!stopped && queued.get() >= softCap) {
      catchUp();
    }
    executeLater(task);
  }

  /**
   * Queues {@code task} behind everything queued so far, also when called on the processor's own thread
   * (where {@link #execute} runs a task at once); after the processor stopped, runs it here.
   */
  public void executeLater(Runnable task) {
    if (stopped) {
      runHere(task);
      return;
    }
    enqueue(task);
    if (stopped && queue.remove(task)) {
      done(task);
      runHere(task);
    }
  }

  private void enqueue(Runnable task) {
    if (queued.incrementAndGet() == wakeAt) {
      LockSupport.unpark(thread);
    }
    queue.offer(task);
  }

  /** Waits (up to the timeout) while {@code softCap} tasks wait; not when closing, stopped or interrupted. */
  private void catchUp() {
    long deadline = System.nanoTime() + waitNanos;
    while (queued.get() >= softCap && System.nanoTime() - deadline < 0 && !stopped && !closing
        && !Thread.currentThread().isInterrupted()) {
      LockSupport.parkNanos(this, 50_000);
    }
  }

  /** Telemetry is closing: from now on nobody waits for the processor to catch up. */
  public void closing() {
    closing = true;
    LockSupport.unpark(thread);
  }

  /** Whether the processor has stopped (telemetry closed): it takes no more events. */
  public boolean isStopped() {
    return stopped;
  }

  /**
   * Waits until everything queued before this call has run, at most {@code timeout}.
   *
   * @return false on timeout (or when the processor stopped with the work unrun)
   */
  public boolean flush(Duration timeout) {
    if (stopped) {
      return true; // whatever was queued ran, or was counted as abandoned, when it stopped
    }
    CountDownLatch done = new CountDownLatch(1);
    enqueue(done::countDown);
    LockSupport.unpark(thread);
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
   * @return what was abandoned
   */
  public Abandoned stop(long deadlineNanos) {
    closing = true;
    queue.offer(STOP);
    LockSupport.unpark(thread);
    try {
      long wait = deadlineNanos - System.nanoTime();
      if (wait > 0) {
        thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(wait)));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (!thread.isAlive()) {
      return new Abandoned(0, 0);
    }
    stopped = true;
    int events = 0;
    int tasks = 0;
    for (Runnable task = queue.poll(); task != null; task = queue.poll()) {
      if (task instanceof Event) {
        events++;
      } else if (task != STOP) {
        tasks++;
      }
    }
    thread.interrupt();
    awaitBriefly(thread); // the task it was in (a stuck sink) ends and is counted before close() returns
    return new Abandoned(events, tasks);
  }

  /** Lets an interrupted thread finish what it was in, for up to {@value #AFTER_INTERRUPT_MILLIS} ms. */
  static void awaitBriefly(Thread thread) {
    try {
      thread.join(AFTER_INTERRUPT_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static final long AFTER_INTERRUPT_MILLIS = 50;

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

  /** Runs a task; what it throws is reported, never thrown on (but a VirtualMachineError on the app's thread). */
  private void runHere(Runnable task) {
    try {
      task.run();
    } catch (Throwable t) {
      OwnThreads.rethrowOnAppThread(t);
      monitor.failure("trail processing", t);
    }
  }
}
