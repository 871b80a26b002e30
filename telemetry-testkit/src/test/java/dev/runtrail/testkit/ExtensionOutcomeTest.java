package dev.runtrail.testkit;

import static dev.runtrail.testkit.RuntrailAssertions.assertThat;

import dev.runtrail.telemetry.RunContext;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.engine.TestExecutionResult;
import org.slf4j.LoggerFactory;

/** What the extension does to a test's outcome, checked by running scenario classes with JUnit. */
@SuppressWarnings("try") // runs and steps are opened for their scope
class ExtensionOutcomeTest {

  @Scenario
  @RuntrailTest(failOnLeak = true)
  static class FailOnLeak {
    @Test
    void appLogsTheToken(Captured captured) {
      Canary token = captured.canary().githubToken();
      try (RunContext run = captured.telemetry().run("deploy").start()) {
        LoggerFactory.getLogger("com.example.Deployer").info("pushing with token {}", token);
      }
    }

    @Test
    void tokenOnlyGoesThroughRuntrail(Captured captured) {
      Canary token = captured.canary().githubToken();
      try (RunContext run = captured.telemetry().run("deploy").start()) {
        run.trail().toolCall("git", Map.of("args", "push", "token", token.text()));
        LoggerFactory.getLogger("com.example.Deployer").info("pushing");
      }
    }
  }

  @Test
  void failOnLeakFailsATestWhoseInstrumentationLeaksAndSaysWhere() {
    Map<String, TestExecutionResult> results = ScenarioRunner.run(FailOnLeak.class);
    assertThat(ScenarioRunner.failure(results, "appLogsTheToken"))
        .contains("github-token canary 'gh")
        .contains("found in log line #1 INFO com.example.Deployer 'pushing with token gh")
        .contains("(message)");
  }

  @Test
  void failOnLeakPassesATestWhoseSecretsOnlyGoThroughRuntrail() {
    Map<String, TestExecutionResult> results = ScenarioRunner.run(FailOnLeak.class);
    assertThat(results.get("tokenOnlyGoesThroughRuntrail").getStatus()).isEqualTo(TestExecutionResult.Status.SUCCESSFUL);
  }

  @Scenario
  @RuntrailTest
  static class ConstructorInjection {
    ConstructorInjection(Captured captured) {}

    @Test
    void test() {}
  }

  @Test
  void injectingIntoAConstructorIsAClearError() {
    Map<String, TestExecutionResult> results = ScenarioRunner.run(ConstructorInjection.class);
    assertThat(ScenarioRunner.failure(results, "test"))
        .contains("A Captured is made per test: inject it into @Test, @BeforeEach or @AfterEach methods");
  }

  @Scenario
  @RuntrailTest(settings = "TRAIL_SINK=span")
  static class MistypedSetting {
    @Test
    void test() {}
  }

  @Test
  void aMistypedSettingNamesItselfAndTheKnownOnes() {
    Map<String, TestExecutionResult> results = ScenarioRunner.run(MistypedSetting.class);
    assertThat(ScenarioRunner.failure(results, "test"))
        .contains("Unknown Runtrail setting 'TRAIL_SINK' in 'TRAIL_SINK=span'")
        .contains("TRAIL_SINKS");
  }

  @Scenario
  @RuntrailTest
  static class RegisteredTwice {
    @RegisterExtension
    static final RuntrailExtension again = RuntrailExtension.create();

    @Test
    void test() {}
  }

  @Test
  void registeringTheExtensionTwiceIsAClearError() {
    Map<String, TestExecutionResult> results = ScenarioRunner.run(RegisteredTwice.class);
    assertThat(ScenarioRunner.failure(results, "test")).contains("RuntrailExtension is registered twice");
  }
}
