package dev.runtrail.telemetry.core.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtrail.telemetry.RunContext;
import dev.runtrail.telemetry.core.Runtrail;
import dev.runtrail.telemetry.core.RuntrailBuilder;
import dev.runtrail.telemetry.core.RuntrailTelemetry;
import dev.runtrail.telemetry.core.config.RuntrailConfig;
import dev.runtrail.telemetry.core.config.Setting;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs a run exporter fails to export are counted at run_export, as runs the export queue dropped are. */
class RunExportFailureTest {

  @TempDir Path runsDir;
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

  private RuntrailBuilder builder(RunExporter exporter) {
    return Runtrail.builder()
        .config(RuntrailConfig.of(Map.of(Setting.ENABLED, "true", Setting.TRAIL_SINKS, "span")))
        .spanExporter(InMemorySpanExporter.create())
        .meterRegistry(meters)
        .runsDirectory(runsDir)
        .discoverRunExporters(false)
        .shutdownHook(false)
        .addRunExporter(exporter);
  }

  private double runExportDrops() {
    Counter counter = meters.find("runtrail.telemetry.dropped").tag("where", "run_export").counter();
    return counter == null ? 0 : counter.count();
  }

  /** An exporter failing some runs (the default exportAll, on the export thread): each failed run counts once. */
  @Test
  void eachRunAnExporterFailsCountsOnceWhateverTheBatches() {
    List<String> exported = new CopyOnWriteArrayList<>();
    RunExporter failsBadRuns = run -> {
      if (run.name().startsWith("bad")) {
        throw new IOException("simulated: cannot write " + run.runId());
      }
      exported.add(run.name());
    };
    RuntrailTelemetry telemetry = (RuntrailTelemetry) builder(failsBadRuns).build();
    try {
      for (String name : List.of("good-1", "bad-1", "good-2", "bad-2", "bad-3", "good-3")) {
        telemetry.run(name).start().close();
      }
    } finally {
      telemetry.close();
    }
    assertThat(exported).containsExactlyInAnyOrder("good-1", "good-2", "good-3");
    assertThat(runExportDrops()).isEqualTo(3.0);
    assertThat(telemetry.droppedCounts()).containsEntry("run_export", 3L);
  }

  /** An exporter whose exportAll throws something that says nothing of how many failed: its whole batch counts. */
  @Test
  void aBatchThatThrowsWithoutACountCountsEveryRunOfIt() {
    RunExporter broken = new RunExporter() {
      @Override
      public void export(FinishedRun run) {
        throw new AssertionError("exportAll is overridden");
      }

      @Override
      public void exportAll(List<FinishedRun> runs) {
        throw new IllegalStateException("simulated: exporter bug");
      }
    };
    // Synchronous export: each run is a batch of one, exported as it closes.
    RuntrailTelemetry telemetry = (RuntrailTelemetry) builder(broken).synchronousExport(true).build();
    try {
      for (int i = 0; i < 4; i++) {
        try (RunContext run = telemetry.run("run-" + i).start()) {
          run.trail().record("note", Map.of("i", i));
        }
        assertThat(runExportDrops()).isEqualTo(i + 1.0);
      }
    } finally {
      telemetry.close();
    }
  }

  @Test
  void aNegativeFailedCountIsRejectedNamingIt() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new RunExportException(-2, "x"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("failedRuns").hasMessageContaining("-2");
  }
}
