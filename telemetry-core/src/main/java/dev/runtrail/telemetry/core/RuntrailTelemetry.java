package dev.runtrail.telemetry.core;

import dev.runtrail.redaction.PrivacyMode;
import dev.runtrail.redaction.RedactionFormat;
import dev.runtrail.redaction.RedactionPolicy;
import dev.runtrail.redaction.Redactor;
import dev.runtrail.telemetry.RunContext;
import dev.runtrail.telemetry.Telemetry;
import dev.runtrail.telemetry.core.config.InvalidConfigurationException;
import dev.runtrail.telemetry.core.config.RuntrailConfig;
import dev.runtrail.telemetry.core.config.Setting;
import dev.runtrail.telemetry.core.export.RunExporter;
import dev.runtrail.telemetry.core.export.RunExporterProvider;
import dev.runtrail.telemetry.core.export.RunStoreLayout;
import dev.runtrail.telemetry.core.internal.OwnThreads;
import dev.runtrail.telemetry.core.internal.SelfMonitor;
import dev.runtrail.telemetry.core.internal.metrics.MicrometerRunMetrics;
import dev.runtrail.telemetry.core.internal.propagation.SdkPropagation;
import dev.runtrail.telemetry.core.internal.redact.TelemetryRedactor;
import dev.runtrail.telemetry.core.internal.trace.Components;
import dev.runtrail.telemetry.core.internal.trace.RunCompletion;
import dev.runtrail.telemetry.core.internal.trace.SdkRunBuilder;
import dev.runtrail.telemetry.core.internal.trail.SpanEventTrailSink;
import dev.runtrail.telemetry.core.internal.trail.TrailDelivery;
import dev.runtrail.telemetry.core.metrics.PrometheusEndpoint;
import dev.runtrail.telemetry.core.metrics.RuntrailMetrics;
import dev.runtrail.telemetry.core.trail.JsonlTrailSink;
import dev.runtrail.telemetry.core.trail.Slf4jTrailSink;
import dev.runtrail.telemetry.propagation.Propagation;
import dev.runtrail.telemetry.trail.TrailSink;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The enabled {@link Telemetry}: runs become spans on OpenTelemetry, trails go to their sinks, metrics
 * to Micrometer, finished runs to the run exporters. Built by {@link RuntrailBuilder}.
 */
public final class RuntrailTelemetry implements Telemetry {

  private final Components components;
  private final TrailDelivery delivery;
  private final RunCompletion completion;
  private final Tracing tracing;
  private final RuntrailMetrics metrics;
  private final SelfMonitor monitor;
  private final Duration shutdownTimeout;
  private final Path runsDirectory;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final Thread shutdownHook;
  private final PrometheusEndpoint prometheus;
  private final SdkPropagation propagation;

