package dev.runtrail.runs.retention;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtrail.runs.RunStoreExporter;
import dev.runtrail.runs.fixtures.SeedRun;
import dev.runtrail.runs.internal.artifacts.RunFolders;
import dev.runtrail.runs.internal.index.IndexedRun;
import dev.runtrail.runs.internal.index.RunFilter;
import dev.runtrail.runs.internal.index.RunIndex;
import dev.runtrail.runs.internal.retention.Pruner;
import dev.runtrail.runs.internal.retention.RetentionPolicy;
import dev.runtrail.telemetry.core.export.FinishedRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrunerTest {

  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

  @TempDir
  Path runsDir;

  @BeforeEach
  void storeRuns() throws Exception {
    export("prod", "run-20250901-000000-000001", NOW.minus(Duration.ofDays(100)));
    export("prod", "run-20251201-000000-000002", NOW.minus(Duration.ofDays(20)));
    export("dev", "run-20251220-000000-000003", NOW.minus(Duration.ofDays(10)));
    export("dev", "run-20251230-000000-000004", NOW.minus(Duration.ofDays(2)));
    export("qa", "run-20251125-000000-000005", NOW.minus(Duration.ofDays(40)));
  }

  private void export(String env, String runId, Instant started) throws Exception {
    FinishedRun run = SeedRun.builder(runsDir, runId, started).env(env)
        .files(runsDir.resolve(env + "/api/" + SeedRun.PLAN_HASH + "/" + runId), null).build();
    RunStoreExporter.create(runsDir).export(run);
  }

  private List<String> indexed() {
    try (RunIndex index = RunIndex.open(runsDir.resolve("runs.db"))) {
      return index.queries().list(RunFilter.all()).stream().map(IndexedRun::runId).sorted().toList();
    }
  }

  private List<Pruner.Pruned> prune(RetentionPolicy policy, boolean dryRun) {
    try (RunIndex index = RunIndex.open(runsDir.resolve("runs.db"))) {
      return new Pruner(index, new RunFolders(runsDir), policy).prune(NOW, dryRun);
    }
  }

  @Test
  void removesRunsOlderThanTheirEnvsRetentionFromDiskAndIndex() {
    List<Pruner.Pruned> pruned = prune(RetentionPolicy.defaults(), false);

    assertThat(pruned).extracting(p -> p.run().runId()).containsExactly("run-20250901-000000-000001",
        "run-20251125-000000-000005", "run-20251220-000000-000003");
    assertThat(pruned).allSatisfy(p -> assertThat(p.failure()).isNull());
    assertThat(indexed()).containsExactly("run-20251201-000000-000002", "run-20251230-000000-000004");
    assertThat(runsDir.resolve("prod/api/" + SeedRun.PLAN_HASH + "/run-20250901-000000-000001")).doesNotExist();
    assertThat(runsDir.resolve("prod/api/" + SeedRun.PLAN_HASH + "/run-20251201-000000-000002")).isDirectory();
  }

  @Test
  void removesFoldersLeftEmptyButNeverTheRunsDirectory() {
    prune(RetentionPolicy.defaults(), false);

    assertThat(runsDir.resolve("qa")).doesNotExist();
    assertThat(runsDir).isDirectory();
  }

  @Test
  void aDryRunRemovesNothing() {
    List<Pruner.Pruned> pruned = prune(RetentionPolicy.defaults(), true);

    assertThat(pruned).hasSize(3);
    assertThat(indexed()).hasSize(5);
    assertThat(runsDir.resolve("qa")).isDirectory();
  }

  @Test
  void followsConfiguredRetention() {
    List<Pruner.Pruned> pruned = prune(RetentionPolicy.defaults().with(RetentionPolicy.parse("prod=15d,dev=30d,qa=60d")),
        false);

    assertThat(pruned).extracting(p -> p.run().runId())
        .containsExactly("run-20250901-000000-000001", "run-20251201-000000-000002");
  }

  @Test
  void neverDeletesOutsideTheRunsDirectoryWhateverTheIndexSays() throws Exception {
    Path outside = Files.createDirectories(runsDir.getParent().resolve(runsDir.getFileName() + "-victim"));
    try (RunIndex index = RunIndex.open(runsDir.resolve("runs.db"))) {
      index.put(dev.runtrail.runs.fixtures.Runs.summary("run-evil", "dev", "api", NOW.minus(Duration.ofDays(400)), "ok"),
          List.of(), "../" + outside.getFileName());
    }

    List<Pruner.Pruned> pruned = prune(RetentionPolicy.defaults(), false);

    assertThat(pruned).filteredOn(p -> p.run().runId().equals("run-evil"))
        .singleElement().satisfies(p -> assertThat(p.failure()).contains("outside the runs directory"));
    assertThat(outside).isDirectory();
  }
}
