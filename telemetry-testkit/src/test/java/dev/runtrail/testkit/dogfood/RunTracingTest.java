package dev.runtrail.testkit.dogfood;

import static dev.runtrail.testkit.RuntrailAssertions.assertThat;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.equalTo;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.satisfies;

import dev.runtrail.telemetry.RetryCause;
import dev.runtrail.telemetry.RunContext;
import dev.runtrail.telemetry.RunStatus;
import dev.runtrail.telemetry.Step;
import dev.runtrail.telemetry.Telemetry;
import dev.runtrail.telemetry.attributes.RunAttributes;
import dev.runtrail.telemetry.attributes.StepAttributes;
import dev.runtrail.telemetry.core.export.FinishedRun;
import dev.runtrail.telemetry.core.export.StepRecord;
import dev.runtrail.testkit.Captured;
import dev.runtrail.testkit.RuntrailTest;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** Core's run tracing tests (telemetry-core RunTracingTest), written with the testkit. */
@SuppressWarnings("try") // runs and steps are opened for their scope
@RuntrailTest
class RunTracingTest {

  private static RunContext deployRun(Telemetry telemetry) {
    return telemetry.run("deploy").env("prod").target("api").runner("runner-12")
        .git("abc123", "release/1.2.0").ticket("OPS-1").policy("readonly_fs", true)
        .plan("{\"steps\":[]}").attribute(RunAttributes.TENANT_ID, "t-1").start();
  }

  private static String spanIdOf(FinishedRun run, String stepPath) {
    return run.steps().stream().filter(step -> step.path().equals(stepPath)).findFirst()
        .map(StepRecord::spanId).orElseThrow();
  }

  @Test
  void runIsRootSpanAndStepsNestByPath(Captured captured) {
    try (RunContext run = deployRun(captured.telemetry())) {
      try (Step verify = run.step("main/verify")) {
        try (Step healthz = run.step("main/verify/healthz")) {
          healthz.exitCode(0);
        }
      }
      try (Step deploy = run.step("main/deploy/api")) {
        deploy.exitCode(0);
      }
    }
    FinishedRun deploy = captured.run("deploy");
    assertThat(captured).hasRun("deploy")
        .hasStep("main/verify").isChildOf(null)
        .hasStep("main/verify/healthz").isChildOf("main/verify")
        .hasStep("main/deploy/api").as("main/deploy is not open, so the run is the parent").isChildOf(null);
    assertThat(captured).hasRun("deploy").span().hasKind(SpanKind.INTERNAL).hasParentSpanId("0000000000000000");
    String root = captured.spans().stream().filter(s -> s.getName().equals("deploy")).findFirst().orElseThrow()
        .getSpanId();
    assertThat(captured).hasRun("deploy").hasStep("main/verify").span().hasParentSpanId(root);
    assertThat(captured).hasRun("deploy").hasStep("main/verify/healthz").span()
        .hasKind(SpanKind.INTERNAL).hasParentSpanId(spanIdOf(deploy, "main/verify"));
    assertThat(captured).hasRun("deploy").hasStep("main/deploy/api").span().hasParentSpanId(root);
    assertThat(captured.spans()).extracting(SpanData::getTraceId).containsOnly(deploy.traceId());
  }

  @Test
  void everySpanCarriesTheRunAttributes(Captured captured) {
    String runId;
    try (RunContext run = deployRun(captured.telemetry())) {
      runId = run.runId();
      run.step("main/build").close();
    }
    assertThat(captured.spans()).hasSize(2).allSatisfy(span -> assertThat(span)
        .hasAttribute(RunAttributes.RUN_ID, runId)
        .hasAttribute(RunAttributes.ENV, "prod")
        .hasAttribute(RunAttributes.TARGET, "api")
        .hasAttribute(RunAttributes.RUNNER_ID, "runner-12")
        .hasAttribute(RunAttributes.TENANT_ID, "t-1")
        .hasAttributesSatisfying(attributes ->
            assertThat(attributes.get(RunAttributes.PLAN_HASH)).hasSize(64)));
    assertThat(captured).hasRun("deploy").span()
        .hasAttribute(RunAttributes.RUN_NAME, "deploy")
        .hasAttribute(RunAttributes.GIT_SHA, "abc123")
        .hasAttribute(RunAttributes.GIT_BRANCH, "release/1.2.0")
        .hasAttribute(RunAttributes.TICKET, "OPS-1")
        .hasAttribute(RunAttributes.policyFlag("readonly_fs"), true)
        .hasAttribute(RunAttributes.RUN_RESULT, "success");
    assertThat(captured).hasSpan("main/build")
        .hasAttribute(StepAttributes.STEP_PATH, "main/build")
        .hasAttribute(StepAttributes.TASK_NAME, "main/build");
  }

