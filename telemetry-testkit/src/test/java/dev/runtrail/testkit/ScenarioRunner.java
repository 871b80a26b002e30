package dev.runtrail.testkit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/** Runs a {@link Scenario} class with JUnit's launcher and reports each test's outcome by method name. */
final class ScenarioRunner {

  static final String PARAMETER = "runtrail.testkit.scenario";

  private ScenarioRunner() {}

  static Map<String, TestExecutionResult> run(Class<?> scenario) {
    LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
        .selectors(selectClass(scenario))
        .configurationParameter(PARAMETER, "true")
        .configurationParameter("junit.jupiter.execution.parallel.enabled", "false")
        .build();
    Map<String, TestExecutionResult> results = new LinkedHashMap<>();
    Launcher launcher = LauncherFactory.create();
    launcher.execute(request, new TestExecutionListener() {
      @Override
      public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (test.isTest()) {
          results.put(test.getDisplayName().replaceAll("\\(.*", ""), result);
        } else if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
          results.put("container " + test.getDisplayName(), result);
        }
      }
    });
    return results;
  }

  /** The failure message of a test that failed. */
  static String failure(Map<String, TestExecutionResult> results, String test) {
    TestExecutionResult result = results.get(test);
    if (result == null) {
      throw new AssertionError("no result for " + test + " among " + results);
    }
    if (result.getStatus() != TestExecutionResult.Status.FAILED || result.getThrowable().isEmpty()) {
      throw new AssertionError(test + " did not fail: " + result);
    }
    return result.getThrowable().get().toString();
  }
}
