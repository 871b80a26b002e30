package dev.runtrail.telemetry.core;

import dev.runtrail.telemetry.RunContext;
import dev.runtrail.telemetry.Telemetry;
import dev.runtrail.telemetry.core.internal.SelfMonitor;
import dev.runtrail.telemetry.core.internal.redact.RedactingSpanExporter;
import dev.runtrail.telemetry.core.internal.redact.TelemetryRedactor;
import dev.runtrail.telemetry.core.internal.context.ContextCarrier;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Where Runtrail starts.
 *
 * <pre>{@code
 * Telemetry telemetry = Runtrail.fromEnvironment();   // a no-op unless RUNTRAIL_ENABLED=true
 * try (RunContext run = telemetry.run("deploy").env("prod").target("api").start()) {
 *   try (Step step = run.step("main/deploy/api")) { ... }
 * }
 * }</pre>
 */
public final class Runtrail {

  private Runtrail() {}

  /**
   * A telemetry configured from {@code RUNTRAIL_*} and {@code OTEL_*} environment variables and
   * system properties; a no-op unless {@code RUNTRAIL_ENABLED=true}.
   *
   * @throws dev.runtrail.telemetry.core.config.InvalidConfigurationException naming the variable and
   *     the value when a setting is invalid
   */
  public static Telemetry fromEnvironment() {
    return builder().build();
  }

  /** Configures a telemetry in code. */
  public static RuntrailBuilder builder() {
    return new RuntrailBuilder();
  }

  /** The run current on this thread, or a no-op run. */
  public static RunContext current() {
    return RunContext.current();
  }

  /**
   * An executor whose tasks run with the submitting thread's run, step, trace context, baggage and
   * MDC, and leave the worker thread as they found it. Use it for {@code CompletableFuture} stages too
   * ({@code supplyAsync(work, Runtrail.wrap(executor))}), and for virtual threads
   * ({@code Runtrail.wrap(Executors.newVirtualThreadPerTaskExecutor())} on JDK 21+), which inherit no
   * thread-locals.
   */
  public static Executor wrap(Executor executor) {
    if (executor instanceof ScheduledExecutorService) {
      return ContextCarrier.wrap((ScheduledExecutorService) executor);
    }
    if (executor instanceof ExecutorService) {
      return ContextCarrier.wrap((ExecutorService) executor);
    }
    return ContextCarrier.wrap(executor);
  }

  /** {@link #wrap(Executor)} for an executor service, keeping its type. */
  public static ExecutorService wrap(ExecutorService executor) {
    if (executor instanceof ScheduledExecutorService) {
      return ContextCarrier.wrap((ScheduledExecutorService) executor);
    }
    return ContextCarrier.wrap(executor);
  }

  /** {@link #wrap(Executor)} for a scheduled executor service, keeping its type. */
  public static ScheduledExecutorService wrap(ScheduledExecutorService executor) {
    return ContextCarrier.wrap(executor);
  }

  /** A task that runs with the current thread's context wherever it is run. */
  public static Runnable wrap(Runnable task) {
    return ContextCarrier.wrap(task);
  }

  /** A task that runs with the current thread's context wherever it is run. */
  public static <T> Callable<T> wrap(Callable<T> task) {
    return ContextCarrier.wrap(task);
  }

  /**
   * Wraps an exporter of the app's own OpenTelemetry SDK so that every span it exports is redacted
   * (with the default policy) — for apps that pass their own {@code OpenTelemetry} to Runtrail.
   */
  public static SpanExporter redactingExporter(SpanExporter exporter) {
    TelemetryRedactor redactor = new TelemetryRedactor(dev.runtrail.redaction.Redactor.defaults());
    return new RedactingSpanExporter(exporter, redactor, new SelfMonitor(redactor));
  }
}
