package dev.runtrail.telemetry.core.internal.trace;

import dev.runtrail.telemetry.core.TraceIdStrategy;
import dev.runtrail.telemetry.core.export.RunStoreLayout;
import dev.runtrail.telemetry.core.internal.SelfMonitor;
import dev.runtrail.telemetry.core.internal.metrics.RunMetrics;
import dev.runtrail.telemetry.core.internal.redact.TelemetryRedactor;
import dev.runtrail.telemetry.core.internal.trail.TrailDelivery;
import io.opentelemetry.api.trace.Tracer;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** What every run of one telemetry shares. Built once by the telemetry; immutable references. */
public final class Components {

  final Tracer tracer;
  final TelemetryRedactor redactor;
  final SelfMonitor monitor;
  final RunMetrics metrics;
  final TrailDelivery delivery;
  /** How long a recorder waits for room in a full trail queue. */
  final long offerTimeoutNanos;
  final RunCompletion completion;
  /** Run, step and trail event times, and so their spans' and span events' times. */
  final Clock clock;
  final RunIds ids = new RunIds();
  final TraceIdStrategy traceIds;
  final boolean ownsIdGenerator;
  final RunSpanBuffer.Group spanBuffer;
  final RunStoreLayout layout;
  final int stderrLines;
  final int stderrBytes;
  final double sampleSuccess;
  /** Whether a sink looks up trail files by run id (the JSON Lines sink): then runs stay in {@link #runs} until their trail is written. */
  final boolean tracksTrailFiles;

  /**
   * Runs by id from their start until their spans end, or, when a sink looks up trail files, until their
   * trail is written.
   */
  final Map<String, SdkRunContext> runs = new ConcurrentHashMap<>();

  @SuppressWarnings("checkstyle:ParameterNumber")
  public Components(
      Tracer tracer,
      TelemetryRedactor redactor,
      SelfMonitor monitor,
      RunMetrics metrics,
      TrailDelivery delivery,
      long offerTimeoutNanos,
      RunCompletion completion,
      Clock clock,
      TraceIdStrategy traceIds,
      boolean ownsIdGenerator,
      RunSpanBuffer.Group spanBuffer,
      RunStoreLayout layout,
      int stderrLines,
      int stderrBytes,
      double sampleSuccess,
      boolean tracksTrailFiles) {
    this.tracer = tracer;
    this.redactor = redactor;
    this.monitor = monitor;
    this.metrics = metrics;
    this.delivery = delivery;
    this.offerTimeoutNanos = offerTimeoutNanos;
    this.completion = completion;
    this.clock = clock;
    this.traceIds = traceIds;
    this.ownsIdGenerator = ownsIdGenerator;
    this.spanBuffer = spanBuffer;
    this.layout = layout;
    this.stderrLines = stderrLines;
    this.stderrBytes = stderrBytes;
    this.sampleSuccess = sampleSuccess;
    this.tracksTrailFiles = tracksTrailFiles;
  }

  /** Registers a started run (a run started once telemetry closed is left to the app). */
  void register(SdkRunContext run) {
    runs.put(run.runId(), run);
  }

  /** Ends the runs still open (as cancelled), e.g. when telemetry closes. */
  public void closeOpenRuns() {
    for (SdkRunContext run : runs.values()) {
      cancelOpen(run);
    }
  }

  private static void cancelOpen(SdkRunContext run) {
    if (!run.isClosed()) {
      run.cancel("telemetry closed while the run was open");
      run.close();
    }
  }

  /** A fresh correlation id. */
  public String newCorrelationId() {
    return ids.nextCorrelationId();
  }

  /** The trail file of a run whose trail is being written, or null. */
  public Path trailFile(String runId) {
    SdkRunContext run = runs.get(runId);
    return run == null ? null : run.trailFile();
  }

  /** The open span of a run's step ({@code stepPath} null = the root), or null. */
  public io.opentelemetry.api.trace.Span span(String runId, String stepPath) {
    SdkRunContext run = runs.get(runId);
    return run == null || run.isClosed() ? null : run.spanOf(stepPath);
  }
}
