package dev.runtrail.runs.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runtrail.runs.RunStoreExporter;
import dev.runtrail.runs.fixtures.CliRun;
import dev.runtrail.runs.fixtures.SeedRun;
import dev.runtrail.runs.fixtures.ThreeRuns;
import dev.runtrail.runs.remote.RemoteRunStore;
import dev.runtrail.runs.remote.RemoteRunStores;
import dev.runtrail.telemetry.core.config.InvalidConfigurationException;
import dev.runtrail.telemetry.core.config.RuntrailConfig;
import dev.runtrail.telemetry.core.config.Setting;
import dev.runtrail.telemetry.core.export.FinishedRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Run folders copied to a real S3 API server (S3Proxy, started by the test) and read back from it. */
class S3RunStoreTest {

  private static final String BUCKET = "runs";
  private static final String STORE = "s3://" + BUCKET + "/fleet";
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final Instant START = Instant.parse("2026-03-01T00:00:00Z");

  @TempDir static Path serverDir;
  @TempDir Path dir;

  private static S3ProxyServer server;

  @BeforeAll
  static void startServer() throws Exception {
    server = new S3ProxyServer(serverDir.resolve("objects")).start();
    server.configureThisJvm();
  }

  @AfterAll
  static void stopServer() throws Exception {
    server.close();
  }

  @BeforeEach
  void freshBucket() throws Exception {
    server.stop();
    server.start();
    server.createBucket(BUCKET);
  }

  @AfterEach
  void serverUp() throws Exception {
    server.stop();
    server.start();
  }

  private static RunStoreExporter exporter(Path runsDir, String shutdownTimeout) {
    return RunStoreExporter.create(runsDir, RuntrailConfig.of(Map.of(Setting.RUN_STORE_URL, STORE,
        Setting.SHUTDOWN_TIMEOUT, shutdownTimeout)));
  }

