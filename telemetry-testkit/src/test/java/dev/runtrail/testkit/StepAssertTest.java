package dev.runtrail.testkit;

import static dev.runtrail.testkit.RuntrailAssertions.assertThat;
import static dev.runtrail.testkit.RuntrailAssertions.assertThatThrownBy;

import dev.runtrail.telemetry.RunContext;
import dev.runtrail.telemetry.RunStatus;
import dev.runtrail.telemetry.Step;
import dev.runtrail.telemetry.attributes.StepAttributes;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.StatusCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@SuppressWarnings("try") // runs and steps are opened for their scope
@RuntrailTest
class StepAssertTest {

  String runId;

  @BeforeEach
  void deploy(Captured captured) {
    runId = Scenarios.deploy(captured.telemetry());
  }

  private StepAssert healthz(Captured captured) {
    return assertThat(captured).hasRun("deploy").hasStep("main/verify/healthz");
  }

  @Test
  void theIssueExampleReadsAsWritten(Captured captured) {
    assertThat(captured).hasRun("deploy").withStatus(RunStatus.FAILED)
        .hasStep("main/verify/healthz").withRetries(1).withExitCode(137).failedWith("E_HEALTH_TIMEOUT");
  }

  @Test
  void withStatusPassesAndFailsWithTheOutcome(Captured captured) {
    healthz(captured).withStatus(RunStatus.FAILED);
    assertThatThrownBy(() -> healthz(captured).withStatus(RunStatus.OK))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expected step 'main/verify/healthz' of run 'deploy' (" + runId + ") to end ok but it"
            + " ended main/verify/healthz (failed, E_HEALTH_TIMEOUT) with message 'no answer after 30s'");
  }

  @Test
  void failedWithPasses(Captured captured) {
    healthz(captured).failedWith("E_HEALTH_TIMEOUT");
  }

  @Test
  void failedWithFailureShowsTheActualOutcome(Captured captured) {
    assertThatThrownBy(() -> healthz(captured).failedWith("E_CONNECTION_REFUSED"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("to fail with 'E_CONNECTION_REFUSED' but it ended main/verify/healthz (failed,"
            + " E_HEALTH_TIMEOUT)");
    assertThatThrownBy(() -> assertThat(captured).hasRun("deploy").hasStep("main/build").failedWith("E_BUILD"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expected step 'main/build' of run 'deploy' (" + runId + ") to fail with 'E_BUILD' but"
            + " it ended main/build (ok)");
  }

  @Test
  void withErrorMessageContainingPassesAndFails(Captured captured) {
    healthz(captured).withErrorMessageContaining("no answer");
    assertThatThrownBy(() -> healthz(captured).withErrorMessageContaining("refused"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("to contain 'refused' but it was 'no answer after 30s'");
  }

  @Test
  void withRetriesPasses(Captured captured) {
    healthz(captured).withRetries(1);
  }

  @Test
  void withRetriesFailureListsTheRetries(Captured captured) {
    assertThatThrownBy(() -> healthz(captured).withRetries(2))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("to have 2 retries but it had 1: [#1 exit 137 timeout]");
  }

  @Test
  void withExitCodePasses(Captured captured) {
    healthz(captured).withExitCode(137);
  }

  @Test
  void withExitCodeFailureShowsTheActualCode(Captured captured) {
    assertThatThrownBy(() -> healthz(captured).withExitCode(0))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("to have exit code 0 but it had 137");
    try (RunContext run = captured.telemetry().run("build").start()) {
      run.step("main/compile").close();
    }
    assertThatThrownBy(() -> assertThat(captured).hasRun("build").hasStep("main/compile").withExitCode(0))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("to have exit code 0 but it had none");
  }

  @Test
  void withStderrTailContainingPassesAndFails(Captured captured) {
    healthz(captured).withStderrTailContaining("timed out");
    assertThatThrownBy(() -> healthz(captured).withStderrTailContaining("503"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("to contain '503' but it was 'curl: (28) Operation timed out\\n'");
  }

  @Test
  void hasAttributePassesAndFailsWithTheAttributes(Captured captured) {
    try (RunContext run = captured.telemetry().run("build").start(); Step step = run.step("main/compile")) {
      step.attribute(AttributeKey.longKey("files"), 12L).attribute(StepAttributes.WORKER_DOMAIN, "linux");
    }
    StepAssert compile = assertThat(captured).hasRun("build").hasStep("main/compile");
    compile.hasAttribute("files", 12).hasAttribute(StepAttributes.WORKER_DOMAIN, "linux");
    assertThatThrownBy(() -> compile.hasAttribute("files", 13))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("to have attribute files=13 but its attributes were {")
        .hasMessageContaining("files=12");
  }

  @Test
  void isChildOfPassesAndFails(Captured captured) {
    try (RunContext run = captured.telemetry().run("build").start(); Step verify = run.step("main/verify")) {
      run.step("main/verify/healthz").close();
    }
    assertThat(captured).hasRun("build").hasStep("main/verify/healthz").isChildOf("main/verify")
        .hasStep("main/verify").isChildOf(null);
    assertThatThrownBy(() -> assertThat(captured).hasRun("build").hasStep("main/verify/healthz").isChildOf(null))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("to be a child of the run but its parent was 'main/verify'");
  }

  @Test
  void hasStepMovesToASiblingAndAndGoesBackToTheRun(Captured captured) {
    healthz(captured).withRetries(1).hasStep("main/build").withStatus(RunStatus.OK).and().withRetries(1);
    assertThatThrownBy(() -> healthz(captured).hasStep("main/rollback"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("to have a step 'main/rollback' but its steps were: [main/build (ok)");
  }

  @Test
  void spanGivesTheStepsExportedSpan(Captured captured) {
    healthz(captured).span().hasName("main/verify/healthz")
        .hasStatusSatisfying(status -> status.hasCode(StatusCode.ERROR))
        .hasAttribute(StepAttributes.ERROR_TYPE, "E_HEALTH_TIMEOUT");
    assertThatThrownBy(() -> healthz(captured).span().hasAttribute(StepAttributes.ERROR_TYPE, "E_OTHER"))
        .isInstanceOf(AssertionError.class);
  }
}
