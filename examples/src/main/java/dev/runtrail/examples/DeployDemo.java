package dev.runtrail.examples;

import dev.runtrail.telemetry.RetryCause;
import dev.runtrail.telemetry.RunContext;
import dev.runtrail.telemetry.Step;
import dev.runtrail.telemetry.Telemetry;
import dev.runtrail.telemetry.attributes.RunAttributes;
import dev.runtrail.telemetry.trail.DecoratorUsage;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A realistic instrumented deploy of {@code api} to prod: build, deploy, and a health check. Release
 * 1.2.0 times out twice (exit 137) and fails the run; release 1.2.1 raises the health check's timeout and
 * passes. Everything a real deploy tool would record, including a secret resolved into the plan that must
 * never show up in telemetry.
 */
public final class DeployDemo {

  private static final Logger LOG = LoggerFactory.getLogger("deploy");

  /** A fake token, shaped like a real GitHub token: the redactor must keep it out of all telemetry. */
  static final String API_TOKEN = "ghp_" + "R7x2Kq9LmN4pW8sT1vY6zA3bC5dE0fG2hJ4k";

  /** What differs between the two deploys. */
  enum Release {
    /** Health check with a 30 s timeout: times out on every attempt. */
    V1_2_0("1.2.0", "9fceb02d0ae598e95dc970b74767f19372d61af8", "30s", false),
    /** The fix: a 60 s timeout, and the check passes. */
    V1_2_1("1.2.1", "e83c5163316f89bfbde7d9ab23ca2e25604af290", "60s", true);

    final String version;
    final String gitSha;
    final String healthTimeout;
    final boolean healthy;

    Release(String version, String gitSha, String healthTimeout, boolean healthy) {
      this.version = version;
      this.gitSha = gitSha;
      this.healthTimeout = healthTimeout;
      this.healthy = healthy;
    }

    String branch() {
      return "release/" + version;
    }

    String plan() {
      return "{\n"
          + "  \"version\": \"" + version + "\",\n"
          + "  \"steps\": [\n"
          + "    {\"id\": \"main/build\", \"command\": \"./gradlew assemble\", \"decorator\": \"shell\"},\n"
          + "    {\"id\": \"main/deploy/api\", \"command\": \"kubectl apply -f k8s/api/\", \"decorator\": \"shell\","
          + " \"estimated_duration\": \"15s\"},\n"
          + "    {\"id\": \"main/verify/healthz\", \"command\": \"curl -fsS https://api.internal/healthz\","
          + " \"decorator\": \"http\", \"timeout\": \"" + healthTimeout + "\"}\n"
          + "  ],\n"
          + "  \"env\": {\"API_TOKEN\": \"@env.API_TOKEN\", \"REPLICAS\": \"@var.REPLICAS\"}\n"
          + "}";
    }
  }

  private DeployDemo() {}

  /** Runs the deploy of one release; returns the finished run. */
  static RunContext deploy(Telemetry telemetry, Release release) {
    RunContext run = telemetry.run("deploy")
        .env("prod")
        .target("api")
        .plan(release.plan())
        .plan("plan-api", release.version)
        .git(release.gitSha, release.branch())
        .runner("runner-12")
        .ticket("OPS-1234")
        .policy("deny_network", false)
        .policy("readonly_fs", true)
        .resolvedValue("@env.API_TOKEN", API_TOKEN)
        .resolvedValue("@var.REPLICAS", "3")
        .attribute(RunAttributes.TENANT_ID, "tenant-123")
        .start();
    try (run) {
      LOG.info("Deploying api {} to prod", release.version);
      build(run);
      deployApi(run, release);
      verify(run, release);
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

  private static void deployApi(RunContext run, Release release) {
    try (Step step = run.step("main/deploy/api")) {
      run.trail().decoratorUsed(DecoratorUsage.of("@env", "API_TOKEN").at("deploy.opl", 23).durationMs(0.1)
          .user("deploy-bot").runner("runner-12"));
      run.trail().credentialIssued("k8s:prod/api:deployer", Duration.ofMinutes(15));
      run.trail().policyEvaluated("readonly_fs", "allow", "kubectl writes only to the cluster");
      // An app logging a command line with a secret in it: the trail keeps the structure, not the secret.
      run.trail().toolCall("kubectl", Map.of(
          "args", "apply -f k8s/api/ --timeout=" + release.healthTimeout + " --token=" + API_TOKEN,
          "replicas", 3));
      sleep(60);
      run.trail().toolResult("kubectl", Map.of("exit_code", 0, "stdout_lines", 15));
      run.trail().decoratorUsed(DecoratorUsage.of("@shell", "kubectl apply -f k8s/api/")
          .at("deploy.opl", 45).durationMs(60).exitCode(0).user("deploy-bot").runner("runner-12"));
      step.exitCode(0);
    }
  }

  private static void verify(RunContext run, Release release) {
    try (Step verify = run.step("main/verify")) {
      try (Step healthz = run.step("main/verify/healthz")) {
        if (release.healthy) {
          sleep(30);
          healthz.exitCode(0);
          LOG.info("Health check passed");
          return;
        }
        for (int attempt = 1; attempt <= 2; attempt++) {
          sleep(30);
          LOG.info("Health check attempt {} timed out after {}, retrying", attempt, release.healthTimeout);
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
        LOG.info("Health check gave up after 3 attempts");
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
}
