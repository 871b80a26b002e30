package dev.runtrail.runs.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtrail.runs.RunStoreExporter;
import dev.runtrail.runs.fixtures.SeedRun;
import dev.runtrail.runs.internal.artifacts.RunFolders;
import dev.runtrail.runs.internal.index.IndexedRun;
import dev.runtrail.runs.internal.index.Reindexer;
import dev.runtrail.runs.internal.index.RunFilter;
import dev.runtrail.runs.internal.index.RunIndex;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReindexerTest {

  @TempDir
  Path runsDir;

  @BeforeEach
  void storeTwoRuns() throws Exception {
    RunStoreExporter.create(runsDir).export(SeedRun.create(runsDir));
    RunStoreExporter.create(runsDir)
        .export(SeedRun.builder(runsDir, "run-20250920-112231-bbbbbb", SeedRun.STARTED.plusSeconds(3600)).build());
  }

  private Reindexer.Result rebuild() throws Exception {
    try (RunIndex index = RunIndex.open(runsDir.resolve("runs.db"))) {
      return new Reindexer(new RunFolders(runsDir)).rebuild(index);
    }
  }

  private List<IndexedRun> indexed() {
    try (RunIndex index = RunIndex.open(runsDir.resolve("runs.db"))) {
      return index.queries().list(RunFilter.all());
    }
  }

  @Test
  void rebuildsTheSameIndexFromTheRunFolders() throws Exception {
    List<IndexedRun> before = indexed();
    Files.delete(runsDir.resolve("runs.db"));
    Files.deleteIfExists(runsDir.resolve("runs.db-wal"));
    Files.deleteIfExists(runsDir.resolve("runs.db-shm"));

    Reindexer.Result result = rebuild();

    assertThat(result.indexed()).isEqualTo(2);
    assertThat(indexed()).isEqualTo(before);
  }

  @Test
  void rebuildsTrailEventsAndStepsToo() throws Exception {
    Files.delete(runsDir.resolve("runs.db"));

    rebuild();

    try (RunIndex index = RunIndex.open(runsDir.resolve("runs.db"))) {
      assertThat(index.queries().search().grep("rollout status", SeedRun.STARTED.minusSeconds(1), "prod", 10))
          .hasSize(2);
    }
  }

  @Test
  void dropsRowsOfRunsWhoseFoldersAreGone() throws Exception {
    Path folder = runsDir.resolve("prod/api/" + SeedRun.PLAN_HASH + "/run-20250920-112231-bbbbbb");
    for (String name : List.of("plan.json", "summary.json", "trail.jsonl", "otlp-traces.json")) {
      Files.delete(folder.resolve(name));
    }
    Files.delete(folder);

    rebuild();

    assertThat(indexed()).extracting(IndexedRun::runId).containsExactly(SeedRun.RUN_ID);
  }

  @Test
  void skipsFoldersOfRunsThatHaveNotFinished() throws Exception {
    Path running = Files.createDirectories(runsDir.resolve("prod/api/_/run-20250920-130000-cccccc"));
    Files.writeString(running.resolve("trail.jsonl"), "");

    Reindexer.Result result = rebuild();

    assertThat(result.indexed()).isEqualTo(2);
    assertThat(result.unfinished()).containsExactly(running);
  }

  @Test
  void reportsAnUnreadableSummaryAndIndexesTheRest() throws Exception {
    Path broken = Files.createDirectories(runsDir.resolve("prod/api/_/run-20250920-140000-dddddd"));
    Files.writeString(broken.resolve("summary.json"), "{\"run_id\": \"run-20250920-14");

    Reindexer.Result result = rebuild();

    assertThat(result.indexed()).isEqualTo(2);
    assertThat(result.problems()).singleElement().asString().contains("run-20250920-140000-dddddd");
  }
}
