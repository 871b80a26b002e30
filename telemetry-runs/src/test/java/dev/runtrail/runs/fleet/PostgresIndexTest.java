package dev.runtrail.runs.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runtrail.runs.fixtures.CliRun;
import dev.runtrail.runs.fixtures.SeedRun;
import dev.runtrail.runs.fixtures.ThreeRuns;
import dev.runtrail.runs.internal.index.IndexException;
import dev.runtrail.runs.internal.index.IndexLocation;
import dev.runtrail.runs.internal.index.RunIndex;
import dev.runtrail.testsupport.PostgresServer;
import dev.runtrail.testsupport.RequiresTool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The index in a real PostgreSQL server (started by the test): the same runs, queries and verbs as SQLite. */
@Tag("postgres")
@RequiresTool(value = {"initdb", "postgres"}, debianPackage = PostgresServer.DEBIAN_PACKAGE)
class PostgresIndexTest {

  private static final int WRITERS = 4;
  private static final int RUNS_PER_WRITER = 500;
  private static final String CANARY = "Pg-Canary-" + "s3cr3t-4417";

  private static PostgresServer server;

  @TempDir Path dir;

  @BeforeAll
  static void startServer() throws Exception {
    server = PostgresServer.start();
  }

  @AfterAll
  static void stopServer() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  @BeforeEach
  void emptyDatabase() throws Exception {
    try (Connection c = DriverManager.getConnection(server.jdbcUrl()); Statement s = c.createStatement()) {
      s.execute("DROP TABLE IF EXISTS trail_events, steps, runs, schema_version");
    }
  }

