package dev.runtrail.testkit;

import dev.runtrail.telemetry.RetryCause;
import dev.runtrail.telemetry.RunContext;
import dev.runtrail.telemetry.Step;
import dev.runtrail.telemetry.Telemetry;
import dev.runtrail.telemetry.attributes.RunAttributes;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Instrumented code the assertion tests run: a deploy whose health check fails, and an agent run. */
@SuppressWarnings("try") // runs and steps are opened for their scope
final class Scenarios {

  static final Logger LOG = LoggerFactory.getLogger("com.example.Deployer");

  private Scenarios() {}

  /** deploy: main/build ok, main/deploy/api ok with two trail events, main/verify/healthz fails after a retry. */
  static String deploy(Telemetry telemetry) {
    try (RunContext run = telemetry.run("deploy").env("prod").target("api")
        .attribute(RunAttributes.TENANT_ID, "t-1").start()) {
      LOG.info("deploying api");
      try (Step build = run.step("main/build")) {
        build.exitCode(0);
      }
      try (Step deploy = run.step("main/deploy/api")) {
        run.trail().toolCall("kubectl", Map.of("args", "apply -f k8s/api/"));
        run.trail().toolResult("kubectl", Map.of("exit_code", 0));
        deploy.exitCode(0);
      }
      try (Step verify = run.step("main/verify/healthz")) {
        verify.retry(1, 137, RetryCause.TIMEOUT);
        verify.stderrTail("curl: (28) Operation timed out\n");
        verify.exitCode(137);
        verify.fail("E_HEALTH_TIMEOUT", "no answer after 30s");
      }
      return run.runId();
    }
  }

  /** agent: ok, three trail events outside any step and one inside. */
  static String agent(Telemetry telemetry) {
    try (RunContext run = telemetry.run("agent").start()) {
      run.trail().record("task_received", Map.of("from", "webhook"));
      try (Step step = run.step("agent/run")) {
        run.trail().toolCall("read-file", Map.of("path", "main.tf"));
        run.trail().toolResult("read-file", Map.of("size", 2340));
        run.trail().prCreated("https://github.com/org/repo/pull/42", "agent/fix-123");
      }
      return run.runId();
    }
  }
}
