package dev.runtrail.telemetry.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runtrail.telemetry.Telemetry;
import dev.runtrail.telemetry.core.Runtrail;
import dev.runtrail.telemetry.core.RuntrailTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class RuntrailConfigTest {

  @Test
  void disabledUnlessEnabledIsTrue() {
    Telemetry telemetry = Runtrail.builder().config(RuntrailConfig.from(Map.of(), new Properties())).build();
    assertThat(telemetry.isEnabled()).isFalse();
    assertThat(telemetry).isSameAs(Telemetry.noop());
  }

  @Test
  void invalidBooleanNamesTheVariableAndTheValue() {
    RuntrailConfig config = RuntrailConfig.from(Map.of("RUNTRAIL_ENABLED", "yes"), new Properties());
    assertThatThrownBy(() -> Runtrail.builder().config(config).build())
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("RUNTRAIL_ENABLED")
        .hasMessageContaining("'yes'")
        .hasMessageContaining("true or false");
  }

  @Test
  void invalidSettingFailsAtStartUpWhenEnabled() {
    RuntrailConfig config = RuntrailConfig.from(
        Map.of("RUNTRAIL_ENABLED", "true", "RUNTRAIL_TRAIL_QUEUE_CAPACITY", "lots"), new Properties());
    assertThatThrownBy(() -> Runtrail.builder().config(config).shutdownHook(false).build())
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("RUNTRAIL_TRAIL_QUEUE_CAPACITY='lots'");
  }

  @Test
  void invalidOtelSdkChoiceIsNamed() {
    RuntrailConfig config = RuntrailConfig.from(
        Map.of("RUNTRAIL_ENABLED", "true", "RUNTRAIL_OTEL_SDK", "both"), new Properties());
    assertThatThrownBy(() -> Runtrail.builder().config(config).shutdownHook(false).build())
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("RUNTRAIL_OTEL_SDK='both'")
        .hasMessageContaining("auto, agent, own");
  }

  @Test
  void agentSdkWithoutAnAttachedAgentFailsNamingThePropertyAndTheValue() {
    Properties properties = new Properties();
    properties.setProperty("runtrail.otel.sdk", "Agent");
    RuntrailConfig config = RuntrailConfig.from(Map.of("RUNTRAIL_ENABLED", "true"), properties);
    assertThatThrownBy(() -> Runtrail.builder().config(config).shutdownHook(false).build())
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("runtrail.otel.sdk='Agent'")
        .hasMessageContaining("no OpenTelemetry Java agent is attached");
  }

  @Test
  void autoWithoutAnAgentBuildsRuntrailsOwnSdk() {
    RuntrailConfig config = RuntrailConfig.from(
        Map.of("RUNTRAIL_ENABLED", "true", "RUNTRAIL_OTEL_SDK", "auto", "RUNTRAIL_TRAIL_SINKS", "none"),
        new Properties());
    try (RuntrailTelemetry telemetry = (RuntrailTelemetry) Runtrail.builder().config(config)
        .discoverRunExporters(false).shutdownHook(false).build()) {
      assertThat(telemetry.openTelemetry()).isInstanceOf(OpenTelemetrySdk.class);
    }
  }

  @Test
  void invalidPrivacyModeIsNamed() {
    RuntrailConfig config = RuntrailConfig.from(
        Map.of("RUNTRAIL_ENABLED", "true", "RUNTRAIL_PRIVACY", "paranoid"), new Properties());
    assertThatThrownBy(() -> Runtrail.builder().config(config).shutdownHook(false).build())
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("RUNTRAIL_PRIVACY='paranoid'")
        .hasMessageContaining("strict, balanced or minimal");
  }

  @Test
  void systemPropertyWinsAndIsNamedInErrors() {
    Properties properties = new Properties();
    properties.setProperty("runtrail.sample.success", "1.5");
    RuntrailConfig config = RuntrailConfig.from(Map.of("RUNTRAIL_SAMPLE_SUCCESS", "0.5"), properties);
    assertThatThrownBy(() -> config.getRatio(Setting.SAMPLE_SUCCESS))
        .hasMessageContaining("runtrail.sample.success='1.5'");
  }

  @Test
  void durationsAcceptUnitsAndIso() {
    assertThat(RuntrailConfig.parseDuration("250ms")).isEqualTo(Duration.ofMillis(250));
    assertThat(RuntrailConfig.parseDuration("5s")).isEqualTo(Duration.ofSeconds(5));
    assertThat(RuntrailConfig.parseDuration("2m")).isEqualTo(Duration.ofMinutes(2));
    assertThat(RuntrailConfig.parseDuration("PT1S")).isEqualTo(Duration.ofSeconds(1));
    assertThat(RuntrailConfig.parseDuration("100")).isEqualTo(Duration.ofMillis(100));
    assertThat(RuntrailConfig.parseDuration("soon")).isNull();
  }

  @Test
  void unknownRuntrailVariablesAreReported() {
    RuntrailConfig config = RuntrailConfig.from(Map.of("RUNTRAIL_ENABLE", "true", "PATH", "/bin"), new Properties());
    assertThat(config.unknownKeys()).containsExactly("RUNTRAIL_ENABLE");
  }

  @Test
  void listSettingRejectsUnknownWords() {
    RuntrailConfig config = RuntrailConfig.of(Map.of(Setting.TRAIL_SINKS, "span,kafka"));
    assertThatThrownBy(() -> config.getChoices(Setting.TRAIL_SINKS, java.util.List.of("span", "log", "jsonl")))
        .hasMessageContaining("RUNTRAIL_TRAIL_SINKS='span,kafka'")
        .hasMessageContaining("'kafka'");
  }
}
