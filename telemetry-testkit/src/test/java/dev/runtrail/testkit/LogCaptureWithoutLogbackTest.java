package dev.runtrail.testkit;

import static dev.runtrail.testkit.RuntrailAssertions.assertThat;
import static dev.runtrail.testkit.RuntrailAssertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** As if logback were not the SLF4J backend: only Runtrail's trail lines are seen, and checks say so. */
class LogCaptureWithoutLogbackTest {

  @RegisterExtension
  static final RuntrailExtension runtrail = RuntrailExtension.create().withoutLogback();

  @Test
  void onlyRuntrailsTrailLinesAreCapturedAndTheCoverageSaysWhy(Captured captured) {
    String runId = Scenarios.deploy(captured.telemetry());
    CapturedLogs logs = captured.logs();
    assertThat(logs.isComplete()).isFalse();
    assertThat(logs.coverage()).startsWith("only Runtrail's own trail log lines: logback-classic is not the SLF4J"
        + " backend");
    assertThat(logs.lines()).extracting(LogLine::message)
        .containsExactly("action_trail:tool_call", "action_trail:tool_result");
    assertThat(logs.lines()).extracting(LogLine::runId).containsOnly(runId);
  }

  @Test
  void checksThatNeedEveryLineFailInsteadOfPassing(Captured captured) {
    Scenarios.deploy(captured.telemetry());
    CapturedLogs logs = captured.logs();
    assertThatThrownBy(() -> assertThat(logs).everyLineOf(captured.run("deploy")).carriesRunId())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Cannot check every log line of run 'deploy' (")
        .hasMessageContaining("log capture is partial, only Runtrail's own trail log lines");
    assertThatThrownBy(() -> assertThat(logs).doesNotHaveLineContaining("password"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Cannot check that no log line contains 'password': log capture is partial");
  }

  @Test
  void aLineThatWasSeenStillCountsAndAMissingOneExplainsWhy(Captured captured) {
    Scenarios.deploy(captured.telemetry());
    assertThat(captured.logs()).hasLineContaining("action_trail:tool_call");
    assertThatThrownBy(() -> assertThat(captured.logs()).hasLineContaining("deploying api"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("(log capture is partial: only Runtrail's own trail log lines");
  }
}
