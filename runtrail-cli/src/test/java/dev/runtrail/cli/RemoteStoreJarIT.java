package dev.runtrail.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtrail.runs.fleet.FleetWriterProcess;
import dev.runtrail.runs.s3.S3ProxyServer;
import dev.runtrail.testsupport.PostgresServer;
import dev.runtrail.testsupport.RequiresTool;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded {@code runtrail.jar} as users run it, in a child JVM, against a real PostgreSQL 15 index and a
 * real S3 API server (S3Proxy): a writer JVM (another machine) put the runs there, and this machine's runs
 * dir is empty, so every folder the verbs read comes from the bucket. The bucket is reached through the
 * AWS SDK's standard chain from environment variables ({@code AWS_ENDPOINT_URL}, {@code AWS_REGION},
 * {@code AWS_ACCESS_KEY_ID}, {@code AWS_SECRET_ACCESS_KEY}), as a user sets them.
 */
@Tag("postgres")
@RequiresTool(value = {"initdb", "postgres"}, debianPackage = PostgresServer.DEBIAN_PACKAGE)
class RemoteStoreJarIT {

  private static final int RUNS = 6;
  private static final String BUCKET = "fleet";
  private static final String STORE = "s3://" + BUCKET + "/runs";

  @TempDir static Path dir;

  private static PostgresServer postgres;
  private static S3ProxyServer s3;

  /** What the jar printed and returned. */
  record Outcome(int exitCode, String out, String err) {}

  @BeforeAll
  static void anotherMachineWroteRuns() throws Exception {
    postgres = PostgresServer.start();
    s3 = new S3ProxyServer(dir.resolve("objects")).start();
    s3.createBucket(BUCKET);
    List<String> properties = new ArrayList<>(s3.systemProperties());
    properties.add("-Druntrail.index.url=" + postgres.jdbcUrl());
    properties.add("-Druntrail.run.store.url=" + STORE);
    Path log = dir.resolve("writer.log");
    Process writer = new ProcessBuilder(FleetWriterProcess.command(properties, dir.resolve("ci-runner"), "w", RUNS, 3))
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    boolean ended = writer.waitFor(120, TimeUnit.SECONDS);
    if (!ended) {
      writer.destroyForcibly();
    }
    assertThat(ended && writer.exitValue() == 0).as("the writer; its output: %s", Files.readString(log)).isTrue();
    assertThat(s3.keys(BUCKET)).anyMatch(key -> key.endsWith(FleetWriterProcess.runId("w", RUNS - 1) + "/summary.json"));
  }

  @AfterAll
  static void stopServers() throws Exception {
    if (s3 != null) {
      s3.close();
    }
    if (postgres != null) {
      postgres.close();
    }
  }

  private static Outcome jar(Path runsDir, String... args) throws Exception {
    return jarWithStore(runsDir, STORE, args);
  }

  private static Outcome jarWithStore(Path runsDir, String store, String... args) throws Exception {
    Path jar = Paths.get(System.getProperty("runtrail.jar", "target/runtrail.jar")).toAbsolutePath();
    List<String> command = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", jar.toString()));
    command.addAll(List.of(args));
    command.addAll(List.of("--runs-dir", runsDir.toString(), "--index", postgres.jdbcUrl(), "--store", store));
    Path out = Files.createTempFile(dir, "out", ".txt");
    Path err = Files.createTempFile(dir, "err", ".txt");
    ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
    builder.environment().remove("RUNTRAIL_RUNS_DIR");
    builder.environment().put("AWS_ENDPOINT_URL", s3.endpoint());
    builder.environment().put("AWS_REGION", S3ProxyServer.REGION);
    builder.environment().put("AWS_ACCESS_KEY_ID", S3ProxyServer.ACCESS_KEY);
    builder.environment().put("AWS_SECRET_ACCESS_KEY", S3ProxyServer.SECRET_KEY);
    Process process = builder.start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("finished").isTrue();
    return new Outcome(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  @Test
  void listShowsTheOtherMachinesRunsFromTheSharedIndex() throws Exception {
    Outcome list = jar(dir.resolve("laptop-list"), "runs", "list", "--limit", "0");

    assertThat(list.exitCode()).as(list.err()).isZero();
    assertThat(list.out()).contains("Showing " + RUNS + " of " + RUNS + " runs.", FleetWriterProcess.runId("w", 0),
        FleetWriterProcess.runId("w", RUNS - 1));
  }

  @Test
  void showTailOpenAndDiffFetchTheFoldersFromTheBucket() throws Exception {
    Path laptop = dir.resolve("laptop-read");
    String first = FleetWriterProcess.runId("w", 1);
    String second = FleetWriterProcess.runId("w", 2);

    Outcome show = jar(laptop, "runs", "show", first);
    Outcome tail = jar(laptop, "runs", "tail", second, "--step", "main/verify/healthz");
    Outcome open = jar(laptop, "runs", "open", FleetWriterProcess.runId("w", 3));
    Outcome diff = jar(laptop, "runs", "diff", first, second);

    assertThat(show.exitCode()).as(show.err()).isZero();
    assertThat(show.out()).contains("Run          " + first, "Failing step: main/verify/healthz");
    assertThat(tail.exitCode()).as(tail.err()).isZero();
    assertThat(tail.out()).isNotBlank();
    assertThat(open.exitCode()).as(open.err()).isZero();
    Path report = Path.of(open.out().trim());
    assertThat(report).startsWith(laptop).isRegularFile();
    assertThat(Files.readString(report)).contains(FleetWriterProcess.runId("w", 3)).endsWith("</html>\n");
    assertThat(diff.exitCode()).as(diff.err()).isZero();
    assertThat(diff.out()).contains("A  " + first, "B  " + second);
  }

  @Test
  void pruneListsWhatItWouldRemoveFromTheIndexAndTheBucket() throws Exception {
    Outcome prune = jar(dir.resolve("laptop-prune"), "runs", "prune", "--keep", "prod=1h", "--dry-run");

    assertThat(prune.exitCode()).as(prune.err()).isZero();
    assertThat(prune.out()).contains(FleetWriterProcess.runId("w", 0), FleetWriterProcess.runId("w", RUNS - 1));
    assertThat(s3.keys(BUCKET)).as("a dry run removes nothing")
        .anyMatch(key -> key.endsWith(FleetWriterProcess.runId("w", 0) + "/summary.json"));
  }

  @Test
  void anUnknownRunExitsOneAndABadStoreUrlTwoNamingTheOption() throws Exception {
    Outcome unknown = jar(dir.resolve("laptop-bad"), "runs", "show", "run-nope");
    Outcome bad = jarWithStore(dir.resolve("laptop-bad"), "gs://x", "runs", "show", FleetWriterProcess.runId("w", 0));

    assertThat(unknown.exitCode()).isEqualTo(1);
    assertThat(unknown.err()).contains("run-nope");
    assertThat(bad.exitCode()).as(bad.out() + bad.err()).isEqualTo(2);
    assertThat(bad.err()).contains("--store", "gs://x", "there are: s3");
  }
}
