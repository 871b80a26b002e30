package dev.runtrail.telemetry.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtrail.telemetry.RetryCause;
import dev.runtrail.telemetry.RunContext;
import dev.runtrail.telemetry.Step;
import dev.runtrail.telemetry.attributes.AgentAttributes;
import dev.runtrail.telemetry.core.TestTelemetry;
import dev.runtrail.telemetry.core.config.Setting;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunMetricsTest {

  @TempDir Path runsDir;

  private static double count(SimpleMeterRegistry registry, String name, String... tags) {
    Counter counter = registry.find(name).tags(tags).counter();
    return counter == null ? 0 : counter.count();
  }

  @Test
  void runsAndStepsAreCountedAndTimedWithTheirTags() {
    try (TestTelemetry t = TestTelemetry.create(runsDir)) {
      for (int i = 0; i < 3; i++) {
        try (RunContext run = t.telemetry.run("deploy").env("prod").target("api").plan("plan-api", "v2").start()) {
          try (Step step = run.step("main/verify/healthz")) {
            if (i == 0) {
              step.retry(1, 137, RetryCause.TIMEOUT);
              step.fail("E_HEALTH_TIMEOUT", "timed out");
            }
          }
        }
      }
      SimpleMeterRegistry m = t.meters;
      assertThat(count(m, "runtrail.runs.started", "env", "prod", "target", "api", "plan_id", "plan-api",
          "plan_version", "v2")).isEqualTo(3);
      assertThat(count(m, "runtrail.runs.completed", "status", "failed", "error_code", "E_HEALTH_TIMEOUT",
          "plan_id", "plan-api")).isEqualTo(1);
      assertThat(count(m, "runtrail.runs.completed", "status", "ok", "error_code", "none")).isEqualTo(2);
      assertThat(count(m, "runtrail.step.retries", "step", "main/verify/healthz", "cause", "timeout")).isEqualTo(1);
      Timer runs = m.find("runtrail.run.duration").tags("env", "prod", "status", "ok").timer();
      assertThat(runs.count()).isEqualTo(2);
      Timer failedSteps = m.find("runtrail.step.duration").tags("step", "main/verify/healthz", "status", "failed").timer();
      assertThat(failedSteps.count()).isEqualTo(1);
      assertThat(m.find("runtrail.runs.in.flight").tags("env", "prod", "target", "api").gauge().value()).isZero();
    }
  }

  @Test
  void runDurationHasTheSeedsBuckets() {
    try (TestTelemetry t = TestTelemetry.create(runsDir)) {
      t.telemetry.run("deploy").env("prod").start().close();
      Timer timer = t.meters.find("runtrail.run.duration").timer();
      double[] bounds = Arrays.stream(timer.takeSnapshot().histogramCounts())
          .mapToDouble(bucket -> bucket.bucket(java.util.concurrent.TimeUnit.SECONDS)).toArray();
      assertThat(bounds).containsExactly(0.5, 1, 2, 5, 10, 30, 60);
      CountAtBucket first = timer.takeSnapshot().histogramCounts()[0];
      assertThat(first.count()).as("a run of a few ms lands in the 0.5 s bucket").isEqualTo(1);
    }
  }

  @Test
  void inFlightGaugeCountsOpenRuns() {
    try (TestTelemetry t = TestTelemetry.create(runsDir)) {
      RunContext a = t.telemetry.run("deploy").env("prod").target("api").start();
      RunContext b = t.telemetry.run("deploy").env("prod").target("api").start();
      assertThat(t.meters.find("runtrail.runs.in.flight").gauge().value()).isEqualTo(2);
      b.close();
      a.close();
      assertThat(t.meters.find("runtrail.runs.in.flight").gauge().value()).isZero();
    }
  }

  @Test
  void trailEventsToolCallsPoliciesAndTokensAreCounted() {
    try (TestTelemetry t = TestTelemetry.create(runsDir); RunContext run = t.telemetry.run("agent").start()) {
      run.trail().toolCall("read-file", Map.of());
      run.trail().toolCall("read-file", Map.of());
      run.trail().policyEvaluated("deny_network", "deny", "egress");
      run.attribute(AgentAttributes.TOKEN_USAGE_INPUT, 1200L);
      run.attribute(AgentAttributes.TOKEN_USAGE_OUTPUT, 300L);
      assertThat(count(t.meters, "runtrail.trail.events", "type", "tool_call")).isEqualTo(2);
      assertThat(count(t.meters, "runtrail.agent.tool.calls", "tool", "read-file")).isEqualTo(2);
      assertThat(count(t.meters, "runtrail.policy.evaluations", "policy", "deny_network", "decision", "deny")).isEqualTo(1);
      assertThat(count(t.meters, "runtrail.agent.tokens", "direction", "input")).isEqualTo(1200);
      assertThat(count(t.meters, "runtrail.agent.tokens", "direction", "output")).isEqualTo(300);
    }
  }

  @Test
  void unboundedValuesNeverBecomeTags() {
    try (TestTelemetry t = TestTelemetry.create(runsDir)) {
      try (RunContext run = t.telemetry.run("deploy").env("prod").target("api").plan("{\"a\":1}").start()) {
        run.step("main/a").close();
        run.trail().toolCall("kubectl", Map.of());
      }
      Set<String> tagKeys = t.meters.getMeters().stream().flatMap(m -> m.getId().getTags().stream())
          .map(tag -> tag.getKey()).collect(Collectors.toSet());
      assertThat(tagKeys).doesNotContain("run_id", "plan_hash", "correlation_id", "trace_id", "span_id");
    }
  }

  @Test
  void hundredThousandStepNamesCannotBlowUpTheRegistry() {
    try (TestTelemetry t = TestTelemetry.create(runsDir, Map.of(Setting.METRICS_TAG_LIMIT, "100",
        Setting.TRAIL_SINKS, "none"))) {
      try (RunContext run = t.telemetry.run("storm").env("prod").target("api").start()) {
        for (int i = 0; i < 100_000; i++) {
          run.startStep("main/item-" + i).close();
        }
      }
      long stepTimers = t.meters.getMeters().stream()
          .filter(m -> m.getId().getName().equals("runtrail.step.duration")).count();
      assertThat(stepTimers).isLessThanOrEqualTo(101);
      Timer other = t.meters.find("runtrail.step.duration").tags("step", "OTHER").timer();
      assertThat(other.count()).isEqualTo(100_000 - 100);
      assertThat(count(t.meters, "runtrail.telemetry.dropped", "where", "tag_overflow")).isEqualTo(100_000 - 100);
      Set<String> stepValues = t.meters.getMeters().stream().map(m -> m.getId().getTag("step"))
          .filter(java.util.Objects::nonNull).collect(Collectors.toSet());
      assertThat(stepValues).hasSize(101).contains("OTHER", "main/item-0", "main/item-99")
          .doesNotContain("main/item-100");
    }
  }

  @Test
  void metricsBoundLaterStillSeeEveryMeter() {
    try (TestTelemetry t = TestTelemetry.create(runsDir)) {
      t.telemetry.run("deploy").start().close();
      SimpleMeterRegistry later = new SimpleMeterRegistry();
      t.telemetry.metrics().bindTo(later);
      t.telemetry.run("deploy").start().close();
      Meter started = later.find("runtrail.runs.started").counter();
      assertThat(started).as("the meter exists in the registry bound later").isNotNull();
      assertThat(((Counter) started).count()).as("counting from when it was bound").isEqualTo(1);
    }
  }
}
