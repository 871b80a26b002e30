package com.example.deploy;

import static dev.runtrail.telemetry.RunStatus.FAILED;
import static dev.runtrail.telemetry.trail.TrailEventTypes.TOOL_CALL;
import static dev.runtrail.telemetry.trail.TrailEventTypes.TOOL_RESULT;
import static dev.runtrail.testkit.RuntrailAssertions.assertThat;

import dev.runtrail.telemetry.RetryCause;
import dev.runtrail.telemetry.RunContext;
import dev.runtrail.telemetry.Step;
import dev.runtrail.telemetry.Telemetry;
import dev.runtrail.testkit.Captured;
import dev.runtrail.testkit.RuntrailTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

@RuntrailTest(failOnLeak = true)
class DeployTelemetryTest {

  /** The code under test: deploys with a token, then its health check times out. */
  static final class Deployer {
    private static final Logger LOG = LoggerFactory.getLogger(Deployer.class);
    private final Telemetry telemetry;

    Deployer(Telemetry telemetry) {
      this.telemetry = telemetry;
    }

    void deploy(String target, String token) {
      try (RunContext run = telemetry.run("deploy").env("prod").target(target).start()) {
        LOG.info("deploying {}", target);
        try (Step step = run.step("main/deploy/" + target)) {
          run.trail().toolCall("kubectl", Map.of("args", "apply -f k8s/" + target, "token", token));
          run.trail().toolResult("kubectl", Map.of("exit_code", 0));
          step.exitCode(0);
        }
        try (Step verify = run.step("main/verify/healthz")) {
          verify.retry(1, 137, RetryCause.TIMEOUT);
          verify.exitCode(137);
          verify.fail("E_HEALTH_TIMEOUT", "no answer after 30s");
        }
      }
    }
  }

  @Test
  void failedHealthCheckIsRecordedAndTheTokenNeverLeaks(Captured captured) {
    new Deployer(captured.telemetry()).deploy("api", captured.canary().githubToken().text());

    assertThat(captured).hasRun("deploy").withStatus(FAILED)
        .hasStep("main/verify/healthz").withRetries(1).withExitCode(137).failedWith("E_HEALTH_TIMEOUT");
    assertThat(captured.trail()).containsSequence(TOOL_CALL, TOOL_RESULT).hasNoGaps()
        .hasEventOfType(TOOL_CALL).withData("args.token", "[REDACTED]");
    assertThat(captured.meters()).counter("runtrail.runs.completed").withTags("status", "failed").hasCount(1);
    assertThat(captured.logs()).everyLineOf(captured.run("deploy")).carriesRunId();
    assertThat(captured).leaksNoCanaries();
  }
}
