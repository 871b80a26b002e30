package dev.runtrail.runs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtrail.telemetry.core.Runtrail;
import dev.runtrail.telemetry.core.RuntrailTelemetry;
import dev.runtrail.telemetry.core.config.RuntrailConfig;
import dev.runtrail.telemetry.core.config.Setting;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the run store fails to store are counted in core's runtrail.telemetry.dropped{where=run_export}. */
class RunStoreFailureCountTest {

  @TempDir Path runsDir;

  @Test
  void runsTheStoreCannotIndexAreCountedAsRunExportDrops() throws Exception {
    Files.createDirectories(runsDir.resolve("runs.db")); // a folder where the index file should be: it cannot open
    RunStoreExporter store = RunStoreExporter.create(runsDir);
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    RuntrailTelemetry telemetry = (RuntrailTelemetry) Runtrail.builder()
        .config(RuntrailConfig.of(Map.of(Setting.ENABLED, "true", Setting.TRAIL_SINKS, "span,jsonl")))
        .spanExporter(InMemorySpanExporter.create())
        .meterRegistry(meters)
        .runsDirectory(runsDir)
        .discoverRunExporters(false)
        .addRunExporter(store)
        .shutdownHook(false)
        .build();
    try {
      for (int i = 0; i < 3; i++) {
        telemetry.run("deploy-" + i).env("prod").target("api").start().close();
      }
    } finally {
      telemetry.close(); // exports what is queued on the export thread, in one or more batches
    }
    assertThat(store.failedRuns()).isEqualTo(3);
    assertThat(meters.get("runtrail.telemetry.dropped").tag("where", "run_export").counter().count())
        .isEqualTo(3.0);
  }
}
