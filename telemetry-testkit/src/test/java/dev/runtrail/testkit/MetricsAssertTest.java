package dev.runtrail.testkit;

import static dev.runtrail.testkit.RuntrailAssertions.assertThat;
import static dev.runtrail.testkit.RuntrailAssertions.assertThatThrownBy;

import io.micrometer.core.instrument.DistributionSummary;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@RuntrailTest
class MetricsAssertTest {

  @BeforeEach
  void runs(Captured captured) {
    Scenarios.deploy(captured.telemetry());
    Scenarios.agent(captured.telemetry());
  }

  @Test
  void hasMeterAndDoesNotHaveMeterPassAndFail(Captured captured) {
    assertThat(captured.meters()).hasMeter("runtrail.runs.completed").doesNotHaveMeter("runtrail.deploys");
    assertThatThrownBy(() -> assertThat(captured.meters()).hasMeter("runtrail.deploys"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expected a meter named 'runtrail.deploys' but the meters were: [")
        .hasMessageContaining("runtrail.runs.completed");
    assertThatThrownBy(() -> assertThat(captured.meters()).doesNotHaveMeter("runtrail.runs.started"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expected no meter named 'runtrail.runs.started' but found")
        .hasMessageContaining("runtrail.runs.started{env=prod,plan_id=none,plan_version=none,target=api} count=1");
  }

  @Test
  void counterHasCountPassesByTags(Captured captured) {
    assertThat(captured.meters()).counter("runtrail.runs.completed").hasCount(2)
        .withTags("status", "failed").hasCount(1);
    assertThat(captured.meters()).counter("runtrail.runs.completed")
        .withTag("status", "failed").withTag("error_code", "E_HEALTH_TIMEOUT").hasCount(1);
    assertThat(captured.meters()).counter("runtrail.runs.completed").withTags("status", "cancelled").hasCount(0);
  }

  @Test
  void counterHasCountFailureShowsTheSeries(Captured captured) {
    assertThatThrownBy(() -> assertThat(captured.meters()).counter("runtrail.runs.completed")
            .withTags("status", "failed").hasCount(2))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expected counter 'runtrail.runs.completed' with tags {status=failed} to have count 2 but"
            + " it was 1; series captured:")
        .hasMessageContaining("runtrail.runs.completed{env=prod,error_code=E_HEALTH_TIMEOUT,plan_id=none,"
            + "status=failed,target=api} count=1")
        .hasMessageContaining("runtrail.runs.completed{env=none,error_code=none,plan_id=none,status=ok,target=none}"
            + " count=1");
  }

  @Test
  void anUnknownMeterNameFailsEvenForCountZero(Captured captured) {
    assertThatThrownBy(() -> assertThat(captured.meters()).counter("runtrail.run.completed").hasCount(0))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expected a counter named 'runtrail.run.completed' but there is no meter of that name");
  }

  @Test
  void aMeterOfAnotherKindIsNamedAsSuch(Captured captured) {
    assertThatThrownBy(() -> assertThat(captured.meters()).counter("runtrail.step.duration").hasCount(3))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Counter 'runtrail.step.duration' is a timer, not a counter");
  }

  @Test
  void timerHasCountPassesAndFails(Captured captured) {
    assertThat(captured.meters()).timer("runtrail.step.duration").withTag("step", "main/verify/healthz")
        .withTag("status", "failed").hasCount(1);
    assertThat(captured.meters()).timer("runtrail.run.duration").hasCount(2);
    assertThatThrownBy(() -> assertThat(captured.meters()).timer("runtrail.step.duration")
            .withTag("step", "main/build").hasCount(2))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expected timer 'runtrail.step.duration' with tags {step=main/build} to have count 2"
            + " but it was 1");
  }

  @Test
  void summaryHasCountPassesAndFails(Captured captured) {
    DistributionSummary payload = DistributionSummary.builder("app.payload.bytes").tag("tool", "kubectl")
        .register(captured.meters());
    payload.record(512);
    payload.record(2048);
    assertThat(captured.meters()).summary("app.payload.bytes").withTag("tool", "kubectl").hasCount(2);
    assertThatThrownBy(() -> assertThat(captured.meters()).summary("app.payload.bytes").hasCount(3))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expected distribution summary 'app.payload.bytes' to have count 3 but it was 2;"
            + " series captured:\n  app.payload.bytes{tool=kubectl} count=2");
  }

  @Test
  void gaugeHasValuePassesAndFails(Captured captured) {
    assertThat(captured.meters()).gauge("runtrail.runs.in.flight").withTags("env", "prod", "target", "api").hasValue(0);
    assertThatThrownBy(() -> assertThat(captured.meters()).gauge("runtrail.runs.in.flight")
            .withTags("env", "prod", "target", "api").hasValue(1))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expected gauge 'runtrail.runs.in.flight' with tags {env=prod, target=api} to have"
            + " value 1 but it was 0");
    assertThatThrownBy(() -> assertThat(captured.meters()).gauge("runtrail.runs.in.flight").hasValue(0))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expected one series of gauge 'runtrail.runs.in.flight' but 2 matched");
  }

  @Test
  void existsPassesAndFails(Captured captured) {
    assertThat(captured.meters()).counter("runtrail.step.retries").withTag("cause", "timeout").exists();
    assertThatThrownBy(() -> assertThat(captured.meters()).counter("runtrail.step.retries")
            .withTag("cause", "resource_exhausted").exists())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expected counter 'runtrail.step.retries' with tags {cause=resource_exhausted} to exist"
            + " but no series matched; series captured:\n  runtrail.step.retries{cause=timeout,env=prod,"
            + "step=main/verify/healthz,target=api} count=1");
  }

  @Test
  void withTagsNeedsPairs(Captured captured) {
    assertThatThrownBy(() -> assertThat(captured.meters()).counter("runtrail.runs.completed").withTags("status"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("withTags takes key, value pairs, got 1 strings");
  }
}
