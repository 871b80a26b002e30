package dev.runtrail.testkit.dogfood;

import static dev.runtrail.telemetry.trail.TrailEventTypes.PR_CREATED;
import static dev.runtrail.telemetry.trail.TrailEventTypes.TOOL_CALL;
import static dev.runtrail.telemetry.trail.TrailEventTypes.TOOL_RESULT;
import static dev.runtrail.testkit.RuntrailAssertions.assertThat;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.equalTo;

import dev.runtrail.telemetry.RunContext;
import dev.runtrail.telemetry.Step;
import dev.runtrail.telemetry.core.trail.TrailReader;
import dev.runtrail.telemetry.trail.TrailEvent;
import dev.runtrail.telemetry.trail.TrailSink;
import dev.runtrail.testkit.Captured;
import dev.runtrail.testkit.CapturedTrail;
import dev.runtrail.testkit.RuntrailExtension;
import io.opentelemetry.api.common.AttributeKey;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Core's trail delivery tests (telemetry-core TrailDeliveryTest) that read better with the testkit. */
@SuppressWarnings("try") // runs and steps are opened for their scope
class TrailDeliveryTest {

  /** Records what it gets, on its own thread. */
  static final class RecordingSink implements TrailSink {
    final List<TrailEvent> events = new CopyOnWriteArrayList<>();
    final List<String> ended = new CopyOnWriteArrayList<>();

    @Override
    public String name() {
      return "recording";
    }

    @Override
    public void accept(TrailEvent event) {
      events.add(event);
    }

    @Override
    public void runEnded(String runId) {
      ended.add(runId);
    }
  }

  final RecordingSink async = new RecordingSink();

  @RegisterExtension
  final RuntrailExtension runtrail = RuntrailExtension.create().configure(builder -> builder.addTrailSink(async));

  @Test
  void allSinksReceiveTheSameEventsInOrder(Captured captured) throws Exception {
    String runId;
    try (RunContext run = captured.telemetry().run("agent").start()) {
      runId = run.runId();
      try (Step step = run.step("agent/run")) {
        run.trail().toolCall("read-file", Map.of("path", "main.tf"));
        run.trail().toolResult("read-file", Map.of("size", 2340));
        run.trail().prCreated("https://github.com/org/repo/pull/42", "agent/fix-123");
      }
    }
    CapturedTrail memory = captured.trail();
    assertThat(memory).containsExactlyTypes(TOOL_CALL, TOOL_RESULT, PR_CREATED).hasNoGaps().allBelongToRun(runId);
    assertThat(async.events).as("an asynchronous sink got the same events").isEqualTo(memory.events());
    assertThat(async.ended).containsExactly(runId);
    CapturedTrail file = CapturedTrail.of(TrailReader.read(captured.run("agent").trailFile()).events());
    assertThat(file).containsExactlyTypes(TOOL_CALL, TOOL_RESULT, PR_CREATED).hasNoGaps()
        .hasEventOfType(TOOL_CALL).withData("tool", "read-file")
        .hasEventOfType(TOOL_RESULT).withData("size", 2340L);
    assertThat(captured).hasRun("agent").hasStep("agent/run").span().hasEventsSatisfyingExactly(
        call -> call.hasName(TOOL_CALL).hasAttributesSatisfying(equalTo(AttributeKey.stringKey("args.path"), "main.tf")),
        result -> result.hasName(TOOL_RESULT),
        pr -> pr.hasName(PR_CREATED));
    assertThat(captured.logs().linesOf(runId)).extracting(line -> line.message())
        .containsExactly("action_trail:tool_call", "action_trail:tool_result", "action_trail:pr_created");
  }

  @Test
  void eventsCarryIdsOfTheRunAndTheCurrentStep(Captured captured) {
    String runId;
    String stepSpanId;
    try (RunContext run = captured.telemetry().run("agent").sessionId("sess-1").correlationId("corr-1").start()) {
      runId = run.runId();
      run.trail().record("task_received", Map.of("from", "webhook"));
      try (Step step = run.step("agent/run")) {
        stepSpanId = step.spanContext().getSpanId();
        run.trail().toolCall("read-file", Map.of());
      }
    }
    assertThat(captured.trail())
        .hasEventOfType("task_received").withStep(null).inRun(runId).withSequence(1)
        .hasEventOfType(TOOL_CALL).withStep("agent/run").inRun(runId).withSequence(2);
    TrailEvent first = captured.trail().events().get(0);
    TrailEvent inStep = captured.trail().events().get(1);
    assertThat(first.sessionId()).isEqualTo("sess-1");
    assertThat(first.correlationId()).isEqualTo("corr-1");
    assertThat(first.traceId()).isEqualTo(captured.run("agent").traceId());
    assertThat(inStep.spanId()).isEqualTo(stepSpanId);
  }

  @Test
  void eventsAfterTheRunClosedAreRefusedAndCounted(Captured captured) {
    RunContext run = captured.telemetry().run("agent").start();
    run.close();
    assertThat(run.trail().record("late", Map.of())).isZero();
    assertThat(captured.trail()).isEmpty();
    assertThat(captured.droppedCounts()).containsEntry("run_closed", 1L);
  }
}
