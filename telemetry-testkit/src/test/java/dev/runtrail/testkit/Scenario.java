package dev.runtrail.testkit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Marks a test class that only {@link ScenarioRunner} runs (to check what the extension does to a
 * test's outcome); when the build or an IDE finds it on its own, it is skipped.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(Scenario.OnlyInScenarioRunner.class)
@interface Scenario {

  /** Enables the class only when the launcher request carries {@link ScenarioRunner#PARAMETER}. */
  final class OnlyInScenarioRunner implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      return context.getConfigurationParameter(ScenarioRunner.PARAMETER).isPresent()
          ? ConditionEvaluationResult.enabled("run by ScenarioRunner")
          : ConditionEvaluationResult.disabled("a scenario for ScenarioRunner, not a test on its own");
    }
  }
}
