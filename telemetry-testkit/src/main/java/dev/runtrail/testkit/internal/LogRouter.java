package dev.runtrail.testkit.internal;

import dev.runtrail.testkit.LogLine;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinWorkerThread;

/**
 * Routes every captured log line to the test it belongs to. One routing table for the JVM (the logging
 * backend is global), but no captured data: that lives in each test's {@link LogBuffer}.
 *
 * <ol>
 *   <li>A line whose MDC (or key-values) carries a run id goes to the test whose telemetry started that
 *       run, whatever thread logged it.
 *   <li>Otherwise it goes to the test that owns the logging thread: the thread the test runs on, and
 *       threads started from it while the test ran (an inheritable thread-local, so an executor the test
 *       creates, and Runtrail's own delivery threads, are covered).
 *   <li>Otherwise it is a stray: every running test keeps a bounded copy for its leak scan only.
 * </ol>
 *
 * <p>Shared worker threads (JUnit's parallel workers, the common fork-join pool) run many tests' work,
 * so on them only an ownership claimed on that very thread counts: one inherited from whichever thread
 * happened to start the worker is ignored, and not passed on to threads the worker starts.
 */
public final class LogRouter {

  /** A test's claim on a thread; {@code claimedOn} is the thread the claim was made on. */
  private record Ownership(LogBuffer buffer, Thread claimedOn) {}

  private static final Map<String, LogBuffer> RUNS = new ConcurrentHashMap<>();
  private static final Set<LogBuffer> OPEN = ConcurrentHashMap.newKeySet();
  private static final Set<Thread> RUNNERS = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));
  private static final InheritableThreadLocal<Ownership> OWNER = new InheritableThreadLocal<>() {
    @Override
    protected Ownership childValue(Ownership parent) {
      // Called on the parent thread while it constructs the child.
      return trusted(parent, Thread.currentThread()) ? parent : null;
    }
  };

  private LogRouter() {}

  /** Whether any test is capturing; lets the appender skip the work when none is. */
  public static boolean isListening() {
    return !OPEN.isEmpty();
  }

  /**
   * A test starts on this thread: it owns the thread and threads started from it. Only buffers fed by
   * the backend ({@link LogBuffer#isComplete()}) take part; a fallback buffer is fed by its own logger.
   */
  public static void open(LogBuffer buffer) {
    if (buffer.isComplete()) {
      RUNNERS.add(Thread.currentThread());
      OPEN.add(buffer);
      OWNER.set(new Ownership(buffer, Thread.currentThread()));
    }
  }

  /** Makes the current thread the test's (e.g. a lifecycle method run on another thread). */
  public static void own(LogBuffer buffer) {
    if (buffer.isComplete() && buffer.isOpen()) {
      OWNER.set(new Ownership(buffer, Thread.currentThread()));
    }
  }

  /** A run of the test started. */
  public static void runStarted(String runId, LogBuffer buffer) {
    if (buffer.isComplete()) {
      RUNS.put(runId, buffer);
    }
  }

  /** The test is over: forget its runs and threads. */
  public static void close(LogBuffer buffer) {
    buffer.closeBuffer();
    OPEN.remove(buffer);
    RUNS.values().removeIf(b -> b == buffer);
    Ownership ownership = OWNER.get();
    if (ownership != null && ownership.buffer() == buffer) {
      OWNER.remove();
    }
  }

  /** Delivers one line; never throws. */
  public static void route(LogLine line) {
    LogBuffer target = null;
    String runId = line.runId();
    if (runId != null) {
      target = RUNS.get(runId);
    }
    if (target == null) {
      Ownership ownership = OWNER.get();
      if (trusted(ownership, Thread.currentThread())) {
        target = ownership.buffer();
      }
    }
    if (target != null) {
      target.add(line);
      return;
    }
    for (LogBuffer buffer : OPEN) {
      buffer.addStray(line);
    }
  }

  private static boolean trusted(Ownership ownership, Thread thread) {
    if (ownership == null || !ownership.buffer().isOpen()) {
      return false;
    }
    boolean shared = thread instanceof ForkJoinWorkerThread || RUNNERS.contains(thread);
    return ownership.claimedOn() == thread || !shared;
  }
}