  private RuntrailTelemetry(RuntrailBuilder b, RuntrailConfig config) {
    this.shutdownTimeout = config.getDuration(Setting.SHUTDOWN_TIMEOUT);
    this.runsDirectory = b.runsDirectory != null ? b.runsDirectory : config.getPath(Setting.RUNS_DIR);
    int tagLimit = config.getInt(Setting.METRICS_TAG_LIMIT, 1, 1_000_000);
    int queueCapacity = config.getInt(Setting.TRAIL_QUEUE_CAPACITY, 16, 10_000_000);
    Duration offerTimeout = config.getDuration(Setting.TRAIL_OFFER_TIMEOUT);
    List<String> builtInSinks = config.getChoices(Setting.TRAIL_SINKS, List.of("span", "log", "jsonl"));
    TraceIdStrategy traceIds = b.traceIds != null ? b.traceIds
        : TraceIdStrategy.valueOf(config.getChoice(Setting.TRACE_ID, List.of("fresh", "plan")).toUpperCase());
    RedactionPolicy policy = b.redactionPolicy != null ? b.redactionPolicy : policyFrom(config);
    int stderrLines = config.getInt(Setting.STDERR_TAIL_LINES, 1, 100_000);
    int stderrBytes = config.getInt(Setting.STDERR_TAIL_BYTES, 16, 100 * 1024 * 1024);
    double sampleSuccess = config.getRatio(Setting.SAMPLE_SUCCESS);

    this.metrics = new RuntrailMetrics();
    for (MeterRegistry registry : b.meterRegistries) {
      metrics.bindTo(registry);
    }

    MicrometerRunMetrics runMetrics = new MicrometerRunMetrics(metrics.registry(), tagLimit);
    TelemetryRedactor redactor = new TelemetryRedactor(Redactor.of(policy, runMetrics::redaction));
    this.monitor = new SelfMonitor(redactor);
    monitor.metrics(runMetrics);

    RunStoreLayout layout = new RunStoreLayout(runsDirectory);
    this.completion = new RunCompletion(runExporters(b, config, layout), redactor, monitor, offerTimeout,
        shutdownTimeout, b.synchronousExport);
    this.tracing = Tracing.create(b, config, redactor, monitor, sampleSuccess < 1.0, completion.hasExporters());

    Components[] self = new Components[1];
    List<TrailSink> sinks = new ArrayList<>();
    if (builtInSinks.contains("span")) {
      sinks.add(new SpanEventTrailSink((runId, step) -> self[0].span(runId, step)));
    }
    if (builtInSinks.contains("log")) {
      sinks.add(new Slf4jTrailSink());
    }
    if (builtInSinks.contains("jsonl")) {
      sinks.add(new JsonlTrailSink(runId -> {
        Path file = self[0].trailFile(runId);
        if (file == null) {
          throw new IllegalStateException("no trail file is open for run " + runId);
        }
        return file;
      }));
    }
    sinks.addAll(b.trailSinks);
    this.delivery = new TrailDelivery(sinks, queueCapacity, offerTimeout, monitor);
    runMetrics.initialize(sinks.stream().filter(sink -> sink.delivery() == TrailSink.Delivery.DURABLE)
        .map(TrailSink::name).toList());

    this.components = new Components(
        tracing.tracer(), redactor, monitor, runMetrics, delivery,
        offerTimeout.toNanos(), completion, b.clock, traceIds,
        tracing.ownsIdGenerator(), tracing.spanBuffer(), layout,
        stderrLines, stderrBytes, sampleSuccess, builtInSinks.contains("jsonl"));
    self[0] = components;
    this.propagation = new SdkPropagation(
        tracing.openTelemetry().getPropagators().getTextMapPropagator(), tracing.tracer(), redactor, monitor,
        components::newCorrelationId);
    // Last, so that nothing after it can fail and leave the port bound.
    try {
      this.prometheus = startPrometheus(config);
    } catch (RuntimeException e) {
      delivery.close(Duration.ofSeconds(1));
      completion.close(Duration.ofSeconds(1));
      tracing.close(Duration.ofSeconds(1));
      throw e;
    }
    if (prometheus != null) {
      metrics.bindTo(prometheus.registry());
    }
    this.shutdownHook = b.shutdownHook ? OwnThreads.newDaemon("runtrail-shutdown", this::close) : null;
    if (shutdownHook != null) {
      Runtime.getRuntime().addShutdownHook(shutdownHook);
    }
  }

  static RuntrailTelemetry create(RuntrailBuilder builder, RuntrailConfig config) {
    return new RuntrailTelemetry(builder, config);
  }

  private static PrometheusEndpoint startPrometheus(RuntrailConfig config) {
    int port = config.getPort(Setting.PROMETHEUS_PORT);
    if (port < 0) {
      return null;
    }
    if (!PrometheusEndpoint.isAvailable()) {
      throw config.invalid(Setting.PROMETHEUS_PORT, config.raw(Setting.PROMETHEUS_PORT),
          "serving Prometheus metrics needs io.micrometer:micrometer-registry-prometheus and"
              + " io.prometheus:prometheus-metrics-exporter-httpserver on the class path");
    }
    String host = config.raw(Setting.PROMETHEUS_HOST);
    try {
      return PrometheusEndpoint.start(host, port);
    } catch (java.io.UncheckedIOException e) {
      throw config.invalid(Setting.PROMETHEUS_PORT, config.raw(Setting.PROMETHEUS_PORT),
          "cannot listen on " + host + ":" + port + " (" + e.getCause().getMessage() + ")");
    }
  }

