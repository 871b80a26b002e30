package dev.runtrail.telemetry.core.trace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtrail.telemetry.RetryCause;
import dev.runtrail.telemetry.RunContext;
import dev.runtrail.telemetry.RunStatus;
import dev.runtrail.telemetry.Step;
import dev.runtrail.telemetry.attributes.RunAttributes;
import dev.runtrail.telemetry.attributes.StepAttributes;
import dev.runtrail.telemetry.core.TestTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunTracingTest {

  @TempDir Path runsDir;
  TestTelemetry t;

  @BeforeEach
  void setUp() {
    t = TestTelemetry.create(runsDir);
  }

  @AfterEach
  void tearDown() {
    t.close();
  }

  private RunContext deployRun() {
    return t.telemetry.run("deploy").env("prod").target("api").runner("runner-12")
        .git("abc123", "release/1.2.0").ticket("OPS-1").policy("readonly_fs", true)
        .plan("{\"steps\":[]}").attribute(RunAttributes.TENANT_ID, "t-1").start();
  }

  @Test
  void runIsRootSpanAndStepsNestByPath() {
    try (RunContext run = deployRun()) {
      try (Step verify = run.step("main/verify")) {
        try (Step healthz = run.step("main/verify/healthz")) {
          healthz.exitCode(0);
        }
      }
      try (Step deploy = run.step("main/deploy/api")) {
        deploy.exitCode(0);
      }
    }
    SpanData root = t.span("deploy");
    SpanData verify = t.span("main/verify");
    SpanData healthz = t.span("main/verify/healthz");
    SpanData deploy = t.span("main/deploy/api");
    assertThat(root.getParentSpanContext().isValid()).isFalse();
    assertThat(root.getKind()).isEqualTo(SpanKind.INTERNAL);
    assertThat(verify.getParentSpanId()).isEqualTo(root.getSpanId());
    assertThat(healthz.getParentSpanId()).isEqualTo(verify.getSpanId());
    assertThat(deploy.getParentSpanId()).as("main/deploy is not open, so the root is the parent")
        .isEqualTo(root.getSpanId());
    assertThat(healthz.getKind()).isEqualTo(SpanKind.INTERNAL);
    assertThat(t.finishedSpans()).extracting(SpanData::getTraceId).containsOnly(root.getTraceId());
  }

  @Test
  void everySpanCarriesTheRunAttributes() {
    String runId;
    try (RunContext run = deployRun()) {
      runId = run.runId();
      run.step("main/build").close();
    }
    for (SpanData span : t.finishedSpans()) {
      assertThat(span.getAttributes().get(RunAttributes.RUN_ID)).isEqualTo(runId);
      assertThat(span.getAttributes().get(RunAttributes.ENV)).isEqualTo("prod");
      assertThat(span.getAttributes().get(RunAttributes.TARGET)).isEqualTo("api");
      assertThat(span.getAttributes().get(RunAttributes.RUNNER_ID)).isEqualTo("runner-12");
      assertThat(span.getAttributes().get(RunAttributes.TENANT_ID)).isEqualTo("t-1");
      assertThat(span.getAttributes().get(RunAttributes.PLAN_HASH)).hasSize(64);
    }
    SpanData root = t.span("deploy");
    assertThat(root.getAttributes().get(RunAttributes.RUN_NAME)).isEqualTo("deploy");
    assertThat(root.getAttributes().get(RunAttributes.GIT_SHA)).isEqualTo("abc123");
    assertThat(root.getAttributes().get(RunAttributes.GIT_BRANCH)).isEqualTo("release/1.2.0");
    assertThat(root.getAttributes().get(RunAttributes.TICKET)).isEqualTo("OPS-1");
    assertThat(root.getAttributes().get(RunAttributes.policyFlag("readonly_fs"))).isTrue();
    assertThat(root.getAttributes().get(RunAttributes.RUN_RESULT)).isEqualTo("success");
    assertThat(t.span("main/build").getAttributes().get(StepAttributes.STEP_PATH)).isEqualTo("main/build");
    assertThat(t.span("main/build").getAttributes().get(StepAttributes.TASK_NAME)).isEqualTo("main/build");
  }

  @Test
  void retryAndStderrTailBecomeEvents() {
    try (RunContext run = deployRun(); Step step = run.step("main/verify/healthz")) {
      step.retry(1, 137, RetryCause.TIMEOUT);
      step.stderrTail("line1\nline2\n");
    }
    SpanData span = t.span("main/verify/healthz");
    EventData retry = span.getEvents().stream().filter(e -> e.getName().equals("retry")).findFirst().orElseThrow();
    assertThat(retry.getAttributes().get(AttributeKey.longKey("n"))).isEqualTo(1L);
    assertThat(retry.getAttributes().get(AttributeKey.longKey("exit_code"))).isEqualTo(137L);
    assertThat(retry.getAttributes().get(AttributeKey.stringKey("cause"))).isEqualTo("timeout");
    EventData tail = span.getEvents().stream().filter(e -> e.getName().equals("stderr_tail")).findFirst().orElseThrow();
    assertThat(tail.getAttributes().get(AttributeKey.stringKey("stderr"))).isEqualTo("line1\nline2\n");
    assertThat(span.getAttributes().get(StepAttributes.RETRIES)).isEqualTo(1L);
  }

  @Test
  void stderrTailKeepsOnlyTheLastLines() {
    StringBuilder stderr = new StringBuilder();
    for (int i = 1; i <= 100; i++) {
      stderr.append("line ").append(i).append('\n');
    }
    try (RunContext run = deployRun(); Step step = run.step("main/verify/healthz")) {
      step.stderrTail(stderr.toString());
    }
    EventData tail = t.span("main/verify/healthz").getEvents().stream()
        .filter(e -> e.getName().equals("stderr_tail")).findFirst().orElseThrow();
    String kept = tail.getAttributes().get(AttributeKey.stringKey("stderr"));
    assertThat(kept).startsWith("line 81\n").endsWith("line 100\n");
    assertThat(kept.split("\n")).hasSize(20);
    assertThat(tail.getAttributes().get(AttributeKey.booleanKey("truncated"))).isTrue();
  }

  @Test
  void failedStepSetsErrorStatusTypeAndException() {
    RunContext run = deployRun();
    try (run; Step step = run.step("main/verify/healthz")) {
      step.exitCode(137);
      step.fail("E_HEALTH_TIMEOUT", new TimeoutException("no answer after 30s"));
    }
    SpanData span = t.span("main/verify/healthz");
    assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(span.getStatus().getDescription()).isEqualTo("E_HEALTH_TIMEOUT: no answer after 30s");
    assertThat(span.getAttributes().get(StepAttributes.ERROR_TYPE)).isEqualTo("E_HEALTH_TIMEOUT");
    assertThat(span.getAttributes().get(StepAttributes.EXIT_CODE)).isEqualTo(137L);
    assertThat(span.getAttributes().get(StepAttributes.TASK_RESULT)).isEqualTo("failure");
    EventData exception = span.getEvents().stream().filter(e -> e.getName().equals("exception")).findFirst().orElseThrow();
    assertThat(exception.getAttributes().get(AttributeKey.stringKey("exception.type")))
        .isEqualTo(TimeoutException.class.getName());
    assertThat(exception.getAttributes().get(AttributeKey.stringKey("exception.stacktrace")))
        .contains("no answer after 30s").contains("RunTracingTest");
    SpanData root = t.span("deploy");
    assertThat(run.status()).isEqualTo(RunStatus.FAILED);
    assertThat(root.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(root.getAttributes().get(StepAttributes.ERROR_TYPE)).isEqualTo("E_HEALTH_TIMEOUT");
    assertThat(root.getAttributes().get(RunAttributes.RUN_RESULT)).isEqualTo("failure");
  }

  @Test
  void successIsTheDefaultAndStatusIsOk() {
    RunContext run = deployRun();
    try (run) {
      run.step("main/build").close();
    }
    assertThat(run.status()).isEqualTo(RunStatus.OK);
    assertThat(t.span("main/build").getStatus().getStatusCode()).isEqualTo(StatusCode.OK);
    assertThat(t.span("deploy").getStatus().getStatusCode()).isEqualTo(StatusCode.OK);
  }

  @Test
  void cancelledRunIsNotAnError() {
    RunContext run = deployRun();
    run.cancel("operator pressed stop");
    run.close();
    assertThat(run.status()).isEqualTo(RunStatus.CANCELLED);
    assertThat(t.span("deploy").getAttributes().get(RunAttributes.RUN_RESULT)).isEqualTo("cancellation");
    assertThat(t.span("deploy").getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
  }

  @Test
  void closingTwiceIsHarmless() {
    RunContext run = deployRun();
    Step step = run.step("main/build");
    step.close();
    step.close();
    run.close();
    run.close();
    assertThat(t.finishedSpans()).hasSize(2);
  }

  @Test
  void stepMayBeClosedOnAnotherThread() throws Exception {
    try (RunContext run = deployRun()) {
      Step step = run.startStep("main/async");
      CompletableFuture.runAsync(() -> {
        step.exitCode(0);
        step.close();
      }).get();
      assertThat(t.findSpan("main/async")).isPresent();
      assertThat(Step.current().path()).as("startStep does not make the step current").isEmpty();
    }
    assertThat(t.span("main/async").getParentSpanId()).isEqualTo(t.span("deploy").getSpanId());
  }

  @Test
  void stepOpenedHereClosedElsewhereLeavesThisThreadClean() throws Exception {
    try (RunContext run = deployRun()) {
      Step step = run.step("main/handed-off");
      assertThat(Step.current()).isSameAs(step);
      CompletableFuture.runAsync(step::close).get();
      try (Step next = run.step("main/next")) {
        assertThat(Step.current()).isSameAs(next);
      }
      assertThat(Step.current().path()).as("after the next step, nothing of the handed-off step is current")
          .isEmpty();
      assertThat(RunContext.current()).isSameAs(run);
    }
    assertThat(t.span("main/next").getParentSpanId()).isEqualTo(t.span("deploy").getSpanId());
  }

  @Test
  void stepsLeftOpenAreCancelledWhenTheRunCloses() {
    RunContext run = deployRun();
    Step forgotten = run.step("main/forgotten");
    run.close();
    assertThat(forgotten.status()).isEqualTo(RunStatus.CANCELLED);
    assertThat(t.span("main/forgotten").getAttributes().get(StepAttributes.TASK_RESULT)).isEqualTo("cancellation");
    assertThat(RunContext.current().isRecording()).isFalse();
  }

  @Test
  void childStepsHaveJoinedPaths() {
    try (RunContext run = deployRun(); Step verify = run.step("main/verify"); Step child = verify.step("healthz")) {
      assertThat(child.path()).isEqualTo("main/verify/healthz");
    }
    assertThat(t.span("main/verify/healthz").getParentSpanId()).isEqualTo(t.span("main/verify").getSpanId());
  }
}
