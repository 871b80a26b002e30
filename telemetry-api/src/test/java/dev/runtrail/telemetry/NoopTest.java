package dev.runtrail.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtrail.telemetry.attributes.RunAttributes;
import dev.runtrail.telemetry.trail.DecoratorUsage;
import java.lang.management.ManagementFactory;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NoopTest {

  private static final Map<String, Object> ARGS = Map.of("path", "main.tf");
  private static final DecoratorUsage USAGE = DecoratorUsage.of("@shell", "ls");

  @Test
  void noopRecordsNothingAndIsSafeToUseFully() {
    Telemetry telemetry = Telemetry.noop();
    assertThat(telemetry.isEnabled()).isFalse();
    try (RunContext run = telemetry.run("deploy").env("prod").target("api").plan("{}").start()) {
      assertThat(run.isRecording()).isFalse();
      assertThat(run.runId()).isEmpty();
      assertThat(run.spanContext().isValid()).isFalse();
      try (Step step = run.step("main/a")) {
        step.retry(1, 137).exitCode(137).stderrTail("x").fail("E", "m");
        assertThat(step.status()).isEqualTo(RunStatus.OK);
      }
      assertThat(run.trail().toolCall("kubectl", ARGS)).isZero();
    }
    assertThat(RunContext.current().isRecording()).isFalse();
    assertThat(Step.current().path()).isEmpty();
  }

  @Test
  void noopHotPathAllocatesNothing() {
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    Telemetry telemetry = Telemetry.noop();
    for (int i = 0; i < 20_000; i++) {
      hotPath(telemetry); // warm up so the JIT can remove what escape analysis can
    }
    long tid = Thread.currentThread().getId();
    long before = threads.getThreadAllocatedBytes(tid);
    for (int i = 0; i < 10_000; i++) {
      hotPath(telemetry);
    }
    long allocated = threads.getThreadAllocatedBytes(tid) - before;
    // 10,000 runs with a step and two trail events: a single allocation per run would be >= 160 KB.
    assertThat(allocated).as("bytes allocated by 10,000 no-op runs").isLessThan(16_384);
  }

  private static void hotPath(Telemetry telemetry) {
    try (RunContext run = telemetry.run("deploy").env("prod").target("api")
        .attribute(RunAttributes.TENANT_ID, "t-1").start()) {
      try (Step step = run.step("main/deploy/api")) {
        step.exitCode(0);
        run.trail().toolCall("kubectl", ARGS);
        run.trail().decoratorUsed(USAGE);
      }
    }
  }
}
