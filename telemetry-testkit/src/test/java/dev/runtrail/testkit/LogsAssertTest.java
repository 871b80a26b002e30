package dev.runtrail.testkit;

import static dev.runtrail.testkit.RuntrailAssertions.assertThat;
import static dev.runtrail.testkit.RuntrailAssertions.assertThatThrownBy;

import dev.runtrail.telemetry.RunContext;
import dev.runtrail.telemetry.core.export.FinishedRun;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

@SuppressWarnings("try") // runs and steps are opened for their scope
@RuntrailTest
class LogsAssertTest {

  @Test
  void hasLineContainingPassesAndFailsWithTheLines(Captured captured) {
    Scenarios.deploy(captured.telemetry());
    assertThat(captured.logs()).hasLineContaining("deploying api").hasLineContaining("failed with E_HEALTH_TIMEOUT");
    assertThatThrownBy(() -> assertThat(captured.logs()).hasLineContaining("rolling back"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expected a log line containing 'rolling back' but the 4 captured lines were:")
        .hasMessageContaining("INFO [" + Thread.currentThread().getName() + "] com.example.Deployer: 'deploying api'"
            + " mdc={");
  }

  @Test
  void doesNotHaveLineContainingPassesAndFails(Captured captured) {
    Scenarios.deploy(captured.telemetry());
    assertThat(captured.logs()).doesNotHaveLineContaining("rolling back");
    assertThatThrownBy(() -> assertThat(captured.logs()).doesNotHaveLineContaining("deploying"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expected no log line containing 'deploying' but found:\n  INFO");
  }

  @Test
  void everyLineOfARunCarriesItsRunId(Captured captured) {
    Scenarios.deploy(captured.telemetry());
    FinishedRun deploy = captured.run("deploy");
    assertThat(captured.logs()).everyLineOf(deploy).carriesRunId().carriesMdc("trace_id").carriesMdc("correlation_id");
    assertThat(captured.logs().linesOf(deploy)).extracting(LogLine::logger)
        .as("the app's line, two trail lines (from the log sink's own thread) and the failure warning")
        .containsExactlyInAnyOrder("com.example.Deployer", "runtrail.trail", "runtrail.trail", "runtrail");
  }

  @Test
  void carriesRunIdFailureListsTheLinesWithoutIt(Captured captured) throws Exception {
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try (RunContext run = captured.telemetry().run("deploy").start()) {
      Scenarios.LOG.info("deploying api");
      // The pool's thread is the test's (started from it) but the task does not carry the run.
      pool.submit(() -> Scenarios.LOG.info("checking health")).get();
    } finally {
      pool.shutdown();
    }
    FinishedRun deploy = captured.run("deploy");
    assertThatThrownBy(() -> assertThat(captured.logs()).everyLineOf(deploy).carriesRunId())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expected every log line of run 'deploy' (" + deploy.runId() + ") to carry run_id="
            + deploy.runId() + " in the MDC, but 1 of 2 did not:\n  INFO [pool-")
        .hasMessageContaining("com.example.Deployer: 'checking health' mdc={}");
  }

  @Test
  void carriesMdcFailureListsTheLinesWithoutTheKey(Captured captured) {
    Scenarios.deploy(captured.telemetry());
    assertThatThrownBy(() -> assertThat(captured.logs()).everyLineOf(captured.run("deploy")).carriesMdc("tenant"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("to carry tenant in the MDC, but 4 of 4 did not:");
  }

  @Test
  void everyLineOfARunWithoutLinesFailsInsteadOfPassingVacuously(Captured captured) {
    try (RunContext run = captured.telemetry().run("quiet").start()) {
      // logs nothing
    }
    assertThatThrownBy(() -> assertThat(captured.logs()).everyLineOf(captured.run("quiet")).carriesRunId())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expected log lines of run 'quiet' (")
        .hasMessageContaining("to check but none were captured");
  }
}
