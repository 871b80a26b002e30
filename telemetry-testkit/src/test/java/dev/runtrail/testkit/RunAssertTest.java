package dev.runtrail.testkit;

import static dev.runtrail.testkit.RuntrailAssertions.assertThat;
import static dev.runtrail.testkit.RuntrailAssertions.assertThatThrownBy;

import dev.runtrail.telemetry.RunStatus;
import dev.runtrail.telemetry.attributes.RunAttributes;
import dev.runtrail.telemetry.trail.TrailEventTypes;
import io.opentelemetry.api.trace.StatusCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@RuntrailTest
class RunAssertTest {

  String runId;

  @BeforeEach
  void runDeploy(Captured captured) {
    runId = Scenarios.deploy(captured.telemetry());
  }

  private RunAssert deploy(Captured captured) {
    return assertThat(captured).hasRun("deploy");
  }

  @Test
  void withStatusPasses(Captured captured) {
    deploy(captured).withStatus(RunStatus.FAILED);
  }

  @Test
  void withStatusFailureShowsHowTheRunEnded(Captured captured) {
    assertThatThrownBy(() -> deploy(captured).withStatus(RunStatus.OK))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expected run 'deploy' (" + runId + ") to end ok but it ended deploy (failed,"
            + " E_HEALTH_TIMEOUT) with message 'no answer after 30s' (failed step 'main/verify/healthz')");
  }

  @Test
  void withErrorCodePasses(Captured captured) {
    deploy(captured).withErrorCode("E_HEALTH_TIMEOUT");
  }

  @Test
  void withErrorCodeFailureShowsTheActualCode(Captured captured) {
    assertThatThrownBy(() -> deploy(captured).withErrorCode("E_DEPLOY"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("to have error code 'E_DEPLOY' but it ended deploy (failed, E_HEALTH_TIMEOUT)");
  }

  @Test
  void withErrorMessageContainingPassesAndFails(Captured captured) {
    deploy(captured).withErrorMessageContaining("30s");
    assertThatThrownBy(() -> deploy(captured).withErrorMessageContaining("refused"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("to contain 'refused' but it was 'no answer after 30s'");
  }

  @Test
  void withFailedStepPassesAndFailsWithTheSteps(Captured captured) {
    deploy(captured).withFailedStep("main/verify/healthz");
    assertThatThrownBy(() -> deploy(captured).withFailedStep("main/build"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expected the failed step of run 'deploy' (" + runId + ") to be 'main/build' but it"
            + " was 'main/verify/healthz'; steps: [main/build (ok), main/deploy/api (ok),"
            + " main/verify/healthz (failed, E_HEALTH_TIMEOUT)]");
  }

  @Test
  void withEnvAndTargetPassAndFail(Captured captured) {
    deploy(captured).withEnv("prod").withTarget("api");
    assertThatThrownBy(() -> deploy(captured).withEnv("staging"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("to run in env 'staging' but its env was 'prod'");
    assertThatThrownBy(() -> deploy(captured).withTarget("web"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("to act on target 'web' but its target was 'api'");
  }

  @Test
  void withRetriesPassesAndFailsWithRetriesPerStep(Captured captured) {
    deploy(captured).withRetries(1);
    assertThatThrownBy(() -> deploy(captured).withRetries(3))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("to have 3 retries in all but it had 1 [main/verify/healthz: 1]");
  }

  @Test
  void hasAttributePassesAndFailsWithTheAttributes(Captured captured) {
    deploy(captured).hasAttribute(RunAttributes.TENANT_ID, "t-1").hasAttribute("runtrail.tenant.id", "t-1");
    assertThatThrownBy(() -> deploy(captured).hasAttribute(RunAttributes.TENANT_ID, "t-2"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("to have attribute runtrail.tenant.id='t-2' but its attributes were {runtrail.tenant.id=t-1}");
  }

  @Test
  void hasStepPasses(Captured captured) {
    deploy(captured).hasStep("main/deploy/api").withExitCode(0);
  }

  @Test
  void hasStepFailureListsTheSteps(Captured captured) {
    assertThatThrownBy(() -> deploy(captured).hasStep("main/verify/ready"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expected run 'deploy' (" + runId + ") to have a step 'main/verify/ready' but its steps"
            + " were: [main/build (ok), main/deploy/api (ok), main/verify/healthz (failed, E_HEALTH_TIMEOUT)]");
  }

  @Test
  void hasStepsPassesAndFailsInStartOrder(Captured captured) {
    deploy(captured).hasSteps("main/build", "main/deploy/api", "main/verify/healthz");
    assertThatThrownBy(() -> deploy(captured).hasSteps("main/deploy/api", "main/build", "main/verify/healthz"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("to have steps [main/deploy/api, main/build, main/verify/healthz] (in start order) but"
            + " they were: [main/build (ok), main/deploy/api (ok), main/verify/healthz (failed, E_HEALTH_TIMEOUT)]");
  }

  @Test
  void trailGivesTheRunsTrail(Captured captured) {
    Scenarios.agent(captured.telemetry());
    deploy(captured).trail().containsExactlyTypes(TrailEventTypes.TOOL_CALL, TrailEventTypes.TOOL_RESULT)
        .allBelongToRun(runId);
    assertThatThrownBy(() -> deploy(captured).trail().hasEventOfType(TrailEventTypes.PR_CREATED))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expected the trail to have an event of type pr_created but its events were:"
            + " [#1 tool_call, #2 tool_result]");
  }

  @Test
  void spanGivesTheRootSpan(Captured captured) {
    deploy(captured).span().hasName("deploy").hasStatusSatisfying(status -> status.hasCode(StatusCode.ERROR))
        .hasAttribute(RunAttributes.RUN_ID, runId);
    assertThatThrownBy(() -> deploy(captured).span().hasName("build"))
        .isInstanceOf(AssertionError.class);
  }

  @Test
  void andGoesBackToTheCapture(Captured captured) {
    Scenarios.agent(captured.telemetry());
    deploy(captured).withStatus(RunStatus.FAILED).and().hasRun("agent").withStatus(RunStatus.OK);
  }

  @Test
  void withoutACaptureTheNavigationSaysWhatIsMissing(Captured captured) {
    RunAssert alone = assertThat(captured.run("deploy")).withStatus(RunStatus.FAILED);
    assertThatThrownBy(alone::trail)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("start from assertThat(captured).hasRun(...)");
  }
}
