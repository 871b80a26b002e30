package dev.runtrail.testkit.dogfood;

import static dev.runtrail.testkit.RuntrailAssertions.assertThat;

import dev.runtrail.telemetry.RetryCause;
import dev.runtrail.telemetry.RunContext;
import dev.runtrail.telemetry.Step;
import dev.runtrail.testkit.Captured;
import dev.runtrail.testkit.RuntrailTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The run metrics of docs/metrics.md, as a user of the testkit would check them. */
@RuntrailTest
class RunMetricsTest {

  @Test
  void runsAreCountedByStatusAndErrorCode(Captured captured) {
    try (RunContext run = captured.telemetry().run("deploy").env("prod").target("api").start()) {
      run.step("main/build").close();
    }
    try (RunContext run = captured.telemetry().run("deploy").env("prod").target("api").start();
        Step verify = run.step("main/verify/healthz")) {
      verify.fail("E_HEALTH_TIMEOUT", "no answer");
    }
    assertThat(captured.meters())
        .counter("runtrail.runs.started").withTags("env", "prod", "target", "api").hasCount(2);
    assertThat(captured.meters()).counter("runtrail.runs.completed")
        .withTags("env", "prod", "status", "ok", "error_code", "none").hasCount(1);
    assertThat(captured.meters()).counter("runtrail.runs.completed")
        .withTags("status", "failed", "error_code", "E_HEALTH_TIMEOUT").hasCount(1);
    assertThat(captured.meters()).timer("runtrail.run.duration").withTag("status", "failed").hasCount(1);
    assertThat(captured.meters()).timer("runtrail.step.duration").withTags("step", "main/build", "status", "ok")
        .hasCount(1);
    assertThat(captured.meters()).gauge("runtrail.runs.in.flight").withTags("env", "prod", "target", "api")
        .hasValue(0);
  }

  @Test
  void retriesAreCountedByCauseAndTrailEventsByType(Captured captured) {
    try (RunContext run = captured.telemetry().run("deploy").start(); Step step = run.step("main/verify")) {
      step.retry(1, 124);
      step.retry(2, 137, RetryCause.RESOURCE_EXHAUSTED);
      run.trail().toolCall("curl", Map.of());
      run.trail().toolCall("curl", Map.of());
      run.trail().policyEvaluated("deny_network", "deny", "egress");
    }
    assertThat(captured.meters()).counter("runtrail.step.retries").withTag("cause", "timeout").hasCount(1)
        .withTag("step", "main/verify").hasCount(1);
    assertThat(captured.meters()).counter("runtrail.step.retries").withTag("cause", "resource_exhausted").hasCount(1);
    assertThat(captured.meters()).counter("runtrail.trail.events").withTag("type", "tool_call").hasCount(2);
    assertThat(captured.meters()).counter("runtrail.agent.tool.calls").withTag("tool", "curl").hasCount(2);
    assertThat(captured.meters()).counter("runtrail.policy.evaluations")
        .withTags("policy", "deny_network", "decision", "deny").hasCount(1);
  }
}
