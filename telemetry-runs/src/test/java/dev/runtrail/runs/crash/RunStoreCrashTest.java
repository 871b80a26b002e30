package dev.runtrail.runs.crash;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.util.JsonFormat;
import dev.runtrail.runs.fixtures.CliRun;
import dev.runtrail.runs.internal.artifacts.RunFolders;
import dev.runtrail.runs.internal.summary.RunSummary;
import dev.runtrail.telemetry.core.json.JsonTree;
import io.opentelemetry.proto.trace.v1.TracesData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The crash guarantee, with a real process: a JVM writing runs in batches through the run store is
 * killed ({@code destroyForcibly}, SIGKILL on Linux) while it writes, and the store it leaves behind is
 * checked: a sound index, a complete folder for every indexed run (whose report {@code runs open}
 * renders), and a reindex that recovers every finished run and reports the unfinished ones.
 */
class RunStoreCrashTest {

  private static final int BATCH = 64;
  private static final int INDEXED_BEFORE_KILL = 3 * BATCH;
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  @TempDir
  Path runsDir;

  @TempDir
  Path logDir;

  @Test
  void aWriterKilledMidBatchLeavesCompleteIndexedRunsAndReindexRecoversTheFinishedOnes() throws Exception {
    killWriterWhileItWrites();

    assertThat(single("PRAGMA integrity_check")).isEqualTo("ok");
    Map<String, String> indexed = indexedRuns();
    assertThat(indexed).hasSizeGreaterThanOrEqualTo(INDEXED_BEFORE_KILL);
    indexed.forEach(this::assertCompleteFolder);

    List<Path> unfinished = new ArrayList<>();
    int finished = 0;
    for (Path folder : new RunFolders(runsDir).all()) {
      if (Files.exists(folder.resolve("summary.json"))) {
        finished++;
      } else {
        unfinished.add(folder);
      }
    }
    // The writer always has runs in progress (folders without summary.json) while it exports.
    assertThat(unfinished).isNotEmpty();
    assertThat(new CliRun().runs(runsDir, "list", "--limit", "0").out())
        .contains("Showing " + indexed.size() + " of " + indexed.size() + " runs.");
    CliRun.Result show = new CliRun().runs(runsDir, "show", unfinished.get(0).getFileName().toString());
    assertThat(show.exitCode()).isEqualTo(1);
    assertThat(show.err()).contains("has no summary.json yet");

    String lastIndexed = List.copyOf(indexed.keySet()).get(indexed.size() - 1);
    CliRun.Result open = new CliRun().runs(runsDir, "open", lastIndexed);
    assertThat(open.exitCode()).as(open.err()).isZero();
    assertThat(Files.readString(Path.of(open.out().strip()), StandardCharsets.UTF_8)).contains(lastIndexed)
        .contains("Action trail (4 events)").endsWith("</html>\n");

    CliRun.Result reindex = new CliRun().runs(runsDir, "reindex", "--json");

    assertThat(reindex.exitCode()).as(reindex.err()).isZero();
    Map<String, Object> result = JsonTree.parseObject(reindex.out());
    assertThat(((Number) result.get("indexed")).intValue()).isEqualTo(finished).isGreaterThanOrEqualTo(indexed.size());
    assertThat(result.get("unfinished")).isEqualTo(unfinished.stream().map(Path::toString).toList());
    assertThat(result.get("problems")).isEqualTo(List.of());
    assertThat(indexedRuns()).hasSize(finished).containsAllEntriesOf(indexed);
  }

  /** Starts the writer, waits until it has indexed a few batches, then kills it while it works. */
  private void killWriterWhileItWrites() throws Exception {
    Path log = logDir.resolve("writer.log");
    String java = ProcessHandle.current().info().command().orElseThrow();
    Process writer = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        StoreWriterProcess.class.getName(), runsDir.toString(), Integer.toString(BATCH))
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      long deadline = System.nanoTime() + TIMEOUT.toNanos();
      while (indexedCount() < INDEXED_BEFORE_KILL) {
        assertThat(writer.isAlive()).as("writer alive; its output: %s", readLog(log)).isTrue();
        assertThat(System.nanoTime()).as("indexed %d runs within %s", INDEXED_BEFORE_KILL, TIMEOUT).isLessThan(deadline);
        Thread.sleep(20); // polling, bounded by the deadline
      }
    } finally {
      writer.destroyForcibly();
      assertThat(writer.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).as("writer ended").isTrue();
    }
  }

  private void assertCompleteFolder(String runId, String relativeDir) {
    Path folder = runsDir.resolve(relativeDir);
    try {
      RunSummary summary = RunFolders.readSummary(folder);
      assertThat(summary.runId()).isEqualTo(runId);
      assertThat(summary.steps()).hasSize(2);
      assertThat(JsonTree.parseObject(Files.readString(folder.resolve("plan.json"))))
          .containsEntry("plan_hash", summary.planHash());
      TracesData.Builder traces = TracesData.newBuilder();
      JsonFormat.parser().merge(Files.readString(folder.resolve("otlp-traces.json")), traces);
      assertThat(traces.getResourceSpans(0).getScopeSpans(0).getSpansCount()).as(runId).isEqualTo(3);
      assertThat(folder.resolve("report.html")).as("rendered when first opened, not by the writer").doesNotExist();
      assertThat(RunFolders.readTrail(folder).events()).as(runId).hasSize(4);
    } catch (IOException e) {
      throw new AssertionError("run " + runId + " is indexed but its folder " + folder + " is not complete: " + e, e);
    }
  }

  private int indexedCount() throws SQLException {
    if (!Files.exists(runsDir.resolve("runs.db"))) {
      return 0;
    }
    try (Connection db = connect(); Statement statement = db.createStatement();
        ResultSet rows = statement.executeQuery("SELECT count(*) FROM sqlite_master WHERE name = 'runs'")) {
      if (!rows.next() || rows.getInt(1) == 0) {
        return 0;
      }
      try (ResultSet count = statement.executeQuery("SELECT count(*) FROM runs")) {
        return count.next() ? count.getInt(1) : 0;
      }
    }
  }

  private Map<String, String> indexedRuns() throws SQLException {
    Map<String, String> runs = new LinkedHashMap<>();
    try (Connection db = connect(); Statement statement = db.createStatement();
        ResultSet rows = statement.executeQuery("SELECT run_id, dir FROM runs ORDER BY run_id")) {
      while (rows.next()) {
        runs.put(rows.getString(1), rows.getString(2));
      }
    }
    return runs;
  }

  private String single(String sql) throws SQLException {
    try (Connection db = connect(); Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
      return rows.next() ? rows.getString(1) : null;
    }
  }

  private Connection connect() throws SQLException {
    Connection db = DriverManager.getConnection("jdbc:sqlite:" + runsDir.resolve("runs.db"));
    try (Statement statement = db.createStatement()) {
      statement.execute("PRAGMA busy_timeout = 10000");
    }
    return db;
  }

  private static String readLog(Path log) {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "(no output: " + e + ")";
    }
  }
}
