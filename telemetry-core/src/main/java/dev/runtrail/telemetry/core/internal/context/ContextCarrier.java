package dev.runtrail.telemetry.core.internal.context;

import io.micrometer.context.ContextExecutorService;
import io.micrometer.context.ContextRegistry;
import io.micrometer.context.ContextScheduledExecutorService;
import io.micrometer.context.ContextSnapshot;
import io.micrometer.context.ContextSnapshotFactory;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Carries the submitting thread's OpenTelemetry context (current run, step, baggage) and MDC to work
 * run on other threads, through Micrometer's context-propagation. A private registry holds only
 * Runtrail's two accessors, so the app's own registry is left alone. Missing values are cleared on
 * the worker, and everything is restored after the task: pooled threads keep no context.
 */
public final class ContextCarrier {

  private static final ContextSnapshotFactory SNAPSHOTS = ContextSnapshotFactory.builder()
      .contextRegistry(new ContextRegistry()
          .registerThreadLocalAccessor(new OtelContextAccessor())
          .registerThreadLocalAccessor(new MdcAccessor()))
      .clearMissing(true)
      .build();

  private ContextCarrier() {}

  /** The current thread's context and MDC, to restore elsewhere. */
  public static ContextSnapshot capture() {
    return SNAPSHOTS.captureAll();
  }

  public static Runnable wrap(Runnable task) {
    return capture().wrap(task);
  }

  public static <T> Callable<T> wrap(Callable<T> task) {
    return capture().wrap(task);
  }

  /** Each task submitted carries the context of the thread that submits it. */
  public static Executor wrap(Executor executor) {
    return task -> executor.execute(wrap(task));
  }

  public static ExecutorService wrap(ExecutorService executor) {
    return ContextExecutorService.wrap(executor, SNAPSHOTS::captureAll);
  }

  public static ScheduledExecutorService wrap(ScheduledExecutorService executor) {
    return ContextScheduledExecutorService.wrap(executor, SNAPSHOTS::captureAll);
  }
}
