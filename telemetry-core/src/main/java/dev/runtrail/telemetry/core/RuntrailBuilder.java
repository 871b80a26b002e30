package dev.runtrail.telemetry.core;

import dev.runtrail.redaction.RedactionPolicy;
import dev.runtrail.telemetry.Telemetry;
import dev.runtrail.telemetry.core.config.RuntrailConfig;
import dev.runtrail.telemetry.core.config.Setting;
import dev.runtrail.telemetry.core.export.RunExporter;
import dev.runtrail.telemetry.trail.TrailSink;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Configures a {@link Telemetry}. Settings not given here come from {@code RUNTRAIL_*} variables
 * (see {@link Setting}); {@code OTEL_*} variables configure the OpenTelemetry SDK unless the app
 * passes its own {@link OpenTelemetry} or a {@link SpanExporter}, or the OpenTelemetry Java agent is
 * attached: then Runtrail's spans go through the agent's pipeline ({@code RUNTRAIL_OTEL_SDK}, default
 * {@code auto}; {@code own} builds Runtrail's SDK anyway). The agent's exporter cannot be wrapped:
 * everything Runtrail records is redacted before it reaches the agent's spans, but what the agent's own
 * instrumentations record is not Runtrail's to redact.
 *
 * <pre>{@code
 * Telemetry telemetry = Runtrail.builder()
 *     .enabled(true)
 *     .meterRegistry(meterRegistry)
 *     .addTrailSink(new RedisStreamSink(jedis))
 *     .build();
 * }</pre>
 */
public final class RuntrailBuilder {

  private static final Logger LOG = LoggerFactory.getLogger("runtrail");

  RuntrailConfig config;
  Boolean enabled;
  OpenTelemetry openTelemetry;
  SpanExporter spanExporter;
  boolean synchronousExport;
  final List<MeterRegistry> meterRegistries = new ArrayList<>();
  final List<TrailSink> trailSinks = new ArrayList<>();
  final List<RunExporter> runExporters = new ArrayList<>();
  boolean discoverRunExporters = true;
  RedactionPolicy redactionPolicy;
  Path runsDirectory;
  Clock clock = Clock.systemUTC();
  TraceIdStrategy traceIds;
  Boolean registerGlobal;
  boolean shutdownHook = true;

  RuntrailBuilder() {}

  /** Reads settings from this configuration instead of the environment. */
  public RuntrailBuilder config(RuntrailConfig config) {
    this.config = config;
    return this;
  }

  /** Overrides {@code RUNTRAIL_ENABLED}. */
  public RuntrailBuilder enabled(boolean enabled) {
    this.enabled = enabled;
    return this;
  }

  /**
   * Uses the app's OpenTelemetry instead of building one from {@code OTEL_*} (or using the Java agent's,
   * whatever {@code RUNTRAIL_OTEL_SDK} says; so does {@link #spanExporter}). Runtrail then cannot add
   * its span processor: spans are not sampled per run nor copied to the run store, and the redacting
   * exporter is not installed — wrap your exporter with {@link Runtrail#redactingExporter} for that.
   */
  public RuntrailBuilder openTelemetry(OpenTelemetry openTelemetry) {
    this.openTelemetry = openTelemetry;
    return this;
  }

  /** Exports spans to this exporter (behind a batch processor) instead of the {@code OTEL_*} ones. */
  public RuntrailBuilder spanExporter(SpanExporter exporter) {
    this.spanExporter = exporter;
    return this;
  }

  /**
   * Export synchronously, for tests: with {@link #spanExporter}, each span as it ends instead of in
   * batches; and run exporters are called on the thread that closes the run, so everything is visible
   * when {@code close()} returns.
   */
  public RuntrailBuilder synchronousExport(boolean synchronous) {
    this.synchronousExport = synchronous;
    return this;
  }

  /** Records Runtrail's metrics on this registry too. */
  public RuntrailBuilder meterRegistry(MeterRegistry registry) {
    this.meterRegistries.add(registry);
    return this;
  }

  /** Adds a trail sink besides the built-in ones of {@code RUNTRAIL_TRAIL_SINKS}. */
  public RuntrailBuilder addTrailSink(TrailSink sink) {
    this.trailSinks.add(sink);
    return this;
  }

  /** Adds a run exporter besides those found on the class path. */
  public RuntrailBuilder addRunExporter(RunExporter exporter) {
    this.runExporters.add(exporter);
    return this;
  }

  /** Whether to load run exporters (telemetry-runs) from the class path; true by default. */
  public RuntrailBuilder discoverRunExporters(boolean discover) {
    this.discoverRunExporters = discover;
    return this;
  }

  /** Uses this redaction policy instead of {@code RUNTRAIL_PRIVACY} and {@code RUNTRAIL_REDACTION_FORMAT}. */
  public RuntrailBuilder redaction(RedactionPolicy policy) {
    this.redactionPolicy = policy;
    return this;
  }

  /** Overrides {@code RUNTRAIL_RUNS_DIR}. */
  public RuntrailBuilder runsDirectory(Path directory) {
    this.runsDirectory = directory;
    return this;
  }

  /** The clock for event and step timestamps. */
  public RuntrailBuilder clock(Clock clock) {
    this.clock = clock;
    return this;
  }

  /** Overrides {@code RUNTRAIL_TRACE_ID}. */
  public RuntrailBuilder traceIds(TraceIdStrategy strategy) {
    this.traceIds = strategy;
    return this;
  }

  /** Overrides {@code RUNTRAIL_REGISTER_GLOBAL}. */
  public RuntrailBuilder registerGlobal(boolean register) {
    this.registerGlobal = register;
    return this;
  }

  /** Whether to flush and close at JVM shutdown; true by default. */
  public RuntrailBuilder shutdownHook(boolean install) {
    this.shutdownHook = install;
    return this;
  }

  /**
   * Builds the telemetry: a no-op unless enabled.
   *
   * @throws dev.runtrail.telemetry.core.config.InvalidConfigurationException naming the variable and
   *     the value when a setting is invalid
   */
  public Telemetry build() {
    RuntrailConfig settings = config != null ? config : RuntrailConfig.fromEnvironment();
    for (String unknown : settings.unknownKeys()) {
      LOG.warn("Unknown Runtrail setting {} is ignored (known settings: RUNTRAIL_ENABLED, RUNTRAIL_RUNS_DIR, ...;"
          + " see the README)", unknown);
    }
    boolean on = enabled != null ? enabled : settings.getBoolean(Setting.ENABLED);
    if (!on) {
      return Telemetry.noop();
    }
    return RuntrailTelemetry.create(this, settings);
  }
}
