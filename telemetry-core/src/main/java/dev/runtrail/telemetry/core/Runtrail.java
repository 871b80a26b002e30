package dev.runtrail.telemetry.core;

import dev.runtrail.telemetry.RunContext;
import dev.runtrail.telemetry.Telemetry;
import dev.runtrail.telemetry.core.internal.SelfMonitor;
import dev.runtrail.telemetry.core.internal.redact.RedactingSpanExporter;
import dev.runtrail.telemetry.core.internal.redact.TelemetryRedactor;
import io.opentelemetry.sdk.trace.export.SpanExporter;

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
   * Wraps an exporter of the app's own OpenTelemetry SDK so that every span it exports is redacted
   * (with the default policy) — for apps that pass their own {@code OpenTelemetry} to Runtrail.
   */
  public static SpanExporter redactingExporter(SpanExporter exporter) {
    TelemetryRedactor redactor = new TelemetryRedactor(dev.runtrail.redaction.Redactor.defaults());
    return new RedactingSpanExporter(exporter, redactor, new SelfMonitor(redactor));
  }
}