  private static List<FinishedRun> runs(Path runsDir, String prefix, int count) throws Exception {
    List<FinishedRun> runs = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      runs.add(SeedRun.builder(runsDir, String.format("run-%s-%04d", prefix, i), START.plusSeconds(i)).build());
    }
    return runs;
  }

  /** The run ids whose summary.json is in the bucket. */
  private static Set<String> stored() {
    Set<String> ids = new TreeSet<>();
    for (String key : server.keys(BUCKET)) {
      if (key.endsWith("/summary.json")) {
        String folder = key.substring(0, key.length() - "/summary.json".length());
        ids.add(folder.substring(folder.lastIndexOf('/') + 1));
      }
    }
    return ids;
  }

  private static Set<String> ids(String prefix, int count) {
    Set<String> ids = new TreeSet<>();
    for (int i = 0; i < count; i++) {
      ids.add(String.format("run-%s-%04d", prefix, i));
    }
    return ids;
  }

  private static long pending(Path runsDir) throws Exception {
    Path uploads = runsDir.resolve(".uploads");
    if (!Files.isDirectory(uploads)) {
      return 0;
    }
    try (Stream<Path> files = Files.list(uploads)) {
      return files.filter(file -> file.toString().endsWith(".pending")).count();
    }
  }

  private static void await(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("%s within %s", what, WAIT).isLessThan(deadline);
      Thread.sleep(50); // polling, bounded by the deadline
    }
  }

  @Test
  void copiesEveryFileOfAFolderAndFetchesItBack() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("src"));
    Files.writeString(folder.resolve("summary.json"), "{\"run_id\":\"r1\"}");
    Files.writeString(folder.resolve("trail.jsonl"), "line 1\nline 2\n");
    Files.writeString(folder.resolve(".summary.json123.tmp"), "half-written");

    try (RemoteRunStore store = RemoteRunStores.open(STORE, "test")) {
      store.put("prod/api/h/r1", folder);
      assertThat(server.keys(BUCKET)).containsExactly("fleet/prod/api/h/r1/summary.json",
          "fleet/prod/api/h/r1/trail.jsonl");

      Path copy = dir.resolve("copy");
      assertThat(store.fetch("prod/api/h/r1", copy)).isTrue();
      assertThat(Files.readString(copy.resolve("trail.jsonl"))).isEqualTo("line 1\nline 2\n");
      assertThat(Files.readString(copy.resolve("summary.json"))).isEqualTo("{\"run_id\":\"r1\"}");
      assertThat(store.fetch("prod/api/h/r2", dir.resolve("none"))).isFalse();

      store.delete("prod/api/h/r1");
      assertThat(server.keys(BUCKET)).isEmpty();
    }
  }

  @Test
  void theExporterCopiesEachFinishedRunOffTheAppsThread() throws Exception {
    Path runsDir = dir.resolve("runs");
    RunStoreExporter exporter = exporter(runsDir, "30s");
    exporter.exportAll(runs(runsDir, "a", 12));
    exporter.close();

    assertThat(stored()).isEqualTo(ids("a", 12));
    assertThat(server.keys(BUCKET)).contains("fleet/prod/api/" + SeedRun.PLAN_HASH + "/run-a-0003/summary.json",
        "fleet/prod/api/" + SeedRun.PLAN_HASH + "/run-a-0003/trail.jsonl");
    assertThat(pending(runsDir)).isZero();
  }

  @Test
  void aServerThatGoesAwayMidUploadAndComesBackLosesNothing() throws Exception {
    Path runsDir = dir.resolve("runs");
    RunStoreExporter exporter = exporter(runsDir, "30s");
    exporter.exportAll(runs(runsDir, "b", 30));
    await("the first copies", () -> !stored().isEmpty());
    server.stop();

    List<FinishedRun> more = new ArrayList<>();
    for (FinishedRun run : runs(runsDir, "c", 10)) {
      more.add(run);
    }
    long before = System.nanoTime();
    exporter.exportAll(more); // returns without waiting for the store
    assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(10));
    assertThat(pending(runsDir)).isPositive();

    Thread.sleep(500); // a few failed attempts while the server is away
    server.start();
    exporter.close();

    Set<String> expected = new TreeSet<>(ids("b", 30));
    expected.addAll(ids("c", 10));
    assertThat(stored()).isEqualTo(expected);
    assertThat(pending(runsDir)).isZero();
  }

  @Test
  void runsNotCopiedBeforeTheProcessStoppedAreCopiedOnTheNextStart() throws Exception {
    Path runsDir = dir.resolve("runs");
    server.stop();
    RunStoreExporter first = exporter(runsDir, "200ms");
    first.exportAll(runs(runsDir, "d", 5));
    first.close(); // gives up after 200 ms: the server is down

    assertThat(pending(runsDir)).isEqualTo(5);
    server.start();
    RunStoreExporter second = exporter(runsDir, "30s");
    await("the pending runs copied by the next process", () -> stored().size() == 5);
    second.close();

    assertThat(stored()).isEqualTo(ids("d", 5));
    assertThat(pending(runsDir)).isZero();
  }

  @Test
  void showAndOpenFetchARunFromTheBucketOnAMachineWithoutItsFolder() throws Exception {
    Path writer = dir.resolve("writer");
    ThreeRuns.store(writer, exporter(writer, "30s"));
    Path reader = dir.resolve("reader");
    List<Path> opened = new ArrayList<>();
    CliRun cli = new CliRun().browser(opened::add);
    String index = "jdbc:sqlite:" + writer.resolve("runs.db");

    CliRun.Result show = cli.runs(reader, "show", ThreeRuns.FAILED, "--index", index, "--store", STORE);
    CliRun.Result open = cli.runs(reader, "open", ThreeRuns.OK, "--browser", "--index", index, "--store", STORE);
    CliRun.Result diff = cli.runs(reader, "diff", ThreeRuns.FAILED, ThreeRuns.OK, "--index", index, "--store", STORE);

    assertThat(show.exitCode()).as(show.err()).isZero();
    assertThat(show.out()).contains("Failing step: main/verify/healthz  exit 137  E_HEALTH_TIMEOUT")
        .contains("Folder       " + reader.resolve("prod/api/" + SeedRun.PLAN_HASH + "/" + ThreeRuns.FAILED));
    assertThat(open.exitCode()).as(open.err()).isZero();
    assertThat(opened).hasSize(1);
    assertThat(open.out().trim()).isEqualTo(opened.get(0).toString());
    assertThat(Files.readString(opened.get(0))).contains(ThreeRuns.OK).endsWith("</html>\n");
    assertThat(diff.out()).contains("git.sha      abc123               def456");
  }

  @Test
  void aRunMissingFromTheBucketTooIsReportedNotFound() throws Exception {
    Path writer = dir.resolve("writer");
    ThreeRuns.store(writer);

    CliRun.Result show = new CliRun().runs(dir.resolve("reader"), "show", ThreeRuns.OK, "--index",
        "jdbc:sqlite:" + writer.resolve("runs.db"), "--store", STORE);

    assertThat(show.exitCode()).isEqualTo(1);
    assertThat(show.err()).contains("the index lists it but its folder is gone, and " + STORE + " has no copy of it");
  }

  @Test
  void aBadStoreUrlIsRefusedAtStartUpNamingTheVariable() {
    assertThatThrownBy(() -> RunStoreExporter.create(dir, RuntrailConfig.of(Map.of(Setting.RUN_STORE_URL, "s3:///x"))))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessage("Invalid Runtrail configuration: RUNTRAIL_RUN_STORE_URL='s3:///x': expected s3://BUCKET/PREFIX"
            + " (a bucket name, then an optional prefix)");
    assertThatThrownBy(() -> RunStoreExporter.create(dir, RuntrailConfig.of(Map.of(Setting.RUN_STORE_URL, "gs://b"))))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("RUNTRAIL_RUN_STORE_URL='gs://b': no run store for 'gs://' on the class path (there are: s3)");
  }
}
