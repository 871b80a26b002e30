package dev.runtrail.testkit;

import static dev.runtrail.testkit.RuntrailAssertions.assertThat;
import static dev.runtrail.testkit.RuntrailAssertions.assertThatThrownBy;

import dev.runtrail.redaction.PrivacyMode;
import dev.runtrail.telemetry.RunContext;
import dev.runtrail.telemetry.RunStatus;
import dev.runtrail.telemetry.Step;
import dev.runtrail.telemetry.Telemetry;
import dev.runtrail.telemetry.core.trail.TrailReader;
import dev.runtrail.telemetry.trail.TrailEventTypes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

@SuppressWarnings("try") // runs and steps are opened for their scope
@RuntrailTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RuntrailTestAnnotationTest {

  static Captured first;
  static Path firstRunsDirectory;

  static Path trailFile(Captured captured) throws Exception {
    try (Stream<Path> files = Files.walk(captured.runsDirectory())) {
      return files.filter(p -> p.getFileName().toString().equals("trail.jsonl")).findFirst().orElse(null);
    }
  }

  @Test
  @Order(1)
  void firstTestRecordsARun(Captured captured) {
    Scenarios.agent(captured.telemetry());
    first = captured;
    firstRunsDirectory = captured.runsDirectory();
    assertThat(captured).hasRunCount(1);
    assertThat(firstRunsDirectory).isDirectory();
  }

  @Test
  @Order(2)
  void nextTestStartsFromNothingAndTheLastRunsDirectoryIsGone(Captured captured) {
    assertThat(captured).isNotSameAs(first).hasNoRuns();
    assertThat(captured.spans()).isEmpty();
    assertThat(captured.trail()).isEmpty();
    assertThat(captured.logs().lines()).isEmpty();
    assertThat(captured.meters()).doesNotHaveMeter("runtrail.runs.completed");
    assertThat(captured.runsDirectory()).isNotEqualTo(firstRunsDirectory).isDirectory();
    assertThat(firstRunsDirectory).doesNotExist();
  }

  @Test
  void injectsTheTestsTelemetryAndCanaries(Captured captured, Telemetry telemetry, Canaries canaries) {
    assertThat(telemetry).isSameAs(captured.telemetry());
    assertThat(telemetry.isEnabled()).isTrue();
    assertThat(canaries).isSameAs(captured.canary());
  }

  @Test
  void everythingIsVisibleTheMomentTheRunCloses(Captured captured) throws Exception {
    String runId;
    try (RunContext run = captured.telemetry().run("agent").start(); Step step = run.step("agent/run")) {
      runId = run.runId();
      run.trail().toolCall("read-file", Map.of("path", "main.tf"));
      run.trail().toolResult("read-file", Map.of("size", 2340));
    }
    assertThat(captured).hasRun("agent").withStatus(RunStatus.OK).hasStep("agent/run");
    assertThat(captured.spans()).hasSize(2);
    assertThat(captured.trail()).containsExactlyTypes(TrailEventTypes.TOOL_CALL, TrailEventTypes.TOOL_RESULT);
    assertThat(TrailReader.read(trailFile(captured)).events()).hasSize(2);
    assertThat(captured.logs().linesOf(runId)).extracting(LogLine::message)
        .as("the log sink delivers on its own thread, yet its lines are in")
        .containsExactly("action_trail:tool_call", "action_trail:tool_result");
    assertThat(captured.meters()).counter("runtrail.runs.completed").hasCount(1);
  }

  @Test
  @RuntrailTest(settings = "TRAIL_SINKS=span")
  void aMethodAnnotationOverridesTheClassOptions(Captured captured) throws Exception {
    Scenarios.agent(captured.telemetry());
    assertThat(trailFile(captured)).as("no jsonl sink").isNull();
    assertThat(captured.trail().size()).as("the in-memory sink is always there").isEqualTo(4);
    assertThat(captured.logs().lines()).as("no log sink").isEmpty();
  }

  @Test
  @RuntrailTest(privacy = PrivacyMode.STRICT)
  void privacyModeDecidesRedactionAndCanaryKinds(Captured captured) {
    assertThat(captured.redactionPolicy().mode()).isEqualTo(PrivacyMode.STRICT);
    assertThat(captured.canary().kinds()).contains("ipv4-address", "pii-key").doesNotContain("user-name");
    assertThat(captured.canary().of("ipv4-address").secret()).matches("[0-9.]+");
  }

  @Test
  void strictOnlyCanaryKindsAreRefusedUnderBalancedPrivacy(Captured captured) {
    assertThat(captured.canary().kinds()).doesNotContain("ipv4-address", "pii-key", "user-name");
    assertThatThrownBy(() -> captured.canary().of("ipv4-address"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'ipv4-address' is not redacted under BALANCED privacy")
        .hasMessageContaining("@RuntrailTest(privacy = PrivacyMode.STRICT)");
  }

  @Nested
  class InANestedClass {
    @Test
    void eachTestStillGetsItsOwnCapture(Captured captured) {
      Scenarios.agent(captured.telemetry());
      assertThat(captured).isNotSameAs(first).hasRunCount(1);
    }
  }
}
