package dev.runtrail.telemetry.core.trace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtrail.telemetry.RunContext;
import dev.runtrail.telemetry.Step;
import dev.runtrail.telemetry.attributes.RunAttributes;
import dev.runtrail.telemetry.core.TestTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.trace.data.EventData;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Run tracing details the testkit's dogfood copy (telemetry-testkit dogfood/RunTracingTest) does not
 * cover: stderr bounds, cross-thread closing, child steps. The rest moved there.
 */
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
  void childStepsHaveJoinedPaths() {
    try (RunContext run = deployRun(); Step verify = run.step("main/verify"); Step child = verify.step("healthz")) {
      assertThat(child.path()).isEqualTo("main/verify/healthz");
    }
    assertThat(t.span("main/verify/healthz").getParentSpanId()).isEqualTo(t.span("main/verify").getSpanId());
  }
}
