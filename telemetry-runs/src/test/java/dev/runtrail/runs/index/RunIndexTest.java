package dev.runtrail.runs.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runtrail.runs.fixtures.Runs;
import dev.runtrail.runs.fixtures.SeedRun;
import dev.runtrail.runs.internal.index.IndexException;
import dev.runtrail.runs.internal.index.IndexedRun;
import dev.runtrail.runs.internal.index.RunFilter;
import dev.runtrail.runs.internal.index.RunIndex;
import dev.runtrail.runs.internal.summary.RunSummary;
import dev.runtrail.runs.internal.summary.Summaries;
import dev.runtrail.telemetry.trail.TrailEvent;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunIndexTest {

  private static final Instant NOW = Instant.parse("2025-09-20T12:00:00Z");

  @TempDir
  Path dir;

  private RunIndex open() {
    return RunIndex.open(dir.resolve("runs.db"));
  }

  private static String pragma(Path db, String name) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
        ResultSet rows = s.executeQuery("PRAGMA " + name)) {
      return rows.next() ? rows.getString(1) : null;
    }
  }

  @Test
  void recordsItsSchemaVersionInUserVersionAndUsesWalMode() throws Exception {
    open().close();

    assertThat(pragma(dir.resolve("runs.db"), "user_version")).isEqualTo("1");
    assertThat(pragma(dir.resolve("runs.db"), "journal_mode")).isEqualTo("wal");
  }

  @Test
  void recordsEachMigrationInSchemaVersionOnce() throws Exception {
    open().close();
    open().close();

    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("runs.db"));
        Statement s = c.createStatement();
        ResultSet rows = s.executeQuery("SELECT version, description FROM schema_version")) {
      assertThat(rows.next()).isTrue();
      assertThat(rows.getInt(1)).isEqualTo(1);
      assertThat(rows.getString(2)).isEqualTo("runs, steps and trail events");
      assertThat(rows.next()).isFalse();
    }
  }

  @Test
  void adoptsAnIndexFromBeforeSchemaVersionWithoutTouchingItsRows() throws Exception {
    try (RunIndex index = open()) {
      index.replaceAll(Runs.many(3, NOW));
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("runs.db"));
        Statement s = c.createStatement()) {
      s.execute("DROP TABLE schema_version"); // as written by runtrail before versioned migrations
    }

    try (RunIndex index = open()) {
      assertThat(index.queries().count(new RunFilter(null, null, null, null, null, 0))).isEqualTo(3);
    }
    assertThat(pragma(dir.resolve("runs.db"), "user_version")).isEqualTo("1");
  }

  @Test
  void refusesAnIndexWrittenByANewerVersion() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("runs.db"));
        Statement s = c.createStatement()) {
      s.execute("PRAGMA user_version = 7");
    }

    assertThatThrownBy(this::open).isInstanceOf(IndexException.class).hasMessageContaining("schema version 7");
  }

  @Test
  void listsNewestFirstAndFiltersByEnvTargetStatusSinceAndPlanHashPrefix() {
    try (RunIndex index = open()) {
      index.replaceAll(Runs.many(30, NOW));

      List<IndexedRun> prodFailed = index.queries().list(new RunFilter("prod", null, null, "failed", null, 0));
      List<IndexedRun> recent = index.queries().list(new RunFilter(null, null, NOW.minus(Duration.ofMinutes(5)), null,
          null, 0));
      List<IndexedRun> target = index.queries().list(new RunFilter(null, "target-3", null, null, "ab00", 2));

      // prod: every third run; failed: every tenth; of 30 runs only run 0 is both.
      assertThat(prodFailed).extracting(IndexedRun::runId).containsExactly("run-00000000-000000");
      assertThat(recent).extracting(IndexedRun::runId)
          .containsExactly("run-00000000-000000", "run-00000001-000001", "run-00000002-000002", "run-00000003-000003");
      assertThat(target).extracting(IndexedRun::runId).containsExactly("run-00000003-000003", "run-00000013-00000d");
      assertThat(index.queries().count(new RunFilter(null, "target-3", null, null, "ab00", 2))).isEqualTo(3);
      assertThat(index.queries().list(new RunFilter(null, null, null, null, "ff", 0))).isEmpty();
    }
  }

  @Test
  void listQueryOver100000RunsIsAnsweredFromAnIndex() {
    try (RunIndex index = open()) {
      index.replaceAll(Runs.many(100_000, NOW));
      RunFilter prodLast48h = new RunFilter("prod", null, NOW.minus(Duration.ofHours(48)), null, null, 50);

      List<String> plan = index.queries().explainList(prodLast48h);

      assertThat(plan).anySatisfy(step -> assertThat(step).contains("USING INDEX runs_by_env"));
      assertThat(plan).noneSatisfy(step -> assertThat(step).startsWith("SCAN runs"));
      assertThat(plan).noneSatisfy(step -> assertThat(step).contains("TEMP B-TREE"));
      assertThat(index.queries().list(prodLast48h)).hasSize(50).allSatisfy(run -> {
        assertThat(run.env()).isEqualTo("prod");
        assertThat(run.startedAt()).isAfterOrEqualTo(NOW.minus(Duration.ofHours(48)));
      });
    }
  }

  @Test
  void everyListFilterHasAnIndex() {
    try (RunIndex index = open()) {
      index.replaceAll(Runs.many(2_000, NOW));
      Instant since = NOW.minus(Duration.ofHours(48));

      for (RunFilter filter : List.of(new RunFilter(null, "target-1", since, null, null, 50),
          new RunFilter(null, null, since, "failed", null, 50), new RunFilter(null, null, null, null, "ab0", 50),
          new RunFilter(null, null, since, null, null, 50))) {
        assertThat(index.queries().explainList(filter)).as(filter.toString())
            .anySatisfy(step -> assertThat(step).contains("USING INDEX"));
      }
    }
  }

  @Test
  void severalWritersCanIndexIntoTheSameFileAtOnce() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      List<Future<?>> writers = new ArrayList<>();
      for (int w = 0; w < 3; w++) {
        int writer = w;
        writers.add(pool.submit(() -> {
          try (RunIndex index = open()) {
            for (int i = 0; i < 40; i++) {
              index.put(Runs.summary("run-w" + writer + "-" + i, "prod", "api", NOW.minusSeconds(i), "ok"), List.of(),
                  "prod/api/_/run-w" + writer + "-" + i);
            }
          }
          return null;
        }));
      }
      for (Future<?> writer : writers) {
        writer.get();
      }
    } finally {
      pool.shutdownNow();
    }

    try (RunIndex index = open()) {
      assertThat(index.queries().count(RunFilter.all())).isEqualTo(120);
    }
  }

  @Test
  void deletingARunRemovesItsRows() {
    try (RunIndex index = open()) {
      index.put(Runs.summary("run-1", "prod", "api", NOW, "ok"), List.of(), "prod/api/_/run-1");

      index.delete("run-1");

      assertThat(index.queries().find("run-1")).isEmpty();
    }
  }

  @Test
  void indexingARunAgainReplacesItsRowAndAllItsStepsAndEventsAndLeavesOtherRunsAlone() throws Exception {
    Path runsDir = dir.resolve("runs");
    RunSummary full = Summaries.from(SeedRun.create(runsDir));
    List<TrailEvent> trail = SeedRun.trail(SeedRun.RUN_ID, SeedRun.STARTED);
    try (RunIndex index = open()) {
      index.putAll(List.of(new RunIndex.IndexedRunData(full, trail, "a/b/c/" + SeedRun.RUN_ID),
          new RunIndex.IndexedRunData(Runs.summary("run-other", "prod", "api", NOW, "ok"),
              SeedRun.trail("run-other", SeedRun.STARTED), "a/b/c/run-other")));
      assertThat(rows("steps", SeedRun.RUN_ID)).isEqualTo(full.steps().size()).isPositive();
      assertThat(rows("trail_events", SeedRun.RUN_ID)).isEqualTo(trail.size()).isPositive();

      index.putAll(List.of(new RunIndex.IndexedRunData(Runs.summary(SeedRun.RUN_ID, "staging", "web", NOW, "ok"),
          trail.subList(0, 1), "x/y/z/" + SeedRun.RUN_ID),
          new RunIndex.IndexedRunData(Runs.summary("run-new", "prod", "api", NOW, "ok"), List.of(), "a/b/c/run-new")));

      IndexedRun replaced = index.queries().find(SeedRun.RUN_ID).orElseThrow();
      assertThat(replaced.status()).isEqualTo("ok");
      assertThat(replaced.dir()).isEqualTo("x/y/z/" + SeedRun.RUN_ID);
      assertThat(rows("runs", SeedRun.RUN_ID)).isEqualTo(1);
      assertThat(rows("steps", SeedRun.RUN_ID)).isZero();
      assertThat(rows("trail_events", SeedRun.RUN_ID)).isEqualTo(1);
      assertThat(rows("trail_events", "run-other")).isEqualTo(trail.size());
      assertThat(index.queries().find("run-new")).isPresent();
    }
  }

  private long rows(String table, String runId) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("runs.db"));
        java.sql.PreparedStatement count = c.prepareStatement("SELECT count(*) FROM " + table + " WHERE run_id = ?")) {
      count.setString(1, runId);
      try (ResultSet rows = count.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }
}
