package dev.runtrail.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runtrail.runs.fixtures.SeedRun;
import dev.runtrail.runs.internal.artifacts.ArtifactWriter;
import dev.runtrail.runs.internal.artifacts.AtomicFiles;
import dev.runtrail.runs.internal.index.IndexedRun;
import dev.runtrail.runs.internal.index.RunFilter;
import dev.runtrail.runs.internal.index.RunIndex;
import dev.runtrail.runs.internal.summary.Summaries;
import dev.runtrail.telemetry.core.config.RuntrailConfig;
import dev.runtrail.telemetry.core.config.Setting;
import dev.runtrail.telemetry.core.export.FinishedRun;
import dev.runtrail.telemetry.core.export.RunExporter;
import dev.runtrail.telemetry.core.export.RunExporterProvider;
import dev.runtrail.telemetry.core.export.RunStoreLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunStoreExporterTest {

  @TempDir
  Path runsDir;

  private Path seedFolder() {
    return runsDir.resolve("prod/api/" + SeedRun.PLAN_HASH + "/" + SeedRun.RUN_ID);
  }

  @Test
  void writesEveryArtifactIntoTheRunsFolderButTheReportWhichIsRenderedWhenOpened() throws Exception {
    try (RunStoreExporter exporter = RunStoreExporter.create(runsDir)) {
      exporter.export(SeedRun.create(runsDir));
    }

    try (Stream<Path> files = Files.list(seedFolder())) {
      assertThat(files.map(file -> file.getFileName().toString()))
          .containsExactlyInAnyOrder("plan.json", "summary.json", "trail.jsonl", "otlp-traces.json");
    }
    assertThat(runsDir.resolve("runs.db")).isRegularFile();
  }

  @Test
  void writesSummaryLastSoItsPresenceMarksAFinishedRun() throws Exception {
    List<String> order = new ArrayList<>();
    ArtifactWriter writer = new ArtifactWriter((file, content) -> {
      order.add(file.getFileName().toString());
      AtomicFiles.write(file, content);
    });
    FinishedRun run = SeedRun.create(runsDir);

    writer.write(run, Summaries.from(run), seedFolder());

    assertThat(order).containsExactly("plan.json", "otlp-traces.json", "summary.json");
  }

  @Test
  void stillWritesTheSummaryWhenAnotherArtifactFails() throws Exception {
    FinishedRun run = SeedRun.create(runsDir);
    Files.createDirectories(seedFolder().resolve("otlp-traces.json").resolve("in-the-way"));

    try (RunStoreExporter exporter = RunStoreExporter.create(runsDir)) {
      assertThatThrownBy(() -> exporter.export(run))
          .isInstanceOf(IOException.class).hasMessageContaining("otlp-traces.json not written");
    }

    assertThat(seedFolder().resolve("summary.json")).isRegularFile();
    assertThat(indexedIds()).containsExactly(SeedRun.RUN_ID);
  }

  @Test
  void keepsTheArtifactsWhenTheIndexCannotBeWritten() throws Exception {
    Files.createDirectories(runsDir.resolve("runs.db"));

    try (RunStoreExporter exporter = RunStoreExporter.create(runsDir)) {
      assertThatThrownBy(() -> exporter.export(SeedRun.create(runsDir)))
          .isInstanceOf(IOException.class).hasMessageContaining("runtrail runs reindex");
    }

    assertThat(seedFolder().resolve("summary.json")).isRegularFile();
    assertThat(seedFolder().resolve("plan.json")).isRegularFile();
  }

  @Test
  void indexesTheRunWithItsStepsAndTrailEvents() throws Exception {
    try (RunStoreExporter exporter = RunStoreExporter.create(runsDir)) {
      exporter.export(SeedRun.create(runsDir));
    }

    try (RunIndex index = RunIndex.open(runsDir.resolve("runs.db"))) {
      IndexedRun run = index.queries().find(SeedRun.RUN_ID).orElseThrow();
      assertThat(run.status()).isEqualTo("failed");
      assertThat(run.failedStep()).isEqualTo("main/verify/healthz");
      assertThat(run.dir()).isEqualTo("prod/api/" + SeedRun.PLAN_HASH + "/" + SeedRun.RUN_ID);
      assertThat(index.queries().search().grep("Operation timed out", SeedRun.STARTED.minusSeconds(1), null, 10))
          .extracting(hit -> hit.where()).containsExactly("stderr");
      assertThat(index.queries().search().grep("kubectl", SeedRun.STARTED.minusSeconds(1), null, 10))
          .extracting(hit -> hit.where()).contains("trail tool_call #1");
    }
  }

  @Test
  void storesAndIndexesRunsWhoseSpansWereNotSampled() throws Exception {
    FinishedRun unsampled = SeedRun.builder(runsDir, SeedRun.RUN_ID, SeedRun.STARTED).spans(List.of(), false).build();

    try (RunStoreExporter exporter = RunStoreExporter.create(runsDir)) {
      exporter.export(unsampled);
    }

    assertThat(Files.readString(seedFolder().resolve("summary.json"))).contains("\"spans_sampled\" : false");
    assertThat(indexedIds()).containsExactly(SeedRun.RUN_ID);
  }

  @Test
  void exportingARunAgainReplacesItsIndexRows() throws Exception {
    try (RunStoreExporter exporter = RunStoreExporter.create(runsDir)) {
      exporter.export(SeedRun.create(runsDir));
      exporter.export(SeedRun.create(runsDir));
    }

    assertThat(indexedIds()).containsExactly(SeedRun.RUN_ID);
  }

  @Test
  void exportAllIndexesEveryRunOfTheBatch() throws Exception {
    List<FinishedRun> batch = new ArrayList<>();
    for (String id : List.of("run-20250920-102231-000001", "run-20250920-102231-000002", "run-20250920-102231-000003")) {
      batch.add(SeedRun.builder(runsDir, id, SeedRun.STARTED).build());
    }

    try (RunStoreExporter exporter = RunStoreExporter.create(runsDir)) {
      exporter.exportAll(batch);
      assertThat(exporter.failedRuns()).isZero();
    }

    assertThat(indexedIds()).containsExactlyInAnyOrder("run-20250920-102231-000001", "run-20250920-102231-000002",
        "run-20250920-102231-000003");
  }

  @Test
  void aBatchWhoseIndexFailsNamesAndCountsItsRunsAndKeepsTheirFolders() throws Exception {
    Files.createDirectories(runsDir.resolve("runs.db"));
    FinishedRun first = SeedRun.builder(runsDir, "run-20250920-102231-000001", SeedRun.STARTED).build();
    FinishedRun second = SeedRun.builder(runsDir, "run-20250920-102231-000002", SeedRun.STARTED).build();

    try (RunStoreExporter exporter = RunStoreExporter.create(runsDir)) {
      assertThatThrownBy(() -> exporter.exportAll(List.of(first, second)))
          .isInstanceOf(IOException.class).hasMessageContaining("2 of 2 runs not fully stored")
          .hasMessageContaining("run-20250920-102231-000001").hasMessageContaining("run-20250920-102231-000002");
      assertThat(exporter.failedRuns()).isEqualTo(2);
    }

    assertThat(first.directory().resolve("summary.json")).isRegularFile();
    assertThat(second.directory().resolve("summary.json")).isRegularFile();
  }

  @Test
  void indexesAgainOnceTheIndexFileIsUsableAfterAFailure() throws Exception {
    Path db = Files.createDirectories(runsDir.resolve("runs.db"));
    try (RunStoreExporter exporter = RunStoreExporter.create(runsDir)) {
      assertThatThrownBy(() -> exporter.export(SeedRun.builder(runsDir, "run-20250920-102231-000001", SeedRun.STARTED)
          .build())).isInstanceOf(IOException.class);
      Files.delete(db);

      exporter.export(SeedRun.create(runsDir));
      assertThat(exporter.failedRuns()).isEqualTo(1);
    }

    assertThat(indexedIds()).containsExactly(SeedRun.RUN_ID);
  }

  @Test
  void providerIsFoundByServiceLoader() {
    assertThat(ServiceLoader.load(RunExporterProvider.class).stream().map(p -> p.type().getName()))
        .contains(RunStoreExporterProvider.class.getName());
  }

  @Test
  void providerTurnsTheStoreOffWhenRunStoreIsFalse() {
    RuntrailConfig off = RuntrailConfig.of(Map.of(Setting.RUN_STORE, "false"));

    assertThat(new RunStoreExporterProvider().create(off, new RunStoreLayout(runsDir))).isNull();
  }

  @Test
  void providerWritesUnderTheLayoutsRoot() {
    RuntrailConfig on = RuntrailConfig.of(Map.of());

    RunExporter created = new RunStoreExporterProvider().create(on, new RunStoreLayout(runsDir));
    try {
      assertThat(created)
          .isInstanceOfSatisfying(RunStoreExporter.class, e -> assertThat(e.runsDirectory()).isEqualTo(runsDir));
    } finally {
      ((RunStoreExporter) created).close();
    }
  }

  private List<String> indexedIds() {
    try (RunIndex index = RunIndex.open(runsDir.resolve("runs.db"))) {
      return index.queries().list(RunFilter.all()).stream().map(IndexedRun::runId).toList();
    }
  }
}
