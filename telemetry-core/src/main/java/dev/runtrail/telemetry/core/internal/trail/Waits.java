package dev.runtrail.telemetry.core.internal.trail;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Waiting for Runtrail's own background work, bounded by a deadline. */
public final class Waits {

  private Waits() {}

  /**
   * Waits for {@code work} until {@code deadlineNanos} ({@link System#nanoTime()} based).
   *
   * @return whether it completed in time (a failure counts as completed: it is reported where it happened)
   */
  public static boolean until(Future<?> work, long deadlineNanos) {
    try {
      work.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
      return true;
    } catch (ExecutionException e) {
      return true;
    } catch (TimeoutException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
