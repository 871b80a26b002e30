package dev.runtrail.telemetry.core.internal.trace;

import dev.runtrail.telemetry.core.export.FinishedRun;
import dev.runtrail.telemetry.core.export.RunExportException;
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
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Hands finished runs to the run exporters on one background thread, after the run's trail file is
 * complete, so the app's {@code close()} never waits for artifacts to be written. The thread takes every
 * run waiting in the queue at once (up to {@value #MAX_BATCH}) and gives them to each exporter in one
 * {@link RunExporter#exportAll} call: the run store writes them in one index transaction.
 *
 * <p>When the queue ({@value #QUEUE_CAPACITY} runs) is full, the app's {@code close()} waits up to the
 * offer timeout for room, then the run's artifacts are dropped and counted
 * ({@code runtrail.telemetry.dropped{where=run_export}}), never silently; so are the runs an exporter
 * fails to export.
 */
public final class RunCompletion {

  static final int QUEUE_CAPACITY = 4096;
  static final int MAX_BATCH = 512;

  /** A run waiting for export. */
  private record Ended(SdkRunContext run, CompletableFuture<Void> trailDone, List<ReadableSpan> spans,
      boolean sampled) {}

  /** Queued behind runs: completed once they are exported ({@link #flush}), or stops the thread ({@link #close}). */
  private record Marker(CompletableFuture<Void> done, boolean stop) {}

  private final List<RunExporter> exporters;
  private final SelfMonitor monitor;
  private final Duration offerTimeout;
  private final Duration trailWait;
  private final boolean synchronous;
  private final TelemetryRedactor redactor;
  private final BlockingQueue<Object> queue;
  private final Thread worker;
  private volatile boolean closed;

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
    boolean background = !exporters.isEmpty() && !synchronous;
    this.queue = background ? new ArrayBlockingQueue<>(QUEUE_CAPACITY) : null;
    this.worker = background ? OwnThreads.newDaemon("runtrail-export", this::work) : null;
    if (worker != null) {
      worker.start();
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
    Ended ended = new Ended(run, trailDone, spans, sampled);
    if (synchronous) {
      FinishedRun finished = finished(ended);
      if (finished != null) {
        synchronized (this) {
          exportAll(List.of(finished));
        }
      }
      return;
    }
    if (closed) {
      monitor.dropped("run_export", 1, "run " + run.runId() + " ended after telemetry was closed; its artifacts"
          + " were not written");
      return;
    }
    try {
      if (!queue.offer(ended, offerTimeout.toNanos(), TimeUnit.NANOSECONDS)) {
        monitor.dropped("run_export", 1, "the run export queue stayed full; artifacts of " + run.runId()
            + " were not written");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      monitor.dropped("run_export", 1, "interrupted while queueing run " + run.runId() + " for export");
    }
  }

  /** The export thread: takes what is queued, exports the runs, then completes the markers behind them. */
  private void work() {
    List<Object> taken = new ArrayList<>(MAX_BATCH);
    List<FinishedRun> runs = new ArrayList<>(MAX_BATCH);
    try {
      while (true) {
        taken.add(queue.take());
        queue.drainTo(taken, MAX_BATCH - 1);
        boolean stop = false;
        for (Object item : taken) {
          if (item instanceof Ended ended) {
            FinishedRun finished = finished(ended);
            if (finished != null) {
              runs.add(finished);
            }
          } else {
            Marker marker = (Marker) item;
            exportAll(runs); // the runs before a marker are exported before it completes
            runs.clear();
            marker.done().complete(null);
            stop |= marker.stop();
          }
        }
        exportAll(runs);
        runs.clear();
        taken.clear();
        if (stop) {
          return;
        }
      }
    } catch (InterruptedException e) {
      // close() timed out and interrupted the thread: what is still queued is counted there.
    }
  }

  /** The run as exporters get it, once its trail is written; null (reported) when it cannot be built. */
  private FinishedRun finished(Ended ended) {
    try {
      ended.trailDone().get(trailWait.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
      monitor.failure("waiting for the trail of a run to be written", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
    try {
      List<SpanData> data = new ArrayList<>(ended.spans().size());
      for (ReadableSpan span : ended.spans()) {
        // Values set directly on spans (outside Runtrail's API) are only redacted on export: redact
        // here too, as the run store writes these spans to disk.
        data.add(RedactingSpanExporter.redact(span.toSpanData(), redactor));
      }
      return ended.run().toFinishedRun(data, ended.sampled());
    } catch (RuntimeException e) {
      monitor.failure("summarizing a finished run", e);
      return null;
    }
  }

  private void exportAll(List<FinishedRun> runs) {
    if (runs.isEmpty()) {
      return;
    }
    List<FinishedRun> batch = List.copyOf(runs);
    for (RunExporter exporter : exporters) {
      try {
        exporter.exportAll(batch);
      } catch (Throwable t) {
        OwnThreads.rethrowOnAppThread(t);
        String name = exporter.getClass().getName();
        monitor.failure("run exporter " + name, t);
        monitor.dropped("run_export", notExported(t, batch.size()), "run exporter " + name + " failed to export runs");
      }
    }
  }

  /** How many runs of a batch of {@code size} a failed export lost: what a RunExportException says, else all. */
  static int notExported(Throwable failure, int size) {
    return failure instanceof RunExportException e ? Math.min(e.failedRuns(), size) : size;
  }

  /**
   * Waits until the runs handed over before this call are exported, until {@code deadlineNanos}
   * ({@link System#nanoTime()} based) at most.
   *
   * @return whether they were in time
   */
  public boolean flush(long deadlineNanos) {
    if (worker == null || closed) {
      return true; // exported on the closing thread, or already exported by close()
    }
    Marker marker = new Marker(new CompletableFuture<>(), false);
    try {
      if (!queue.offer(marker, Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS)) {
        return false;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
    return Waits.until(marker.done(), deadlineNanos);
  }

  /** Exports what is queued, then closes the exporters; waits at most {@code timeout}. */
  public void close(Duration timeout) {
    if (worker != null && !closed) {
      closed = true;
      long deadline = System.nanoTime() + timeout.toNanos();
      Marker stop = new Marker(new CompletableFuture<>(), true);
      boolean stopped;
      try {
        stopped = queue.offer(stop, timeout.toNanos(), TimeUnit.NANOSECONDS) && Waits.until(stop.done(), deadline);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        stopped = false;
      }
      if (!stopped) {
        worker.interrupt();
      }
      // Runs still queued: the shutdown timed out, or they were queued as it began.
      long abandoned = queue.stream().filter(Ended.class::isInstance).count();
      queue.clear();
      if (abandoned > 0) {
        monitor.dropped("run_export", abandoned, "shutdown timed out before run artifacts were written");
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
