package dev.runtrail.benchmarks.overhead;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtrail.telemetry.RunContext;
import dev.runtrail.telemetry.Step;
import dev.runtrail.telemetry.Telemetry;
import java.lang.management.ManagementFactory;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The benchmarks' regression guard without wall time: bytes the calling thread allocates per operation
 * ({@code ThreadMXBean}), after warm-up, for the paths the benchmarks measure. Bounds are the figures
 * measured on JDK 17 after the issue 9 optimizations plus about a third; a change that makes these
 * paths allocate more fails here before it shows in a JMH run.
 */
class AllocationGuardTest {

  /** The whole instrumented operation of the overhead benchmark, around no work: measured 7.8 KB. */
  static final long MAX_BYTES_PER_INSTRUMENTED_RUN = 10_500;
  /** A step in an open run: measured 1.4 KB. */
  static final long MAX_BYTES_PER_STEP = 1_800;
  /** One trail event (tool call with two secrets) with the span sink: measured 2.2 KB. */
  static final long MAX_BYTES_PER_TRAIL_EVENT = 3_000;
  /** The disabled path allocates nothing once compiled; a few bytes of noise per operation at most. */
  static final long MAX_BYTES_PER_DISABLED_RUN = 8;

  private static long allocatedBytes() {
    return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
        .getThreadAllocatedBytes(Thread.currentThread().getId());
  }

  private static long bytesPerOperation(Runnable operation) {
    for (int i = 0; i < 30_000; i++) {
      operation.run();
    }
    int operations = 10_000;
    long before = allocatedBytes();
    for (int i = 0; i < operations; i++) {
      operation.run();
    }
    return (allocatedBytes() - before) / operations;
  }

  private static final Map<String, Object> TOOL_ARGS = Map.of("command", InstrumentedStep.TOOL_COMMAND, "timeout_s", 300);
  private static final Map<String, Object> TOOL_RESULT = Map.of("exit_code", 0, "stdout", InstrumentedStep.TOOL_OUTPUT);

  @Test
  void theDisabledPathAllocatesNothing() {
    // The same calls as InstrumentedStep, with the app's data built once (building it is the app's cost:
    // the JMH figure of the disabled operation, about 230 B, is those maps).
    Telemetry noop = Telemetry.noop();
    long perRun = bytesPerOperation(() -> {
      try (RunContext run = noop.run("deploy").env("prod").target("api")
          .git("4f9c2d1e8b7a6f5e4d3c2b1a0f9e8d7c6b5a4f3e", "release/1.4.2").runner("runner-12").start();
          Step step = run.step("main/deploy/render")) {
        run.trail().toolCall("helm", TOOL_ARGS);
        run.trail().toolResult("helm", TOOL_RESULT);
        step.exitCode(0);
      }
    });
    assertThat(perRun).as("bytes per disabled run + step + 2 trail events").isLessThanOrEqualTo(MAX_BYTES_PER_DISABLED_RUN);
  }

  @Test
  void aWholeInstrumentedRunAllocatesBoundedBytes() {
    try (TelemetryFixture fixture = TelemetryFixture.start(TelemetryFixture.SPAN)) {
      long perRun = bytesPerOperation(() -> InstrumentedStep.run(fixture.telemetry(), "{}", work -> work));
      assertThat(perRun).as("bytes per instrumented run (run, step, 2 redacted trail events, metrics, MDC)")
          .isLessThan(MAX_BYTES_PER_INSTRUMENTED_RUN);
    }
  }

  @Test
  void aStepAndATrailEventAllocateBoundedBytes() {
    try (TelemetryFixture fixture = TelemetryFixture.start(TelemetryFixture.SPAN)) {
      RollingRun runs = new RollingRun(fixture.telemetry(), 1024, false);
      long perStep = bytesPerOperation(() -> {
        try (Step step = runs.next().step("main/deploy/render")) {
          step.exitCode(0);
        }
      });
      runs.close();
      assertThat(perStep).as("bytes per step").isLessThan(MAX_BYTES_PER_STEP);

      RollingRun inStep = new RollingRun(fixture.telemetry(), 100, true);
      long perEvent = bytesPerOperation(() -> {
        RunContext run = inStep.next();
        InstrumentedStep.recordToolCall(run);
      });
      inStep.close();
      assertThat(perEvent).as("bytes per trail event").isLessThan(MAX_BYTES_PER_TRAIL_EVENT);
    }
  }
}
