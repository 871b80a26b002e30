package dev.runtrail.telemetry.core.internal.trace;

import dev.runtrail.telemetry.core.export.FinishedRun;
import dev.runtrail.telemetry.core.export.RunExporter;
import dev.runtrail.telemetry.core.internal.OwnThreads;
import dev.runtrail.telemetry.core.internal.SelfMonitor;
import dev.runtrail.telemetry.core.internal.redact.RedactingSpanExporter;
import dev.runtrail.telemetry.core.internal.redact.TelemetryRedactor;
import dev.runtrail.telemetry.core.internal.trail.Waits;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Hands finished runs to the run exporters on one background thread, after the run's trail file is
 * complete, so the app's {@code close()} never waits for artifacts to be written.
 */
public final class RunCompletion {

  private final List<RunExporter> exporters;
  private final SelfMonitor monitor;
  private final Duration offerTimeout;
  private final Duration trailWait;
  private final ThreadPoolExecutor executor;
  private final boolean synchronous;
  private final TelemetryRedactor redactor;

  /**
   * @param trailWait how long an export waits for the run's trail to be written (the shutdown timeout)
   * @param synchronous export on the thread that closes the run (tests: everything is visible when
   *     {@code close()} returns) instead of on the export thread
   */
  public RunCompletion(List<RunExporter> exporters, TelemetryRedactor redactor, SelfMonitor monitor,
      Duration offerTimeout, Duration trailWait, boolean synchronous) {
    this.exporters = List.copyOf(exporters);
    this.redactor = redactor;
    this.monitor = monitor;
    this.offerTimeout = offerTimeout;
    this.trailWait = trailWait;
    this.synchronous = synchronous;
    this.executor = exporters.isEmpty() || synchronous ? null : new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
        new ArrayBlockingQueue<>(1024),
        task -> OwnThreads.newDaemon("runtrail-export", task));
    if (executor != null) {
      // Tasks go straight into the queue (to wait briefly when it is full), so start the worker now.
      executor.prestartCoreThread();
    }
  }

  /** Whether any exporter wants finished runs. */
  public boolean hasExporters() {
    return !exporters.isEmpty();
  }

  void runEnded(SdkRunContext run, CompletableFuture<Void> trailDone, List<ReadableSpan> spans, boolean sampled) {
    if (exporters.isEmpty()) {
      return;
    }
    if (synchronous) {
      export(run, trailDone, spans, sampled);
      return;
    }
    if (executor.isShutdown()) {
      monitor.dropped("run_export", 1, "run " + run.runId() + " ended after telemetry was closed; its artifacts"
          + " were not written");
      return;
    }
    Runnable task = () -> export(run, trailDone, spans, sampled);
    try {
      if (!executor.getQueue().offer(task, offerTimeout.toNanos(), TimeUnit.NANOSECONDS)) {
        monitor.dropped("run_export", 1, "the run export queue stayed full; artifacts of " + run.runId()
            + " were not written");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      monitor.dropped("run_export", 1, "interrupted while queueing run " + run.runId() + " for export");
    }
  }

  private void export(SdkRunContext run, CompletableFuture<Void> trailDone, List<ReadableSpan> spans,
      boolean sampled) {
    try {
      trailDone.get(trailWait.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
      monitor.failure("waiting for the trail of a run to be written", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    FinishedRun finished;
    try {
      List<SpanData> data = new ArrayList<>(spans.size());
      for (ReadableSpan span : spans) {
        // Values set directly on spans (outside Runtrail's API) are only redacted on export: redact
        // here too, as the run store writes these spans to disk.
        data.add(RedactingSpanExporter.redact(span.toSpanData(), redactor));
      }
      finished = run.toFinishedRun(data, sampled);
    } catch (RuntimeException e) {
      monitor.failure("summarizing a finished run", e);
      return;
    }
    for (RunExporter exporter : exporters) {
      try {
        exporter.export(finished);
      } catch (Throwable t) {
        OwnThreads.rethrowOnAppThread(t);
        monitor.failure("run exporter " + exporter.getClass().getName(), t);
      }
    }
  }

  /**
   * Waits until the runs handed over before this call are exported, until {@code deadlineNanos}
   * ({@link System#nanoTime()} based) at most.
   *
   * @return whether they were in time
   */
  public boolean flush(long deadlineNanos) {
    if (executor == null || executor.isShutdown()) {
      return true; // exported on the closing thread, or already exported by close()
    }
    FutureTask<Void> marker = new FutureTask<>(() -> { }, null);
    try {
      if (!executor.getQueue().offer(marker, Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS)) {
        return false;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
    return Waits.until(marker, deadlineNanos);
  }

  /** Exports what is queued, then closes the exporters; waits at most {@code timeout}. */
  public void close(Duration timeout) {
    if (executor != null) {
      executor.shutdown();
      try {
        if (!executor.awaitTermination(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
          int abandoned = executor.shutdownNow().size();
          monitor.dropped("run_export", abandoned, "shutdown timed out before run artifacts were written");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    for (RunExporter exporter : exporters) {
      try {
        exporter.close();
      } catch (Throwable t) {
        OwnThreads.rethrowOnAppThread(t);
        monitor.failure("closing run exporter " + exporter.getClass().getName(), t);
      }
    }
  }
}
