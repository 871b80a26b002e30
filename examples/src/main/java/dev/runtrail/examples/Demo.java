package dev.runtrail.examples;

import dev.runtrail.telemetry.RunContext;
import dev.runtrail.telemetry.Telemetry;
import dev.runtrail.telemetry.core.Runtrail;
import dev.runtrail.telemetry.core.RuntrailTelemetry;
import java.nio.file.Path;

/**
 * The README's demo: an instrumented deploy whose health check fails, and an agent run that opens a
 * PR. Runs with no collector: spans, trails and artifacts land in the run store.
 *
 * <pre>
 * mvn -q -pl examples -am install -DskipTests &amp;&amp; mvn -q -pl examples exec:java
 * </pre>
 */
public final class Demo {

  private Demo() {}

  public static void main(String[] args) {
    if (System.getenv("RUNTRAIL_ENABLED") == null && System.getProperty("runtrail.enabled") == null) {
      System.setProperty("runtrail.enabled", "true"); // the demo is opt-in by being run
    }
    boolean otlpConfigured = System.getenv("OTEL_TRACES_EXPORTER") != null
        || System.getenv("OTEL_EXPORTER_OTLP_ENDPOINT") != null
        || System.getenv("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT") != null
        || System.getProperty("otel.traces.exporter") != null;
    if (!otlpConfigured) {
      System.setProperty("otel.traces.exporter", "none");
      System.setProperty("otel.service.name", "runtrail-demo");
    }
    Telemetry telemetry = Runtrail.fromEnvironment();
    if (!(telemetry instanceof RuntrailTelemetry)) {
      System.out.println("Runtrail is disabled (RUNTRAIL_ENABLED is not true): the demo runs, records nothing.");
    }
    Path runsDirectory = telemetry instanceof RuntrailTelemetry
        ? ((RuntrailTelemetry) telemetry).runsDirectory()
        : Path.of("(disabled)");
    RunContext deploy;
    RunContext agent;
    try (telemetry) {
      deploy = DeployDemo.deploy(telemetry);
      agent = AgentDemo.remediate(telemetry);
    }
    DeployDemo.report(deploy, runsDirectory);
    DeployDemo.report(agent, runsDirectory);
    System.out.println();
    if (!otlpConfigured) {
      System.out.println("No OTLP endpoint configured, so spans stayed local. To see them in Jaeger or Tempo:");
      System.out.println("  OTEL_EXPORTER_OTLP_ENDPOINT=http://localhost:4318 ./demo");
    }
  }
}
