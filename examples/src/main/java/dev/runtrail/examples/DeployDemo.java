package dev.runtrail.examples;

import dev.runtrail.telemetry.RetryCause;
import dev.runtrail.telemetry.RunContext;
import dev.runtrail.telemetry.RunStatus;
import dev.runtrail.telemetry.Step;
import dev.runtrail.telemetry.Telemetry;
import dev.runtrail.telemetry.attributes.RunAttributes;
import dev.runtrail.telemetry.trail.DecoratorUsage;
import dev.runtrail.telemetry.core.trail.TrailReader;
import dev.runtrail.telemetry.trail.TrailEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A realistic instrumented deploy: build, deploy, and a health check that times out twice (exit 137)
 * and fails the run. Everything a real deploy tool would record, including a secret resolved into the
 * plan that must never show up in telemetry.
 */
public final class DeployDemo {

  private static final Logger LOG = LoggerFactory.getLogger(DeployDemo.class);

  static final String PLAN = "{\n"
      + "  \"version\": \"1.0\",\n"
      + "  \"steps\": [\n"
      + "    {\"id\": \"main/build\", \"command\": \"./gradlew assemble\", \"decorator\": \"shell\"},\n"
      + "    {\"id\": \"main/deploy/api\", \"command\": \"kubectl apply -f k8s/api/\", \"decorator\": \"shell\","
      + " \"estimated_duration\": \"15s\"},\n"
      + "    {\"id\": \"main/verify/healthz\", \"command\": \"curl -fsS https://api.internal/healthz\","
      + " \"decorator\": \"http\"}\n"
      + "  ],\n"
      + "  \"env\": {\"API_TOKEN\": \"@env.API_TOKEN\", \"REPLICAS\": \"@var.REPLICAS\"}\n"
      + "}";

  /** A fake token, shaped like a real GitHub token: the redactor must keep it out of all telemetry. */
  static final String API_TOKEN = "ghp_" + "R7x2Kq9LmN4pW8sT1vY6zA3bC5dE0fG2hJ4k";

  private DeployDemo() {}

  /** Runs the deploy; returns the finished run. */
  static RunContext deploy(Telemetry telemetry) {
    RunContext run = telemetry.run("deploy")
        .env("staging")
        .target("api")
        .plan(PLAN)
        .plan("plan-api", "v1.2")
        .git("9fceb02d0ae598e95dc970b74767f19372d61af8", "release/1.2.0")
        .runner("runner-12")
        .ticket("OPS-1234")
        .policy("deny_network", false)
        .policy("readonly_fs", true)
        .resolvedValue("@env.API_TOKEN", API_TOKEN)
        .resolvedValue("@var.REPLICAS", "3")
        .attribute(RunAttributes.TENANT_ID, "tenant-123")
        .start();
    try (run) {
      LOG.info("Deploying api to staging");
      build(run);
      deployApi(run);
      verify(run);
    }
    return run;
  }

  private static void build(RunContext run) {
    try (Step step = run.step("main/build")) {
      sleep(40);
      run.trail().decoratorUsed(DecoratorUsage.of("@shell", "./gradlew assemble")
          .at("deploy.opl", 12).durationMs(40).exitCode(0).user("deploy-bot").runner("runner-12"));
      step.exitCode(0);
    }
  }

  private static void deployApi(RunContext run) {
    try (Step step = run.step("main/deploy/api")) {
      run.trail().decoratorUsed(DecoratorUsage.of("@env", "API_TOKEN").at("deploy.opl", 23).durationMs(0.1)
          .user("deploy-bot").runner("runner-12"));
      run.trail().credentialIssued("k8s:staging/api:deployer", Duration.ofMinutes(15));
      run.trail().policyEvaluated("readonly_fs", "allow", "kubectl writes only to the cluster");
      // An app logging a command line with a secret in it: the trail keeps the structure, not the secret.
      run.trail().toolCall("kubectl", Map.of(
          "args", "apply -f k8s/api/ --token=" + API_TOKEN,
          "replicas", 3));
      sleep(60);
      run.trail().toolResult("kubectl", Map.of("exit_code", 0, "stdout_lines", 15));
      run.trail().decoratorUsed(DecoratorUsage.of("@shell", "kubectl apply -f k8s/api/")
          .at("deploy.opl", 45).durationMs(60).exitCode(0).user("deploy-bot").runner("runner-12"));
      step.exitCode(0);
    }
  }

  private static void verify(RunContext run) {
    try (Step verify = run.step("main/verify")) {
      try (Step healthz = run.step("main/verify/healthz")) {
        for (int attempt = 1; attempt <= 2; attempt++) {
          sleep(30);
          LOG.warn("Health check attempt {} timed out", attempt);
          healthz.retry(attempt, 137, RetryCause.TIMEOUT);
        }
        sleep(30);
        String stderr = "curl: (28) Operation timed out after 30001 milliseconds with 0 bytes received\n"
            + "healthz: GET https://api.internal/healthz (Authorization: Bearer " + API_TOKEN + ")\n"
            + "healthz: giving up after 3 attempts\n";
        healthz.exitCode(137).stderrTail(stderr);
        run.trail().decoratorUsed(DecoratorUsage.of("@http", "https://api.internal/healthz")
            .at("verify.opl", 12).durationMs(90).statusCode(504).user("deploy-bot"));
        healthz.fail("E_HEALTH_TIMEOUT", new TimeoutException("health check timed out after 3 attempts"));
        run.trail().error("E_HEALTH_TIMEOUT", "api did not become healthy");
      }
      verify.fail("E_HEALTH_TIMEOUT", "verification failed");
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Prints what a person needs to find the run, and its trail as it was written (redacted). */
  static void report(RunContext run, Path runsDirectory) {
    System.out.println();
    System.out.println("Run " + run.runId() + " (" + run.name() + ") finished: " + run.status().label()
        + (run.status() == RunStatus.FAILED ? " (as scripted: the health check timed out)" : ""));
    System.out.println("  plan hash      " + (run.planHash().isEmpty() ? "-" : run.planHash()));
    System.out.println("  trace id       " + run.spanContext().getTraceId());
    System.out.println("  correlation id " + run.correlationId());
    Path folder = runFolder(runsDirectory, run.runId());
    if (folder == null) {
      System.out.println("  run folder     (not found under " + runsDirectory + ")");
      return;
    }
    System.out.println("  run folder     " + folder);
    try {
      TrailReader.Result trail = TrailReader.read(folder.resolve("trail.jsonl"));
      System.out.println("  trail          " + trail.events().size() + " events"
          + (trail.isIntact() ? ", gap-free" : ", problems: " + trail.problems() + " " + trail.gaps()));
      for (TrailEvent event : trail.events()) {
        System.out.printf("    #%-3d %-18s %-26s %s%n", event.sequence(), event.type(),
            event.step() == null ? "-" : event.step(), event.data());
      }
    } catch (IOException e) {
      System.out.println("  trail          unreadable: " + e.getMessage());
    }
  }

  private static Path runFolder(Path runsDirectory, String runId) {
    try (Stream<Path> paths = Files.walk(runsDirectory, 4)) {
      return paths.filter(p -> p.getFileName().toString().equals(runId)).findFirst().orElse(null);
    } catch (IOException e) {
      return null;
    }
  }
}
