package dev.runtrail.testkit;

import static dev.runtrail.testkit.RuntrailAssertions.assertThat;
import static dev.runtrail.testkit.RuntrailAssertions.assertThatThrownBy;

import dev.runtrail.telemetry.RunContext;
import dev.runtrail.telemetry.RunStatus;
import dev.runtrail.telemetry.attributes.StepAttributes;
import java.util.Map;
import org.junit.jupiter.api.Test;

@SuppressWarnings("try") // runs and steps are opened for their scope
@RuntrailTest
class CapturedAssertTest {

  @Test
  void hasRunPassesForTheOneRunOfThatName(Captured captured) {
    Scenarios.deploy(captured.telemetry());
    Scenarios.agent(captured.telemetry());
    assertThat(captured).hasRun("agent").withStatus(RunStatus.OK);
  }

  @Test
  void hasRunFailureListsTheCapturedRuns(Captured captured) {
    Scenarios.deploy(captured.telemetry());
    Scenarios.agent(captured.telemetry());
    assertThatThrownBy(() -> assertThat(captured).hasRun("build"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expected a run named 'build' but captured runs were: "
            + "[deploy (failed, E_HEALTH_TIMEOUT), agent (ok)]");
  }

  @Test
  void hasRunFailureMentionsRunsStillOpen(Captured captured) {
    try (RunContext run = captured.telemetry().run("deploy").start()) {
      assertThatThrownBy(() -> assertThat(captured).hasRun("deploy"))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("captured runs were: none (still open, so not captured yet: [deploy]");
    }
  }

  @Test
  void hasRunFailsWhenTheNameIsAmbiguous(Captured captured) {
    String first = Scenarios.agent(captured.telemetry());
    Scenarios.agent(captured.telemetry());
    assertThatThrownBy(() -> assertThat(captured).hasRun("agent"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expected one run named 'agent' but 2 were captured: [" + first)
        .hasMessageContaining("hasRunWithId");
    assertThat(captured).hasRunWithId(first).withStatus(RunStatus.OK);
  }

  @Test
  void hasRunWithIdFailureListsIdsAndNames(Captured captured) {
    String agent = Scenarios.agent(captured.telemetry());
    assertThatThrownBy(() -> assertThat(captured).hasRunWithId("run-20000101-000000-000000"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expected a run with id run-20000101-000000-000000 but captured runs were: ["
            + agent + " agent (ok)]");
  }

  @Test
  void hasRunCountPassesAndFailsWithTheRuns(Captured captured) {
    Scenarios.agent(captured.telemetry());
    assertThat(captured).hasRunCount(1);
    assertThatThrownBy(() -> assertThat(captured).hasRunCount(2))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expected 2 runs but 1 were captured: [agent (ok)]");
  }

  @Test
  void hasNoRunsPassesAndFailsWithTheRuns(Captured captured) {
    assertThat(captured).hasNoRuns();
    Scenarios.deploy(captured.telemetry());
    assertThatThrownBy(() -> assertThat(captured).hasNoRuns())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expected no runs but captured runs were: [deploy (failed, E_HEALTH_TIMEOUT)]");
  }

  @Test
  void hasSpanGivesOpenTelemetrysSpanAssertions(Captured captured) {
    Scenarios.deploy(captured.telemetry());
    assertThat(captured).hasSpan("main/deploy/api").hasAttribute(StepAttributes.EXIT_CODE, 0L);
  }

  @Test
  void hasSpanFailureListsTheExportedSpans(Captured captured) {
    Scenarios.agent(captured.telemetry());
    assertThatThrownBy(() -> assertThat(captured).hasSpan("agent/plan"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expected a span named 'agent/plan' but exported spans were: [agent/run, agent]");
  }

  @Test
  void leaksNoCanariesPassesWhenSecretsOnlyGoThroughRuntrail(Captured captured) {
    Canary token = captured.canary().githubToken();
    try (RunContext run = captured.telemetry().run("deploy").start()) {
      run.trail().toolCall("git", Map.of("args", "push https://x:" + token + "@github.com/org/repo"));
    }
    assertThat(captured).leaksNoCanaries();
  }

  @Test
  void leaksNoCanariesFailureSaysWhereEachCanaryWasFound(Captured captured) {
    Canary token = captured.canary().githubToken();
    try (RunContext run = captured.telemetry().run("deploy").start()) {
      Scenarios.LOG.info("pushing with {}", token);
    }
    assertThatThrownBy(() -> assertThat(captured).leaksNoCanaries())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expected no canary to leak. 1 leak of test canaries into captured telemetry:")
        .hasMessageContaining("github-token canary '" + token.secret().substring(0, 8) + "…' found in log line #1"
            + " INFO com.example.Deployer 'pushing with " + token.secret() + "' (message)")
        .hasMessageContaining("Scanned 1 exported span, 1 finished run");
  }

  @Test
  void leaksNoCanariesRefusesToPassWhenNoCanaryWasPlanted(Captured captured) {
    Scenarios.deploy(captured.telemetry());
    assertThatThrownBy(() -> assertThat(captured).leaksNoCanaries())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("no canary was handed out in this test, so the check proves nothing");
  }

  @Test
  void hasNoDroppedTelemetryPassesAndFailsWithTheCounts(Captured captured) {
    RunContext run = captured.telemetry().run("agent").start();
    run.close();
    assertThat(captured).hasNoDroppedTelemetry();
    run.trail().record("late", Map.of());
    assertThatThrownBy(() -> assertThat(captured).hasNoDroppedTelemetry())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expected Runtrail to drop no telemetry but it dropped, by place: {run_closed=1}");
  }
}
