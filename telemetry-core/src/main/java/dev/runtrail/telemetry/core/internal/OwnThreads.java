package dev.runtrail.telemetry.core.internal;

/**
 * Runtrail's own background threads, and what a failure may do on them.
 *
 * <p>Nothing thrown on one of Runtrail's threads may end it: a dead trail sink thread would
 * hold every recorder back for the rest of the process (each waiting its offer timeout, then refused). So
 * there even a {@link VirtualMachineError} is reported and the thread carries on. On the app's own
 * thread (synchronous export, an inline sink) a {@code VirtualMachineError} goes on up: it is the JVM's,
 * not Runtrail's, and swallowing it there would hide it from the app.
 */
public final class OwnThreads {

  private static final class OwnThread extends Thread {
    OwnThread(Runnable task, String name) {
      super(task, name);
      setDaemon(true);
    }
  }

  private OwnThreads() {}

  /** A daemon thread of Runtrail's, not yet started. */
  public static Thread newDaemon(String name, Runnable task) {
    return new OwnThread(task, name);
  }

  /** Whether the calling thread is one of Runtrail's own. */
  public static boolean isOwnThread() {
    return Thread.currentThread() instanceof OwnThread;
  }

  /** Rethrows {@code t} when it is a {@link VirtualMachineError} and this is the app's thread; else returns. */
  public static void rethrowOnAppThread(Throwable t) {
    if (t instanceof VirtualMachineError && !isOwnThread()) {
      throw (VirtualMachineError) t;
    }
  }
}
