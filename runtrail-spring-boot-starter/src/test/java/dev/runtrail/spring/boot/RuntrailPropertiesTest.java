package dev.runtrail.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtrail.telemetry.Telemetry;
import dev.runtrail.telemetry.core.RuntrailTelemetry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class RuntrailPropertiesTest {

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(RuntrailAutoConfiguration.class))
      .withBean(SimpleMeterRegistry.class)
      .withBean(OpenTelemetry.class, OpenTelemetry::noop); // offline: no OTLP exporter of Runtrail's own

  @TempDir Path runs;

  @Test
  void runtrailPropertiesReachTheTelemetry() {
    runner.withPropertyValues("runtrail.runs-dir=" + runs, "runtrail.trail-sinks=none").run(context -> {
      RuntrailTelemetry telemetry = (RuntrailTelemetry) context.getBean(Telemetry.class);
      assertThat(telemetry.runsDirectory()).isEqualTo(runs);
    });
  }

  @Test
  void aBadValueFailsStartUpNamingThePropertyAndTheValue() {
    runner.withPropertyValues("runtrail.privacy=paranoid").run(context ->
        assertThat(context).hasFailed().getFailure().rootCause()
            .hasMessageContaining("runtrail.privacy='paranoid'")
            .hasMessageContaining("strict, balanced or minimal"));
  }

  @Test
  void theMeterRegistryBeanGetsRuntrailsMeters() {
    runner.withPropertyValues("runtrail.trail-sinks=none", "runtrail.runs-dir=" + runs).run(context -> {
      Telemetry telemetry = context.getBean(Telemetry.class);
      telemetry.run("deploy").env("dev").target("api").start().close();
      assertThat(((RuntrailTelemetry) telemetry).flush(Duration.ofSeconds(10))).isTrue();
      assertThat(context.getBean(SimpleMeterRegistry.class).find("runtrail.runs.started").counter()).isNotNull();
    });
  }

  @Test
  void configurationMetadataListsTheProperties() throws Exception {
    try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
      assertThat(in).as("metadata written by spring-boot-configuration-processor").isNotNull();
      String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      assertThat(json).contains("\"runtrail.enabled\"", "\"runtrail.privacy\"", "\"runtrail.correlation-filter\"",
          "Redaction mode: strict, balanced or minimal");
    }
  }
}
