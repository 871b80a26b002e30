package dev.runtrail.examples;

import dev.runtrail.telemetry.RunContext;
import dev.runtrail.telemetry.RunStatus;
import dev.runtrail.telemetry.Telemetry;
import dev.runtrail.telemetry.core.Runtrail;
import dev.runtrail.telemetry.core.RuntrailTelemetry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The README's demo, a tour of the product: three instrumented runs written into the run store — a deploy
 * whose health check fails after retries, the next deploy that succeeds, an AI agent's run — then seed
 * 000's incident workflow on them with the real {@code runtrail} command ({@link CliTour}). Needs no
 * collector: spans, trails and artifacts land in the run store ({@code RUNTRAIL_RUNS_DIR}, default
 * {@code ~/.runtrail/runs}).
 *
 * <pre>
 * ./demo     # builds, then runs this
 * </pre>
 */
public final class Demo {

  private Demo() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    if (System.getenv("RUNTRAIL_ENABLED") == null && System.getProperty("runtrail.enabled") == null) {
      System.setProperty("runtrail.enabled", "true"); // the demo is opt-in by being run
    }
    boolean otlpConfigured = System.getenv("OTEL_TRACES_EXPORTER") != null
        || System.getenv("OTEL_EXPORTER_OTLP_ENDPOINT") != null
        || System.getenv("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT") != null
        || System.getProperty("otel.traces.exporter") != null;
    if (!otlpConfigured) {
      System.setProperty("otel.traces.exporter", "none");
    }
    if (System.getenv("OTEL_SERVICE_NAME") == null) {
      System.setProperty("otel.service.name", "runtrail-demo");
    }
    Telemetry telemetry = Runtrail.fromEnvironment();
    if (!(telemetry instanceof RuntrailTelemetry)) {
      System.out.println("Runtrail is disabled (RUNTRAIL_ENABLED is not true): the demo runs, records nothing.");
    }
    Path runsDirectory = telemetry instanceof RuntrailTelemetry
        ? ((RuntrailTelemetry) telemetry).runsDirectory().toAbsolutePath()
        : null;
    System.out.println("== Three runs, recorded into the run store" + (runsDirectory == null ? "" : " " + runsDirectory));
    System.out.println();
    RunContext failed;
    RunContext fixed;
    RunContext agent;
    try (telemetry) {
      failed = DeployDemo.deploy(telemetry, DeployDemo.Release.V1_2_0);
      fixed = DeployDemo.deploy(telemetry, DeployDemo.Release.V1_2_1);
      agent = AgentDemo.remediate(telemetry);
    } // closing writes every run's artifacts and indexes them
    System.out.println();
    for (RunContext run : List.of(failed, fixed, agent)) {
      System.out.printf("%s  %-18s %s%n", run.runId(), run.name(), run.status() == RunStatus.FAILED
          ? "failed (as scripted: the health check timed out)" : run.status().label());
    }
    if (runsDirectory == null) {
      return;
    }
    reportSecretCheck(runsDirectory, List.of(failed, fixed, agent));
    System.out.println();
    CliTour.run(runsDirectory, failed.runId(), fixed.runId());
    if (!otlpConfigured) {
      System.out.println();
      System.out.println("Spans stayed local (no OTLP endpoint set). To see them in Jaeger or Tempo as well:");
      System.out.println("  OTEL_EXPORTER_OTLP_ENDPOINT=http://localhost:4318 ./demo");
    }
  }

  /**
   * The deploys resolved a GitHub token into their plan, logged it in a tool call and had it in stderr:
   * says how many of the runs' files were searched for it, and whether it was found (it must not be).
   */
  private static void reportSecretCheck(Path runsDirectory, List<RunContext> runs) throws IOException {
    int files = 0;
    int leaks = 0;
    for (RunContext run : runs) {
      Path folder = runFolder(runsDirectory, run.runId());
      if (folder == null) {
        System.out.println("  (no run folder found for " + run.runId() + " under " + runsDirectory + ")");
        continue;
      }
      try (Stream<Path> paths = Files.list(folder)) {
        for (Path file : paths.filter(Files::isRegularFile).toList()) {
          files++;
          if (new String(Files.readAllBytes(file), StandardCharsets.UTF_8).contains(DeployDemo.API_TOKEN)) {
            leaks++;
            System.out.println("  LEAK: the token is in " + file);
          }
        }
      }
    }
    System.out.println();
    System.out.println(leaks == 0
        ? "The GitHub token the deploys resolved, logged and printed is in none of their " + files
            + " artifacts (plan.json, summary.json, trail.jsonl, otlp-traces.json; report.html is rendered from them"
            + " when a run is opened): [REDACTED] instead."
        : "The token leaked into " + leaks + " of " + files + " files.");
  }

  static Path runFolder(Path runsDirectory, String runId) throws IOException {
    try (Stream<Path> paths = Files.walk(runsDirectory, 4)) {
      return paths.filter(p -> p.getFileName().toString().equals(runId) && Files.isDirectory(p))
          .findFirst().orElse(null);
    }
  }
}
