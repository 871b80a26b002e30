package dev.runtrail.telemetry.core.perf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtrail.telemetry.RunContext;
import dev.runtrail.telemetry.Step;
import dev.runtrail.telemetry.core.Runtrail;
import dev.runtrail.telemetry.core.RuntrailTelemetry;
import dev.runtrail.telemetry.core.config.RuntrailConfig;
import dev.runtrail.telemetry.core.config.Setting;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The regression guard of the benchmarks, without wall time: bytes allocated per operation on the
 * calling thread (ThreadMXBean), measured after warm-up. A change that makes the hot path allocate
 * much more fails here before it shows up in a JMH run.
 */
class HotPathAllocationTest {

  /** Measured 1.5 KB per step (span, attributes, MDC, step record, metrics) on JDK 17; twice that. */
  static final long MAX_BYTES_PER_STEP = 3_072;
  /** Measured 2.2 KB per trail event (copy, redaction, event, span event); about twice that. */
  static final long MAX_BYTES_PER_TRAIL_EVENT = 4_096;

  @TempDir Path runsDir;

  /** The SDK's no-op exporter (a composite of none): what is measured is Runtrail's hot path. */
  private static final SpanExporter DISCARD = SpanExporter.composite();

  private static long allocatedBytes() {
    return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
        .getThreadAllocatedBytes(Thread.currentThread().getId());
  }

  private RuntrailTelemetry telemetry(String sinks) {
    return (RuntrailTelemetry) Runtrail.builder()
        .config(RuntrailConfig.of(Map.of(Setting.ENABLED, "true", Setting.TRAIL_SINKS, sinks)))
        .spanExporter(DISCARD).meterRegistry(new SimpleMeterRegistry())
        .runsDirectory(runsDir).discoverRunExporters(false).shutdownHook(false).build();
  }

  @Test
  void aStepAllocatesBoundedBytes() {
    try (RuntrailTelemetry telemetry = telemetry("none"); RunContext run = telemetry.run("bench").env("prod").start()) {
      for (int i = 0; i < 20_000; i++) {
        run.step("main/work").exitCode(0).close();
      }
      int steps = 10_000;
      long before = allocatedBytes();
      for (int i = 0; i < steps; i++) {
        try (Step step = run.step("main/work")) {
          step.exitCode(0);
        }
      }
      long perStep = (allocatedBytes() - before) / steps;
      assertThat(perStep).as("bytes allocated per enabled step").isLessThan(MAX_BYTES_PER_STEP);
    }
  }

  @Test
  void aTrailEventAllocatesBoundedBytes() {
    Map<String, Object> args = Map.of("path", "main.tf", "mode", "read");
    try (RuntrailTelemetry telemetry = telemetry("span"); RunContext run = telemetry.run("bench").start();
        Step step = run.step("main/work")) {
      for (int i = 0; i < 20_000; i++) {
        run.trail().toolCall("read-file", args);
      }
      int events = 10_000;
      long before = allocatedBytes();
      for (int i = 0; i < events; i++) {
        run.trail().toolCall("read-file", args);
      }
      long perEvent = (allocatedBytes() - before) / events;
      assertThat(perEvent).as("bytes allocated per trail event").isLessThan(MAX_BYTES_PER_TRAIL_EVENT);
    }
  }
}
