package dev.runtrail.telemetry.core.trace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtrail.telemetry.RunContext;
import dev.runtrail.telemetry.Step;
import dev.runtrail.telemetry.core.TestTelemetry;
import io.opentelemetry.api.trace.Span;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.MDC;

class MdcTest {

  @TempDir Path runsDir;
  TestTelemetry t;

  @BeforeEach
  void setUp() {
    MDC.clear();
    t = TestTelemetry.create(runsDir);
  }

  @AfterEach
  void tearDown() {
    t.close();
    MDC.clear();
  }

  @Test
  void mdcHoldsRunIdsWhileTheRunIsCurrent() {
    try (RunContext run = t.telemetry.run("deploy").correlationId("corr-42").start()) {
      assertThat(MDC.get("run_id")).isEqualTo(run.runId());
      assertThat(MDC.get("correlation_id")).isEqualTo("corr-42");
      assertThat(MDC.get("trace_id")).isEqualTo(run.spanContext().getTraceId());
      assertThat(MDC.get("span_id")).isEqualTo(run.spanContext().getSpanId());
      assertThat(MDC.get("trace_flags")).isEqualTo("01");
      assertThat(Span.current().getSpanContext()).isEqualTo(run.spanContext());
    }
  }

  @Test
  void mdcHoldsThePlanIdAndVersionInsideStepsAndNoneWithoutAPlan() {
    try (RunContext run = t.telemetry.run("deploy").plan("plan-dbt-01", "v2.1").start()) {
      assertThat(MDC.get("plan_id")).isEqualTo("plan-dbt-01");
      assertThat(MDC.get("plan_version")).isEqualTo("v2.1");
      try (Step step = run.step("main/build")) {
        assertThat(MDC.get("plan_id")).isEqualTo("plan-dbt-01");
        assertThat(MDC.get("plan_version")).isEqualTo("v2.1");
      }
    }
    assertThat(MDC.get("plan_id")).isNull();
    assertThat(MDC.get("plan_version")).isNull();
    try (RunContext run = t.telemetry.run("deploy").start(); Step step = run.step("main/build")) {
      assertThat(MDC.get("run_id")).isEqualTo(run.runId());
      assertThat(MDC.get("plan_id")).isNull();
      assertThat(MDC.get("plan_version")).isNull();
    }
  }

  @Test
  void mdcFollowsTheCurrentStepAndComesBack() {
    try (RunContext run = t.telemetry.run("deploy").start()) {
      try (Step step = run.step("main/build")) {
        assertThat(MDC.get("span_id")).isEqualTo(step.spanContext().getSpanId());
        assertThat(MDC.get("run_id")).isEqualTo(run.runId());
        try (Step inner = run.step("main/build/compile")) {
          assertThat(MDC.get("span_id")).isEqualTo(inner.spanContext().getSpanId());
        }
        assertThat(MDC.get("span_id")).isEqualTo(step.spanContext().getSpanId());
      }
      assertThat(MDC.get("span_id")).isEqualTo(run.spanContext().getSpanId());
    }
  }

  @Test
  void closingAStepPutsBackWhatItChangedAndLeavesWhatTheAppSetMeanwhile() {
    try (RunContext run = t.telemetry.run("deploy").start()) {
      try (Step step = run.step("main/build")) {
        MDC.put("correlation_id", "set-by-the-app");
        MDC.put("span_id", "also-set-by-the-app");
      }
      // The step wrote span_id: it is the run's again. It did not write correlation_id (the run's already).
      assertThat(MDC.get("span_id")).isEqualTo(run.spanContext().getSpanId());
      assertThat(MDC.get("correlation_id")).isEqualTo("set-by-the-app");
    }
    // The run wrote correlation_id: closing it restores what was there before the run (nothing).
    assertThat(MDC.get("correlation_id")).isNull();
    assertThat(MDC.get("span_id")).isNull();
  }

  @Test
  void previousMdcIsRestoredAfterTheRun() {
    MDC.put("run_id", "outer-run");
    MDC.put("request", "r-1");
    Map<String, String> before = new HashMap<>(MDC.getCopyOfContextMap());
    try (RunContext run = t.telemetry.run("deploy").start()) {
      assertThat(MDC.get("run_id")).isEqualTo(run.runId());
      run.step("main/build").close();
    }
    assertThat(MDC.getCopyOfContextMap()).isEqualTo(before);
    assertThat(Span.current().getSpanContext().isValid()).isFalse();
  }

  @Test
  void generatedCorrelationIdIsAUuid() {
    try (RunContext run = t.telemetry.run("deploy").start()) {
      assertThat(run.correlationId()).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    }
  }
}
