package dev.runtrail.redaction.internal;

/**
 * Counts matcher steps (characters examined outside the main scan loop) so tests can prove that
 * hostile input costs linear work. Off unless the JVM runs with {@code -Druntrail.redaction.workMeter=true};
 * when off, {@link #ENABLED} is a constant false and the JIT removes every call.
 */
public final class WorkMeter {
  static final boolean ENABLED = Boolean.getBoolean("runtrail.redaction.workMeter");
  private static final ThreadLocal<long[]> STEPS = ThreadLocal.withInitial(() -> new long[1]);

  private WorkMeter() {}

  /** Adds {@code steps} to this thread's count when metering is on. */
  public static void add(int steps) {
    if (ENABLED) {
      STEPS.get()[0] += steps;
    }
  }

  /** True when the JVM was started with metering on. */
  public static boolean enabled() {
    return ENABLED;
  }

  /** Steps counted on this thread so far. */
  public static long steps() {
    return ENABLED ? STEPS.get()[0] : 0L;
  }
}