  private static List<List<Object>> rows(String sql) throws Exception {
    List<List<Object>> rows = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(server.jdbcUrl()); Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      while (r.next()) {
        List<Object> row = new ArrayList<>();
        for (int i = 1; i <= r.getMetaData().getColumnCount(); i++) {
          row.add(r.getObject(i));
        }
        rows.add(row);
      }
    }
    return rows;
  }

  @Test
  void migratesAnEmptyDatabaseOnceAndRecordsTheVersion() throws Exception {
    RunIndex.open(IndexLocation.parse(server.jdbcUrl(), "test")).close();
    RunIndex.open(IndexLocation.parse(server.jdbcUrl(), "test")).close();

    assertThat(rows("SELECT version, description FROM schema_version"))
        .containsExactly(List.of(1, "runs, steps and trail events"));
    assertThat(rows("SELECT count(*) FROM information_schema.tables WHERE table_name IN ('runs', 'steps',"
        + " 'trail_events')")).containsExactly(List.of(3L));
  }

  @Test
  void refusesADatabaseMigratedByANewerVersion() throws Exception {
    RunIndex.open(IndexLocation.parse(server.jdbcUrl(), "test")).close();
    try (Connection c = DriverManager.getConnection(server.jdbcUrl()); Statement s = c.createStatement()) {
      s.execute("INSERT INTO schema_version VALUES (9, 'from the future', 0)");
    }

    assertThatThrownBy(() -> RunIndex.open(IndexLocation.parse(server.jdbcUrl(), "test")))
        .isInstanceOf(IndexException.class).hasMessageContaining("schema version 9");
  }

  @Test
  void fourWriterProcessesAtOnceIndexEveryRunExactlyOnce() throws Exception {
    List<Process> writers = new ArrayList<>();
    for (int w = 0; w < WRITERS; w++) {
      Path log = dir.resolve("writer-" + w + ".log");
      writers.add(new ProcessBuilder(FleetWriterProcess.command(List.of("-Druntrail.index.url=" + server.jdbcUrl()),
          dir.resolve("machine-" + w), "w" + w, RUNS_PER_WRITER, 25))
          .redirectErrorStream(true).redirectOutput(log.toFile()).start());
    }
    for (int w = 0; w < WRITERS; w++) {
      Process writer = writers.get(w);
      boolean ended = writer.waitFor(180, TimeUnit.SECONDS);
      if (!ended) {
        writer.destroyForcibly();
      }
      String log = Files.readString(dir.resolve("writer-" + w + ".log"));
      assertThat(ended && writer.exitValue() == 0).as("writer %d ended with 0; its output: %s", w, log).isTrue();
    }

    Set<String> expected = new HashSet<>();
    for (int w = 0; w < WRITERS; w++) {
      for (int n = 0; n < RUNS_PER_WRITER; n++) {
        expected.add(FleetWriterProcess.runId("w" + w, n));
      }
    }
    Map<String, Long> perRun = new LinkedHashMap<>();
    for (List<Object> row : rows("SELECT run_id, count(*) FROM runs GROUP BY run_id")) {
      perRun.put((String) row.get(0), (Long) row.get(1));
    }
    assertThat(perRun.keySet()).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(new HashSet<>(perRun.values())).containsExactly(1L);
    // The seed run has 2 steps and 4 trail events: every run's rows, none twice.
    assertThat(rows("SELECT count(*), count(DISTINCT run_id) FROM steps")).containsExactly(List.of(4000L, 2000L));
    assertThat(rows("SELECT count(*), count(DISTINCT run_id) FROM trail_events"))
        .containsExactly(List.of(8000L, 2000L));
    assertThat(rows("SELECT count(*) FROM schema_version")).containsExactly(List.of(1L));
  }

  @Test
  void everyVerbPrintsWhatItPrintsOverTheLocalIndex() throws Exception {
    Path runsDir = dir.resolve("runs");
    ThreeRuns.store(runsDir);
    CliRun cli = new CliRun();
    assertThat(cli.runs(runsDir, "reindex", "--index", server.jdbcUrl()).exitCode()).isZero();
    List<String[]> verbs = List.of(
        new String[] {"list"}, new String[] {"list", "--json", "--env", "prod"},
        new String[] {"show", ThreeRuns.FAILED}, new String[] {"show", "run-20250920-11"},
        new String[] {"diff", ThreeRuns.FAILED, ThreeRuns.OK}, new String[] {"grep", "--like", "healthz", "--since", "2000-01-01"},
        new String[] {"grep", "--like", "KUBECTL", "--since", "2000-01-01"},
        new String[] {"audit", "--since", "2000-01-01"}, new String[] {"export", "--since", "2000-01-01"},
        new String[] {"show", ThreeRuns.STAGING, "--json"},
        new String[] {"tail", ThreeRuns.OK, "--step", "main/deploy/api"},
        new String[] {"prune", "--dry-run", "--keep", "*=1h"});
    List<CliRun.Result> local = new ArrayList<>();
    for (String[] verb : verbs) {
      CliRun.Result result = cli.runs(runsDir, verb[0], rest(verb));
      assertThat(result.exitCode()).as("%s: %s", String.join(" ", verb), result.err()).isZero();
      local.add(result);
    }
    for (String name : List.of("runs.db", "runs.db-wal", "runs.db-shm")) {
      Files.deleteIfExists(runsDir.resolve(name));
    }

    for (int i = 0; i < verbs.size(); i++) {
      String[] verb = verbs.get(i);
      List<String> args = new ArrayList<>(List.of(rest(verb)));
      args.addAll(List.of("--index", server.jdbcUrl()));
      CliRun.Result shared = cli.runs(runsDir, verb[0], args.toArray(new String[0]));
      assertThat(shared).as(String.join(" ", verb)).isEqualTo(local.get(i));
    }
    assertThat(local.get(0).out()).contains(ThreeRuns.FAILED, ThreeRuns.OK, ThreeRuns.STAGING);
    assertThat(local.get(6).out()).as("grep is case-insensitive").contains("kubectl");
    assertThat(runsDir.resolve("runs.db")).doesNotExist();
  }

  @Test
  void reindexIntoASharedIndexKeepsTheOtherMachinesRuns() throws Exception {
    Path machineA = dir.resolve("a");
    Path machineB = dir.resolve("b");
    ThreeRuns.store(machineA);
    ThreeRuns.store(machineB);
    Path okFolder = machineB.resolve("prod/api/" + SeedRun.PLAN_HASH + "/" + ThreeRuns.OK);
    try (var files = Files.walk(okFolder)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
    CliRun cli = new CliRun();

    assertThat(cli.runs(machineA, "reindex", "--index", server.jdbcUrl()).out()).startsWith("Indexed 3 runs into jdbc:");
    assertThat(cli.runs(machineB, "reindex", "--index", server.jdbcUrl()).out()).startsWith("Indexed 2 runs into jdbc:");

    assertThat(rows("SELECT run_id FROM runs ORDER BY run_id")).extracting(row -> row.get(0))
        .containsExactly(ThreeRuns.STAGING, ThreeRuns.FAILED, ThreeRuns.OK);
  }

  @Test
  void anIndexThatCannotBeOpenedIsNamedWithItsPasswordMasked() {
    String url = server.jdbcUrl().replace("/postgres?", "/no_such_db?") + "&password=" + CANARY;

    assertThatThrownBy(() -> RunIndex.open(IndexLocation.parse(url, "RUNTRAIL_INDEX_URL")))
        .isInstanceOf(IndexException.class).hasMessageContaining("no_such_db").hasMessageContaining("password=****")
        .satisfies(e -> assertThat(String.valueOf(e.getMessage()) + e.getCause()).doesNotContain(CANARY));
    CliRun.Result list = new CliRun().runs(dir, "list", "--index", url);
    assertThat(list.exitCode()).isNotZero();
    assertThat(list.out() + list.err()).contains("no_such_db").doesNotContain(CANARY);
  }

  private static String[] rest(String[] verb) {
    return Arrays.copyOfRange(verb, 1, verb.length);
  }
}
