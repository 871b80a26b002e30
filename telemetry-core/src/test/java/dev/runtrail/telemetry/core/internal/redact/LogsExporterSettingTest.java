package dev.runtrail.telemetry.core.internal.redact;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runtrail.telemetry.core.Runtrail;
import dev.runtrail.telemetry.core.config.InvalidConfigurationException;
import dev.runtrail.telemetry.core.config.RuntrailConfig;
import dev.runtrail.telemetry.core.config.Setting;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** otel.logs.exporter is read (Runtrail's default none is only a default): a bad value is named at start-up. */
class LogsExporterSettingTest {

  @TempDir Path runsDir;

  @AfterEach
  void clear() {
    System.clearProperty("otel.logs.exporter");
  }

  @Test
  void anUnknownLogsExporterFailsNamingTheSettingAndValue() {
    System.setProperty("otel.logs.exporter", "carrier-pigeon");

    assertThatThrownBy(() -> Runtrail.builder()
        .config(RuntrailConfig.of(Map.of(Setting.ENABLED, "true", Setting.TRAIL_SINKS, "jsonl")))
        .runsDirectory(runsDir)
        .discoverRunExporters(false)
        .shutdownHook(false)
        .build())
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("otel.logs.exporter")
        .hasMessageContaining("carrier-pigeon");
  }
}
