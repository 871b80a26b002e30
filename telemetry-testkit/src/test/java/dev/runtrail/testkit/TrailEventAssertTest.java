package dev.runtrail.testkit;

import static dev.runtrail.telemetry.trail.TrailEventTypes.PR_CREATED;
import static dev.runtrail.telemetry.trail.TrailEventTypes.TOOL_CALL;
import static dev.runtrail.telemetry.trail.TrailEventTypes.TOOL_RESULT;
import static dev.runtrail.testkit.RuntrailAssertions.assertThat;
import static dev.runtrail.testkit.RuntrailAssertions.assertThatThrownBy;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@RuntrailTest
class TrailEventAssertTest {

  String runId;

  @BeforeEach
  void agent(Captured captured) {
    runId = Scenarios.agent(captured.telemetry());
  }

  @Test
  void withDataPassesOnNestedPathsAndNumbersByValue(Captured captured) {
    assertThat(captured.trail()).hasEventOfType(TOOL_CALL).withData("tool", "read-file").withData("args.path", "main.tf")
        .hasEventOfType(TOOL_RESULT).withData("size", 2340L).withData("size", 2340);
  }

  @Test
  void withDataFailureShowsTheData(Captured captured) {
    assertThatThrownBy(() -> assertThat(captured.trail()).hasEventOfType(TOOL_CALL).withData("args.path", "b.tf"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expected trail event #2 tool_call to have data args.path = 'b.tf' but it is 'main.tf';"
            + " its data: {tool=read-file, args={path=main.tf}}");
    assertThatThrownBy(() -> assertThat(captured.trail()).hasEventOfType(TOOL_CALL).withData("args.mode", "r"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("but there is no args.mode");
  }

  @Test
  void hasDataKeyPassesAndFails(Captured captured) {
    assertThat(captured.trail()).hasEventOfType(PR_CREATED).hasDataKey("url");
    assertThatThrownBy(() -> assertThat(captured.trail()).hasEventOfType(PR_CREATED).hasDataKey("title"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expected trail event #4 pr_created to have data title but its data was:"
            + " {url=https://github.com/org/repo/pull/42, branch=agent/fix-123}");
  }

  @Test
  void withStepPassesAndFails(Captured captured) {
    assertThat(captured.trail()).hasEventOfType(TOOL_CALL).withStep("agent/run")
        .hasEventOfType("task_received").withStep(null);
    assertThatThrownBy(() -> assertThat(captured.trail()).hasEventOfType("task_received").withStep("agent/run"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expected trail event #1 task_received to be recorded in step 'agent/run' but it was in"
            + " no step");
  }

  @Test
  void withSequencePassesAndFails(Captured captured) {
    assertThat(captured.trail()).hasEventOfType(TOOL_RESULT).withSequence(3);
    assertThatThrownBy(() -> assertThat(captured.trail()).hasEventOfType(TOOL_RESULT).withSequence(2))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expected trail event tool_result to be #2 but it is #3");
  }

  @Test
  void inRunPassesAndFails(Captured captured) {
    assertThat(captured.trail()).hasEventOfType(TOOL_CALL).inRun(runId);
    assertThatThrownBy(() -> assertThat(captured.trail()).hasEventOfType(TOOL_CALL).inRun("run-other"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("to belong to run run-other but it belongs to " + runId);
  }

  @Test
  void andGoesBackToTheTrail(Captured captured) {
    assertThat(captured.trail()).hasEventOfType(TOOL_CALL).withStep("agent/run").and().hasNoGaps().hasEventCount(4);
  }
}
