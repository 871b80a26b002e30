package dev.runtrail.testkit;

import static dev.runtrail.telemetry.trail.TrailEventTypes.PR_CREATED;
import static dev.runtrail.telemetry.trail.TrailEventTypes.TOOL_CALL;
import static dev.runtrail.telemetry.trail.TrailEventTypes.TOOL_RESULT;
import static dev.runtrail.testkit.RuntrailAssertions.assertThat;
import static dev.runtrail.testkit.RuntrailAssertions.assertThatThrownBy;

import dev.runtrail.telemetry.trail.TrailEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@RuntrailTest
class TrailAssertTest {

  String agentRun;

  @BeforeEach
  void agent(Captured captured) {
    agentRun = Scenarios.agent(captured.telemetry());
  }

  static TrailEvent event(long sequence, String type, String runId) {
    return new TrailEvent(sequence, Instant.EPOCH, type, runId, null, "corr", null, null, null, Map.of());
  }

  @Test
  void containsSequencePassesForTypesInOrderWithOthersBetween(Captured captured) {
    assertThat(captured.trail()).containsSequence(TOOL_CALL, TOOL_RESULT).containsSequence("task_received", PR_CREATED);
  }

  @Test
  void containsSequenceFailureShowsTheEvents(Captured captured) {
    assertThatThrownBy(() -> assertThat(captured.trail()).containsSequence(TOOL_RESULT, TOOL_CALL))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expected the trail to contain [tool_result, tool_call] in this order but after"
            + " [tool_result] found no tool_call later; its events were: [#1 task_received, #2 tool_call,"
            + " #3 tool_result, #4 pr_created]");
    assertThatThrownBy(() -> assertThat(captured.trail()).containsSequence("policy_evaluated"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("but found no policy_evaluated;");
  }

  @Test
  void containsExactlyTypesPassesAndFails(Captured captured) {
    assertThat(captured.trail()).containsExactlyTypes("task_received", TOOL_CALL, TOOL_RESULT, PR_CREATED);
    assertThatThrownBy(() -> assertThat(captured.trail()).containsExactlyTypes(TOOL_CALL, TOOL_RESULT))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expected the trail to be exactly [tool_call, tool_result] but its events were:"
            + " [#1 task_received, #2 tool_call, #3 tool_result, #4 pr_created]");
  }

  @Test
  void hasEventOfTypePassesAndFails(Captured captured) {
    assertThat(captured.trail()).hasEventOfType(PR_CREATED).withData("branch", "agent/fix-123");
    assertThatThrownBy(() -> assertThat(captured.trail()).hasEventOfType("credential_issued"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expected the trail to have an event of type credential_issued but its events were:"
            + " [#1 task_received, #2 tool_call, #3 tool_result, #4 pr_created]");
  }

  @Test
  void doesNotHaveEventOfTypePassesAndFails(Captured captured) {
    assertThat(captured.trail()).doesNotHaveEventOfType("credential_issued");
    assertThatThrownBy(() -> assertThat(captured.trail()).doesNotHaveEventOfType(TOOL_CALL))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expected the trail to have no event of type tool_call but found #2 tool_call (data"
            + " {tool=read-file, args={path=main.tf}})");
  }

  @Test
  void hasNoGapsPassesForEachRunsSequence(Captured captured) {
    Scenarios.deploy(captured.telemetry());
    assertThat(captured.trail()).hasNoGaps();
  }

  @Test
  void hasNoGapsFailureShowsTheJump() {
    CapturedTrail gap = CapturedTrail.of(List.of(event(1, "a", "run-1"), event(2, "b", "run-1"), event(4, "c", "run-1")));
    assertThatThrownBy(() -> assertThat(gap).hasNoGaps())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expected a gap-free trail but the events of run run-1 jump from #2 to #4; sequences"
            + " captured: [1, 2, 4]");
    CapturedTrail late = CapturedTrail.of(List.of(event(2, "b", "run-2")));
    assertThatThrownBy(() -> assertThat(late).hasNoGaps())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("the events of run run-2 start at #2");
    CapturedTrail repeated = CapturedTrail.of(List.of(event(1, "a", "run-3"), event(1, "a", "run-3")));
    assertThatThrownBy(() -> assertThat(repeated).hasNoGaps())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("the events of run run-3 repeat #1");
  }

  @Test
  void allCarryRunIdPassesAndFails(Captured captured) {
    assertThat(captured.trail()).allCarryRunId();
    CapturedTrail anonymous = CapturedTrail.of(List.of(event(1, "a", "run-1"), event(2, "b", " ")));
    assertThatThrownBy(() -> assertThat(anonymous).allCarryRunId())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expected every trail event to carry a run id but 1 did not: [#2 b]");
  }

  @Test
  void allBelongToRunPassesAndFails(Captured captured) {
    assertThat(captured.trail()).allBelongToRun(agentRun);
    String deployRun = Scenarios.deploy(captured.telemetry());
    assertThatThrownBy(() -> assertThat(captured.trail()).allBelongToRun(agentRun))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expected every trail event to belong to run " + agentRun + " but 2 did not: [#1"
            + " tool_call of " + deployRun + ", #2 tool_result of " + deployRun + "]");
  }

  @Test
  void hasEventCountAndIsEmptyPassAndFail(Captured captured) {
    assertThat(captured.trail()).hasEventCount(4);
    assertThat(CapturedTrail.of(List.of())).isEmpty();
    assertThatThrownBy(() -> assertThat(captured.trail()).isEmpty())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expected 0 trail events but captured 4: [#1 task_received, #2 tool_call");
  }

  @Test
  void ofRunNarrowsTheTrail(Captured captured) {
    String deployRun = Scenarios.deploy(captured.telemetry());
    assertThat(captured.trail().ofRun(deployRun)).containsExactlyTypes(TOOL_CALL, TOOL_RESULT).hasNoGaps();
  }
}
