package dev.runtrail.runs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtrail.telemetry.core.Runtrail;
import dev.runtrail.telemetry.core.RuntrailTelemetry;
import dev.runtrail.telemetry.core.config.RuntrailConfig;
import dev.runtrail.telemetry.core.config.Setting;
import dev.runtrail.telemetry.core.export.FinishedRun;
import dev.runtrail.telemetry.core.export.RunExporter;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When the run store falls behind, the app's close() of a run waits at most the offer timeout, the runs
 * that did not fit are counted as dropped, and every run that was accepted reaches the store.
 */
@Tag("slow") // stores about 4,600 runs: 10-25 s on a shared disk; -Dgroups=slow runs it alone
class RunStoreBackPressureTest {

  private static final int RUNS = 4_700; // more than the export queue holds (4,096) plus one batch (512)
  private static final long OFFER_TIMEOUT_MS = 20;

  @TempDir Path runsDir;

  @Test
  void aStalledStoreBlocksCloseAtMostTheOfferTimeoutAndCountsWhatItDrops() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    RunStoreExporter store = RunStoreExporter.create(runsDir);
    RuntrailTelemetry telemetry = (RuntrailTelemetry) Runtrail.builder()
        .config(RuntrailConfig.of(Map.of(Setting.ENABLED, "true", Setting.TRAIL_SINKS, "span",
            Setting.TRAIL_OFFER_TIMEOUT, OFFER_TIMEOUT_MS + "ms", Setting.SHUTDOWN_TIMEOUT, "60s")))
        .spanExporter(InMemorySpanExporter.create())
        .runsDirectory(runsDir)
        .discoverRunExporters(false)
        .addRunExporter(new Stalled(store, release))
        .shutdownHook(false)
        .build();
    long longestCloseNanos = 0;
    try {
      for (int i = 0; i < RUNS; i++) {
        var run = telemetry.run("deploy").env("prod").target("api").start();
        long start = System.nanoTime();
        run.close();
        longestCloseNanos = Math.max(longestCloseNanos, System.nanoTime() - start);
      }
      release.countDown();
    } finally {
      release.countDown();
      telemetry.close(); // exports what was accepted
    }

    long dropped = telemetry.droppedCounts().getOrDefault("run_export", 0L);
    assertThat(dropped).as("runs that did not fit the stalled store's queue").isPositive();
    assertThat(indexedRuns()).as("every accepted run is stored").isEqualTo(RUNS - dropped);
    assertThat(store.failedRuns()).isZero();
    assertThat(TimeUnit.NANOSECONDS.toMillis(longestCloseNanos)).as("longest close(), ms")
        .isLessThan(OFFER_TIMEOUT_MS + 200); // the timeout plus scheduling slack on a busy machine
  }

  private long indexedRuns() throws Exception {
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + runsDir.resolve("runs.db"));
        Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery("SELECT count(*) FROM runs")) {
      return rows.next() ? rows.getLong(1) : 0;
    }
  }

  /** The real store, whose first batch waits until released: a store that has fallen far behind. */
  private record Stalled(RunStoreExporter store, CountDownLatch release) implements RunExporter {

    @Override
    public void export(FinishedRun run) throws IOException {
      exportAll(List.of(run));
    }

    @Override
    public void exportAll(List<FinishedRun> runs) throws IOException {
      try {
        release.await(60, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      store.exportAll(runs);
    }

    @Override
    public void close() {
      store.close();
    }
  }
}
