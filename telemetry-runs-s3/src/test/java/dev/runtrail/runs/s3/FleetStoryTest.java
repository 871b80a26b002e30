package dev.runtrail.runs.s3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtrail.runs.fixtures.CliRun;
import dev.runtrail.runs.fleet.FleetWriterProcess;
import dev.runtrail.testsupport.PostgresServer;
import dev.runtrail.testsupport.RequiresTool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two machines on one box: two writer JVMs with their own runs dirs write into one PostgreSQL index
 * and one bucket; a third process lists, shows, diffs and prunes them.
 */
@Tag("postgres")
@RequiresTool(value = {"initdb", "postgres"}, debianPackage = PostgresServer.DEBIAN_PACKAGE)
class FleetStoryTest {

  private static final int RUNS = 20;
  private static final String BUCKET = "fleet";
  private static final String STORE = "s3://" + BUCKET + "/runs";

  @TempDir Path dir;

  @Test
  void twoMachinesWriteOneIndexAndOneBucketThatAThirdReadsAndPrunes() throws Exception {
    try (PostgresServer postgres = PostgresServer.start();
        S3ProxyServer s3 = new S3ProxyServer(dir.resolve("objects")).start()) {
      s3.createBucket(BUCKET);
      s3.configureThisJvm();
      List<String> properties = new ArrayList<>(s3.systemProperties());
      properties.add("-Druntrail.index.url=" + postgres.jdbcUrl());
      properties.add("-Druntrail.run.store.url=" + STORE);
      List<Process> machines = new ArrayList<>();
      for (String machine : List.of("a", "b")) {
        machines.add(new ProcessBuilder(FleetWriterProcess.command(properties, dir.resolve("machine-" + machine),
            machine, RUNS, 5)).redirectErrorStream(true).redirectOutput(dir.resolve(machine + ".log").toFile()).start());
      }
      for (int i = 0; i < machines.size(); i++) {
        Process machine = machines.get(i);
        boolean ended = machine.waitFor(120, TimeUnit.SECONDS);
        if (!ended) {
          machine.destroyForcibly();
        }
        assertThat(ended && machine.exitValue() == 0).as("machine %d; its output: %s", i,
            Files.readString(dir.resolve((i == 0 ? "a" : "b") + ".log"))).isTrue();
      }
      Path third = dir.resolve("laptop");
      String[] remote = {"--index", postgres.jdbcUrl(), "--store", STORE};
      CliRun cli = new CliRun().now(FleetWriterProcess.FIRST_START.plus(Duration.ofHours(1)).plusSeconds(10));

      CliRun.Result list = cli.runs(third, "list", with(remote, "--limit", "0"));
      CliRun.Result showA = cli.runs(third, "show", with(remote, FleetWriterProcess.runId("a", 3)));
      CliRun.Result showB = cli.runs(third, "show", with(remote, FleetWriterProcess.runId("b", 17)));
      CliRun.Result diff = cli.runs(third, "diff", with(remote, FleetWriterProcess.runId("a", 1),
          FleetWriterProcess.runId("b", 2)));

      assertThat(list.out()).contains("Showing 40 of 40 runs.", FleetWriterProcess.runId("a", 0),
          FleetWriterProcess.runId("b", 19));
      assertThat(showA.exitCode()).as(showA.err()).isZero();
      assertThat(showA.out()).contains("Run          " + FleetWriterProcess.runId("a", 3));
      assertThat(showB.exitCode()).as(showB.err()).isZero();
      assertThat(showB.out()).contains("Run          " + FleetWriterProcess.runId("b", 17));
      assertThat(diff.exitCode()).as(diff.err()).isZero();
      assertThat(diff.out()).contains("A  " + FleetWriterProcess.runId("a", 1), "B  " + FleetWriterProcess.runId("b", 2));

      // Kept 1h: at FIRST_START + 1h 10s, runs 0-9 of each machine (started in the first 10 s) expire.
      CliRun.Result prune = cli.runs(third, "prune", with(remote, "--keep", "prod=1h"));

      assertThat(prune.exitCode()).as(prune.err()).isZero();
      assertThat(prune.out()).contains("Removed 20 runs {prod=20}.");
      assertThat(cli.runs(third, "list", with(remote, "--limit", "0")).out()).contains("Showing 20 of 20 runs.")
          .doesNotContain(FleetWriterProcess.runId("a", 9)).contains(FleetWriterProcess.runId("a", 10));
      assertThat(s3.keys(BUCKET)).noneMatch(key -> key.contains(FleetWriterProcess.runId("a", 3)))
          .noneMatch(key -> key.contains(FleetWriterProcess.runId("b", 9)))
          .anyMatch(key -> key.endsWith(FleetWriterProcess.runId("b", 17) + "/summary.json"));
      assertThat(Files.walk(third).map(Path::toString)).as("the fetched copy of a pruned run")
          .noneMatch(path -> path.endsWith(FleetWriterProcess.runId("a", 3)));
    }
  }

  private static String[] with(String[] first, String... more) {
    List<String> all = new ArrayList<>(List.of(more));
    all.addAll(List.of(first));
    return all.toArray(new String[0]);
  }
}