  @Test
  void retryAndStderrTailBecomeEvents(Captured captured) {
    try (RunContext run = deployRun(captured.telemetry()); Step step = run.step("main/verify/healthz")) {
      step.retry(1, 137, RetryCause.TIMEOUT);
      step.stderrTail("line1\nline2\n");
    }
    assertThat(captured).hasRun("deploy").withRetries(1)
        .hasStep("main/verify/healthz").withRetries(1).withStderrTailContaining("line1\nline2\n")
        .span()
        .hasAttribute(StepAttributes.RETRIES, 1L)
        .hasEventsSatisfyingExactly(
            retry -> retry.hasName("retry").hasAttributesSatisfying(
                equalTo(AttributeKey.longKey("n"), 1L),
                equalTo(AttributeKey.longKey("exit_code"), 137L),
                equalTo(AttributeKey.stringKey("cause"), "timeout")),
            tail -> tail.hasName("stderr_tail").hasAttributesSatisfying(
                equalTo(AttributeKey.stringKey("stderr"), "line1\nline2\n")));
    assertThat(captured.meters()).counter("runtrail.step.retries")
        .withTags("step", "main/verify/healthz", "cause", "timeout").hasCount(1);
  }

  @Test
  void failedStepSetsErrorStatusTypeAndException(Captured captured) {
    try (RunContext run = deployRun(captured.telemetry()); Step step = run.step("main/verify/healthz")) {
      step.exitCode(137);
      step.fail("E_HEALTH_TIMEOUT", new TimeoutException("no answer after 30s"));
    }
    assertThat(captured).hasRun("deploy")
        .withStatus(RunStatus.FAILED).withErrorCode("E_HEALTH_TIMEOUT").withFailedStep("main/verify/healthz")
        .hasStep("main/verify/healthz").withExitCode(137).failedWith("E_HEALTH_TIMEOUT")
        .withErrorMessageContaining("no answer after 30s")
        .span()
        .hasStatusSatisfying(status -> status.hasCode(StatusCode.ERROR)
            .hasDescription("E_HEALTH_TIMEOUT: no answer after 30s"))
        .hasAttribute(StepAttributes.ERROR_TYPE, "E_HEALTH_TIMEOUT")
        .hasAttribute(StepAttributes.EXIT_CODE, 137L)
        .hasAttribute(StepAttributes.TASK_RESULT, "failure")
        .hasEventsSatisfyingExactly(exception -> exception.hasName("exception")
            .hasAttributesSatisfying(
                equalTo(AttributeKey.stringKey("exception.type"), TimeoutException.class.getName()),
                satisfies(AttributeKey.stringKey("exception.stacktrace"),
                    stackTrace -> stackTrace.contains("no answer after 30s").contains("RunTracingTest"))));
    assertThat(captured).hasRun("deploy").span()
        .hasStatusSatisfying(status -> status.hasCode(StatusCode.ERROR))
        .hasAttribute(StepAttributes.ERROR_TYPE, "E_HEALTH_TIMEOUT")
        .hasAttribute(RunAttributes.RUN_RESULT, "failure");
    assertThat(captured.logs()).hasLineContaining("failed with E_HEALTH_TIMEOUT: no answer after 30s");
  }

  @Test
  void successIsTheDefaultAndStatusIsOk(Captured captured) {
    try (RunContext run = deployRun(captured.telemetry())) {
      run.step("main/build").close();
    }
    assertThat(captured).hasRun("deploy").withStatus(RunStatus.OK).withErrorCode(null)
        .hasStep("main/build").withStatus(RunStatus.OK)
        .span().hasStatusSatisfying(status -> status.hasCode(StatusCode.OK));
    assertThat(captured).hasRun("deploy").span().hasStatusSatisfying(status -> status.hasCode(StatusCode.OK));
  }

  @Test
  void cancelledRunIsNotAnError(Captured captured) {
    RunContext run = deployRun(captured.telemetry());
    run.cancel("operator pressed stop");
    run.close();
    assertThat(captured).hasRun("deploy").withStatus(RunStatus.CANCELLED)
        .withErrorMessageContaining("operator pressed stop")
        .span()
        .hasAttribute(RunAttributes.RUN_RESULT, "cancellation")
        .hasStatusSatisfying(status -> status.hasCode(StatusCode.UNSET));
  }

  @Test
  void stepsLeftOpenAreCancelledWhenTheRunCloses(Captured captured) {
    RunContext run = deployRun(captured.telemetry());
    run.step("main/forgotten");
    run.close();
    assertThat(captured).hasRun("deploy").hasStep("main/forgotten").withStatus(RunStatus.CANCELLED)
        .span().hasAttribute(StepAttributes.TASK_RESULT, "cancellation");
    assertThat(RunContext.current().isRecording()).isFalse();
  }

  @Test
  void closingTwiceIsHarmless(Captured captured) {
    RunContext run = deployRun(captured.telemetry());
    Step step = run.step("main/build");
    step.close();
    step.close();
    run.close();
    run.close();
    assertThat(captured).hasRunCount(1).hasRun("deploy").hasSteps("main/build");
    assertThat(captured.spans()).hasSize(2);
  }
}
