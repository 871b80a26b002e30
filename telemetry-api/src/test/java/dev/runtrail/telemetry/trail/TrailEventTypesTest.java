package dev.runtrail.telemetry.trail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TrailEventTypesTest {

  @Test
  void wellKnownTypesAreValid() {
    for (String type : new String[] {TrailEventTypes.TOOL_CALL, TrailEventTypes.TOOL_RESULT,
        TrailEventTypes.CREDENTIAL_ISSUED, TrailEventTypes.POLICY_EVALUATED, TrailEventTypes.PIPELINE_TRIGGERED,
        TrailEventTypes.PR_CREATED, TrailEventTypes.HUMAN_INPUT_REQUESTED, TrailEventTypes.HUMAN_INPUT_RECEIVED,
        TrailEventTypes.ERROR, TrailEventTypes.BUDGET_WARNING, TrailEventTypes.DECORATOR_USED}) {
      assertThat(TrailEventTypes.isValid(type)).as(type).isTrue();
    }
  }

  @Test
  void customTypesFollowTheRule() {
    assertThat(TrailEventTypes.isValid("deploy.approved")).isTrue();
    assertThat(TrailEventTypes.isValid("a".repeat(64))).isTrue();
    assertThat(TrailEventTypes.isValid("a".repeat(65))).isFalse();
    assertThat(TrailEventTypes.isValid("ToolCall")).isFalse();
    assertThat(TrailEventTypes.isValid("1st")).isFalse();
    assertThat(TrailEventTypes.isValid("tool call")).isFalse();
    assertThat(TrailEventTypes.isValid("")).isFalse();
    assertThat(TrailEventTypes.isValid(null)).isFalse();
  }

  @Test
  void invalidTypeErrorNamesTheType() {
    assertThatThrownBy(() -> TrailEventTypes.requireValid("Tool-Call"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'Tool-Call'")
        .hasMessageContaining("[a-z][a-z0-9_.]{0,63}");
  }

  @Test
  void decoratorUsageUsesTheSeedFieldNames() {
    assertThat(DecoratorUsage.of("@shell", "kubectl apply -f k8s/").at("deploy.opl", 45).durationMs(1250)
        .exitCode(0).user("deploy-bot").runner("runner-12").toData())
        .containsExactly(
            org.assertj.core.api.Assertions.entry("decorator", "@shell"),
            org.assertj.core.api.Assertions.entry("parameter", "kubectl apply -f k8s/"),
            org.assertj.core.api.Assertions.entry("script", "deploy.opl"),
            org.assertj.core.api.Assertions.entry("line", 45),
            org.assertj.core.api.Assertions.entry("duration_ms", 1250.0),
            org.assertj.core.api.Assertions.entry("exit_code", 0),
            org.assertj.core.api.Assertions.entry("user", "deploy-bot"),
            org.assertj.core.api.Assertions.entry("runner", "runner-12"));
  }
}
