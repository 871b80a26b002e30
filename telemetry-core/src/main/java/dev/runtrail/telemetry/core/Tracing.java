package dev.runtrail.telemetry.core;

import dev.runtrail.telemetry.core.config.RuntrailConfig;
import dev.runtrail.telemetry.core.config.Setting;
import dev.runtrail.telemetry.core.internal.SelfMonitor;
import dev.runtrail.telemetry.core.internal.redact.RedactingLogRecordExporter;
import dev.runtrail.telemetry.core.internal.redact.RedactingSpanExporter;
import dev.runtrail.telemetry.core.internal.redact.TelemetryRedactor;
import dev.runtrail.telemetry.core.internal.trace.JavaAgent;
import dev.runtrail.telemetry.core.internal.trace.RunSpanBuffer;
import dev.runtrail.telemetry.core.internal.trace.RunTraceIdGenerator;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.baggage.propagation.W3CBaggagePropagator;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdkBuilder;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigurationException;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SdkTracerProviderBuilder;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where spans go: the app's OpenTelemetry, an exporter given in code, the OpenTelemetry Java agent's
 * pipeline when the agent is attached ({@code RUNTRAIL_OTEL_SDK=auto|agent}), or an SDK autoconfigured
 * from {@code OTEL_*} variables — in the exporter and autoconfigured cases, with Runtrail's redacting
 * exporter, run-level span buffer and trace id generator installed.
 *
 * <p>With the agent, Runtrail cannot wrap the agent's exporter: what Runtrail records (span names,
 * attributes, events, exception messages, trail events) is redacted before it reaches the agent's span,
 * but spans and attributes made by the agent's own instrumentations, and values the app sets directly on
 * a span, leave unredacted; runs are not sampled per run, and the run store gets no spans.
 */
final class Tracing {

  static final String INSTRUMENTATION_SCOPE = "dev.runtrail";
  private static final Logger LOG = LoggerFactory.getLogger("runtrail");
  private static final int MAX_SPANS_PER_RUN = 10_000;

  private final OpenTelemetry openTelemetry;
  private final OpenTelemetrySdk ownSdk;
  private final RunSpanBuffer.Group buffers;
  private final Tracer tracer;

  private Tracing(OpenTelemetry openTelemetry, OpenTelemetrySdk ownSdk, RunSpanBuffer.Group buffers) {
    this.openTelemetry = openTelemetry;
    this.ownSdk = ownSdk;
    this.buffers = buffers;
    this.tracer = openTelemetry.getTracer(INSTRUMENTATION_SCOPE);
  }

  /**
   * @param sampleRuns hold each run's spans until it ends to keep or drop them together (needed only
   *     when a share of successful runs is dropped; otherwise spans stream out as they end)
   * @param captureSpans hold each run's spans for the run store
   */
  static Tracing create(RuntrailBuilder b, RuntrailConfig config, TelemetryRedactor redactor, SelfMonitor monitor,
      boolean sampleRuns, boolean captureSpans) {
    String mode = config.getChoice(Setting.OTEL_SDK, List.of("auto", "agent", "own"));
    if (b.openTelemetry != null) {
      return new Tracing(b.openTelemetry, null, null);
    }
    if (b.spanExporter == null && usesAgent(mode, config)) {
      LOG.info("Runtrail: the OpenTelemetry Java agent is attached; run and step spans go through its pipeline"
          + " (RUNTRAIL_OTEL_SDK=own builds Runtrail's own SDK instead)");
      return new Tracing(GlobalOpenTelemetry.get(), null, null);
    }
    boolean global = b.registerGlobal != null ? b.registerGlobal : config.getBoolean(Setting.REGISTER_GLOBAL);
    RunSpanBuffer.Group buffers = new RunSpanBuffer.Group(MAX_SPANS_PER_RUN, sampleRuns, captureSpans);
    OpenTelemetrySdk sdk;
    if (b.spanExporter != null) {
      SpanExporter exporter = new RedactingSpanExporter(b.spanExporter, redactor, monitor);
      SpanProcessor processor = b.synchronousExport
          ? SimpleSpanProcessor.create(exporter)
          : BatchSpanProcessor.builder(exporter).build();
      SdkTracerProvider provider = withCapture(SdkTracerProvider.builder()
          .setIdGenerator(new RunTraceIdGenerator())
          .addSpanProcessor(buffers.wrap(processor)), buffers)
          .build();
      sdk = OpenTelemetrySdk.builder()
          .setTracerProvider(provider)
          .setPropagators(ContextPropagators.create(TextMapPropagator.composite(
              W3CTraceContextPropagator.getInstance(), W3CBaggagePropagator.getInstance())))
          .build();
      if (global) {
        registerGlobal(sdk, monitor);
      }
    } else {
      sdk = autoconfigure(redactor, monitor, buffers, global);
    }
    return new Tracing(sdk, sdk, buffers);
  }