  private static RedactionPolicy policyFrom(RuntrailConfig config) {
    PrivacyMode mode;
    try {
      mode = PrivacyMode.parse(config.raw(Setting.PRIVACY));
    } catch (IllegalArgumentException e) {
      throw config.invalid(Setting.PRIVACY, config.raw(Setting.PRIVACY), "expected strict, balanced or minimal");
    }
    String format = config.getChoice(Setting.REDACTION_FORMAT, List.of("mask", "length"));
    return RedactionPolicy.builder()
        .mode(mode)
        .format(format.equals("length") ? RedactionFormat.LENGTH_HINT : RedactionFormat.MASK)
        .build();
  }

  private static List<RunExporter> runExporters(RuntrailBuilder b, RuntrailConfig config, RunStoreLayout layout) {
    List<RunExporter> exporters = new ArrayList<>(b.runExporters);
    if (b.discoverRunExporters && config.getBoolean(Setting.RUN_STORE)) {
      for (RunExporterProvider provider : ServiceLoader.load(RunExporterProvider.class)) {
        RunExporter exporter = provider.create(config, layout);
        if (exporter != null) {
          exporters.add(exporter);
        }
      }
    }
    return exporters;
  }

  @Override
  public RunContext.Builder run(String name) {
    return new SdkRunBuilder(components, name);
  }

  @Override
  public boolean isEnabled() {
    return true;
  }

  @Override
  public Propagation propagation() {
    return propagation;
  }

  /** The OpenTelemetry instance spans go to (Runtrail's own, the app's, or the Java agent's). */
  public OpenTelemetry openTelemetry() {
    return tracing.openTelemetry();
  }

  /** Runtrail's metrics, to bind to more registries. */
  public RuntrailMetrics metrics() {
    return metrics;
  }

  /** The Prometheus endpoint serving Runtrail's metrics, when {@code RUNTRAIL_PROMETHEUS_PORT} is set. */
  public java.util.Optional<PrometheusEndpoint> prometheusEndpoint() {
    return java.util.Optional.ofNullable(prometheus);
  }

  /** Where run folders are written. */
  public Path runsDirectory() {
    return runsDirectory;
  }

  /** What was dropped so far, by place (e.g. {@code trail_queue}, {@code span_export}). */
  public Map<String, Long> droppedCounts() {
    return monitor.droppedCounts();
  }

  /**
   * Waits, at most {@code timeout} in all, until everything Runtrail does in the background for the trail
   * events recorded and the steps and runs closed before this call is done: events written by every
   * sink (and the sinks flushed), ended spans exported (with Runtrail's own SDK), finished runs handed to
   * the run exporters (the run store). Like
   * OpenTelemetry's {@code forceFlush}; not needed before {@link #close()}, which does it too.
   *
   * @return whether everything was done in time
   */
  public boolean flush(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    boolean done = delivery.flush(deadline);
    done &= completion.flush(deadline);
    return tracing.flush(deadline) && done;
  }

  /**
   * Ends runs still open (as cancelled), delivers queued trail events, writes run artifacts and flushes
   * spans, within {@code RUNTRAIL_SHUTDOWN_TIMEOUT} in all. Idempotent; never throws.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    if (shutdownHook != null && Thread.currentThread() != shutdownHook) {
      try {
        Runtime.getRuntime().removeShutdownHook(shutdownHook);
      } catch (IllegalStateException e) {
        // The JVM is already shutting down.
      }
    }
    long deadline = System.nanoTime() + shutdownTimeout.toNanos();
    try {
      delivery.closing(); // closing the open runs below must not wait for a stuck sink
      components.closeOpenRuns();
      delivery.close(remaining(deadline));
      completion.close(remaining(deadline));
      tracing.close(remaining(deadline));
      if (prometheus != null) {
        prometheus.close();
      }
    } catch (RuntimeException | LinkageError e) {
      monitor.failure("closing telemetry", e);
    }
  }

  private static Duration remaining(long deadline) {
    return Duration.ofNanos(Math.max(1_000_000L, deadline - System.nanoTime()));
  }

  @Override
  public String toString() {
    return "RuntrailTelemetry{runs=" + runsDirectory + "}";
  }

  static InvalidConfigurationException invalidOtel(Exception e) {
    return new InvalidConfigurationException("Invalid OpenTelemetry configuration (OTEL_* variables): "
        + e.getMessage(), e);
  }
}
