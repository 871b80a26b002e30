package dev.runtrail.runs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtrail.runs.fixtures.CliRun;
import dev.runtrail.runs.fixtures.ThreeRuns;
import dev.runtrail.telemetry.core.json.JsonTree;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** grep, audit, prune, reindex and the command line itself. */
class StoreCommandsTest {

  @TempDir
  Path runsDir;

  private final CliRun cli = new CliRun();

  @BeforeEach
  void store() throws Exception {
    ThreeRuns.store(runsDir);
  }

  @Test
  void grepFindsTextInStderrTailsErrorMessagesAndTrailData() {
    CliRun.Result result = cli.runs(runsDir, "grep", "--like", "TIMED OUT", "--since", "7d");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).containsPattern(ThreeRuns.FAILED + " .* prod +step error +main/verify/healthz +health check timed out")
        .containsPattern(ThreeRuns.FAILED + " .* stderr +main/verify/healthz +curl: \\(28\\) Operation timed out")
        .containsPattern(ThreeRuns.FAILED + " .* trail error #4 +main/verify/healthz")
        .contains("3 matches.");
  }

  @Test
  void grepFindsStepNamesAndToolCallArguments() {
    assertThat(cli.runs(runsDir, "grep", "--like", "smoke").out()).containsPattern(ThreeRuns.OK + " .* step +main/smoke");
    assertThat(cli.runs(runsDir, "grep", "--like", "k8s/api-v2").out()).contains("trail tool_call #1");
  }

  @Test
  void grepTreatsPercentAndUnderscoreLiterally() {
    CliRun.Result result = cli.runs(runsDir, "grep", "--like", "%_%");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).startsWith("No matches for \"%_%\"");
  }

  @Test
  void grepLooksOnlyAtRunsInTheWindowAndEnv() {
    assertThat(cli.runs(runsDir, "grep", "--like", "kubectl", "--env", "staging").out()).startsWith("No matches");
    assertThat(new CliRun().now(Instant.parse("2025-10-20T00:00:00Z")).runs(runsDir, "grep", "--like", "kubectl")
        .out()).startsWith("No matches");
  }

  @Test
  void grepJsonListsEachMatchWithAnExcerpt() {
    Map<String, Object> json = JsonTree.parseObject(cli.runs(runsDir, "grep", "--like", "60001", "--json").out());

    assertThat((List<?>) json.get("matches")).singleElement()
        .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP).containsEntry("where", "stderr")
        .containsEntry("run_id", ThreeRuns.FAILED)
        .containsEntry("excerpt", "curl: (28) Operation timed out after 60001 milliseconds");
  }

  @Test
  void auditCountsTrailEventsByTypeAndDecoratorUsage() {
    CliRun.Result result = cli.runs(runsDir, "audit", "--since", "7d");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).containsPattern("decorator_used +4").containsPattern("tool_call +2")
        .containsPattern("error +1")
        .containsPattern("@shell +kubectl rollout status deploy/api +1 +1 +5\\.4s +5\\.4s")
        .containsPattern("@env +AWS_SECRET_ACCESS_KEY +1 +1 +0\\.1ms +0\\.1ms");
  }

  @Test
  void auditFlagsSensitiveAccess() {
    CliRun.Result result = cli.runs(runsDir, "audit", "--since", "7d");

    assertThat(result.out())
        .containsPattern("secret-ref +@env +AWS_SECRET_ACCESS_KEY +" + ThreeRuns.FAILED + " +deploy\\.opl:23 +deploy-bot")
        .containsPattern("sudo +@shell +sudo systemctl restart api +" + ThreeRuns.OK + " +deploy\\.opl:51 +alice")
        .containsPattern("key-file +@file +certs/web\\.key +" + ThreeRuns.STAGING);
  }

  @Test
  void auditListsTheSlowestCallsFirst() {
    CliRun.Result result = cli.runs(runsDir, "audit", "--since", "7d", "--slowest", "2");

    String slowest = result.out().substring(result.out().indexOf("Slowest calls:"));
    assertThat(slowest.lines().skip(2).toList()).hasSize(2);
    assertThat(slowest.lines().skip(2).findFirst().orElseThrow()).contains("5.4s").contains("@shell");
  }

  @Test
  void auditFiltersByEnvAndUser() {
    Map<String, Object> alice = JsonTree.parseObject(cli.runs(runsDir, "audit", "--since", "7d", "--user", "alice",
        "--json").out());
    Map<String, Object> staging = JsonTree.parseObject(cli.runs(runsDir, "audit", "--since", "7d", "--env", "staging",
        "--json").out());

    assertThat((List<?>) alice.get("decorators")).hasSize(1);
    assertThat(alice.get("event_counts").toString()).isEqualTo("{decorator_used=1}");
    assertThat((List<?>) staging.get("sensitive")).singleElement()
        .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP).containsEntry("flag", "key-file");
  }

  @Test
  void pruneRemovesExpiredRunsAndSaysHowMany() {
    // 35 days after the runs: past staging's 30, within prod's 90.
    CliRun.Result result = new CliRun().now(Instant.parse("2025-10-25T00:00:00Z")).runs(runsDir, "prune");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).startsWith("Retention: *=30d,dev=7d,prod=90d,staging=30d")
        .contains("removed " + ThreeRuns.STAGING).contains("Removed 1 run {staging=1}.");
    assertThat(cli.runs(runsDir, "list").out()).doesNotContain(ThreeRuns.STAGING);
  }

  @Test
  void pruneTakesRetentionFromKeepAndFromRuntrailRetention() {
    CliRun later = new CliRun().now(Instant.parse("2025-09-25T00:00:00Z"));

    CliRun.Result fromOption = later.runs(runsDir, "prune", "--keep", "prod=3d", "--dry-run");
    CliRun.Result fromVariable = new CliRun().now(Instant.parse("2025-09-25T00:00:00Z"))
        .variables(Map.of("RUNTRAIL_RETENTION", "staging=1d")).runs(runsDir, "prune", "--dry-run");

    assertThat(fromOption.out()).contains("Would remove 2 runs {prod=2}.");
    assertThat(fromVariable.out()).contains("Would remove 1 run {staging=1}.");
  }

  @Test
  void pruneRejectsBadRetention() {
    CliRun.Result badOption = cli.runs(runsDir, "prune", "--keep", "prod=ninety");
    CliRun.Result badVariable = new CliRun().variables(Map.of("RUNTRAIL_RETENTION", "prod")).runs(runsDir, "prune");

    assertThat(badOption.exitCode()).isEqualTo(2);
    assertThat(badOption.err()).contains("'prod=ninety': expected a duration");
    assertThat(badVariable.exitCode()).isEqualTo(2);
    assertThat(badVariable.err()).contains("RUNTRAIL_RETENTION='prod'");
  }

  @Test
  void reindexRebuildsTheIndexAndSaysWhatItSkipped() throws Exception {
    Files.delete(runsDir.resolve("runs.db"));
    Files.createDirectories(runsDir.resolve("prod/api/_/run-20250920-130000-cccccc"));

    CliRun.Result result = cli.runs(runsDir, "reindex");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).startsWith("Indexed 3 runs into ").contains("Skipped 1 folder(s) without summary.json");
    assertThat(cli.runs(runsDir, "list").out()).contains("Showing 3 of 3 runs.");
  }

  @Test
  void theRunsDirectoryComesFromRuntrailRunsDirWhenNotGiven() {
    CliRun.Result result = new CliRun().variables(Map.of("RUNTRAIL_RUNS_DIR", runsDir.toString()))
        .run("runs", "list", "--json");

    assertThat(JsonTree.parseObject(result.out()).get("runs_dir")).isEqualTo(runsDir.toString());
  }

  @Test
  void aMissingVerbOrAnUnknownOptionIsAUsageError() {
    CliRun.Result missing = cli.run("runs");
    CliRun.Result unknown = cli.runs(runsDir, "list", "--colour");

    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).contains("Missing verb");
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.err()).contains("Unknown option: '--colour'");
  }

  @Test
  void aDamagedIndexIsAStoreErrorWithExitThree() throws Exception {
    Files.delete(runsDir.resolve("runs.db"));
    Files.deleteIfExists(runsDir.resolve("runs.db-wal"));
    Files.deleteIfExists(runsDir.resolve("runs.db-shm"));
    Files.writeString(runsDir.resolve("runs.db"), "this is not a database, it is a text file of some length......");

    CliRun.Result result = cli.runs(runsDir, "list");

    assertThat(result.exitCode()).isEqualTo(3);
    assertThat(result.err()).startsWith("runtrail: run store error: ");
  }

  @Test
  void everyVerbHasHelp() {
    for (String verb : List.of("list", "show", "diff", "tail", "grep", "export", "audit", "open", "verify", "prune",
        "reindex")) {
      CliRun.Result help = cli.run("runs", verb, "--help");
      assertThat(help.exitCode()).as(verb).isZero();
      assertThat(help.out()).as(verb).contains("Usage: runtrail runs " + verb).contains("--json").contains("--runs-dir");
    }
  }
}