  /** {@code RUNTRAIL_OTEL_SDK}: whether spans go to the agent's OpenTelemetry (when code gave none). */
  private static boolean usesAgent(String mode, RuntrailConfig config) {
    if (mode.equals("own")) {
      return false;
    }
    boolean active = JavaAgent.isActive();
    if (mode.equals("agent") && !active) {
      throw config.invalid(Setting.OTEL_SDK, config.raw(Setting.OTEL_SDK), "no OpenTelemetry Java agent is"
          + " attached (start the JVM with -javaagent:/path/to/opentelemetry-javaagent.jar, or use auto or own)");
    }
    return active;
  }

  private static OpenTelemetrySdk autoconfigure(TelemetryRedactor redactor, SelfMonitor monitor,
      RunSpanBuffer.Group buffers, boolean global) {
    AutoConfiguredOpenTelemetrySdkBuilder builder = AutoConfiguredOpenTelemetrySdk.builder()
        // Runtrail records metrics through Micrometer and logs through SLF4J: by default the SDK
        // exports traces only. OTEL_METRICS_EXPORTER / OTEL_LOGS_EXPORTER (or the otel.* system
        // properties) still override this; every log record exporter they name is wrapped in the
        // redacting one, the backstop for records from OpenTelemetry's Logback and Log4j2 appenders.
        .addPropertiesSupplier(() -> Map.of("otel.metrics.exporter", "none", "otel.logs.exporter", "none"))
        .addSpanExporterCustomizer((exporter, cfg) -> new RedactingSpanExporter(exporter, redactor, monitor))
        .addLogRecordExporterCustomizer((exporter, cfg) -> new RedactingLogRecordExporter(exporter, redactor, monitor))
        .addSpanProcessorCustomizer((processor, cfg) -> buffers.wrap(processor))
        .addTracerProviderCustomizer((provider, cfg) ->
            withCapture(provider.setIdGenerator(new RunTraceIdGenerator()), buffers))
        .disableShutdownHook();
    if (global) {
      builder.setResultAsGlobal();
    }
    try {
      return builder.build().getOpenTelemetrySdk();
    } catch (ConfigurationException e) {
      throw RuntrailTelemetry.invalidOtel(e);
    }
  }

  /** A buffer with no exporter behind it, so the run store gets spans even with OTEL_TRACES_EXPORTER=none. */
  private static SdkTracerProviderBuilder withCapture(SdkTracerProviderBuilder builder, RunSpanBuffer.Group buffers) {
    return builder.addSpanProcessor(buffers.capture());
  }

  private static void registerGlobal(OpenTelemetrySdk sdk, SelfMonitor monitor) {
    try {
      GlobalOpenTelemetry.set(sdk);
    } catch (IllegalStateException e) {
      monitor.failure("registering GlobalOpenTelemetry (it was already set)", e);
    }
  }

  Tracer tracer() {
    return tracer;
  }

  OpenTelemetry openTelemetry() {
    return openTelemetry;
  }

  boolean ownsIdGenerator() {
    return ownSdk != null;
  }

  /** The span buffers, or null when spans are the app's business. */
  RunSpanBuffer.Group spanBuffer() {
    return buffers;
  }

  /**
   * Exports the spans ended and log records emitted so far through Runtrail's own SDK, until
   * {@code deadlineNanos} at most; the app's SDK and the agent's are left alone.
   *
   * @return whether that was done in time
   */
  boolean flush(long deadlineNanos) {
    if (ownSdk == null) {
      return true;
    }
    long wait = Math.max(0, deadlineNanos - System.nanoTime());
    boolean spans = ownSdk.getSdkTracerProvider().forceFlush().join(wait, TimeUnit.NANOSECONDS).isSuccess();
    wait = Math.max(0, deadlineNanos - System.nanoTime());
    return ownSdk.getSdkLoggerProvider().forceFlush().join(wait, TimeUnit.NANOSECONDS).isSuccess() && spans;
  }

  /** Flushes and shuts down Runtrail's own SDK within the timeout; the app's SDK and the agent's are left alone. */
  void close(Duration timeout) {
    if (ownSdk == null) {
      return;
    }
    CompletableResultCode result = ownSdk.shutdown();
    result.join(timeout.toNanos(), TimeUnit.NANOSECONDS);
  }
}
