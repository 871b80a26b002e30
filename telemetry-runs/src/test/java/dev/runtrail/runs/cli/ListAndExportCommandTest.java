package dev.runtrail.runs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtrail.runs.fixtures.CliRun;
import dev.runtrail.runs.fixtures.ThreeRuns;
import dev.runtrail.telemetry.core.json.JsonTree;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ListAndExportCommandTest {

  @TempDir
  Path runsDir;

  private final CliRun cli = new CliRun();

  @BeforeEach
  void store() throws Exception {
    ThreeRuns.store(runsDir);
  }

  @Test
  void listPrintsATableOfRunsNewestFirst() {
    CliRun.Result result = cli.runs(runsDir, "list");

    assertThat(result.exitCode()).isZero();
    List<String> lines = result.out().lines().toList();
    assertThat(lines.get(0)).startsWith("RUN ID").contains("STARTED (UTC)", "ENV", "TARGET", "STATUS", "DURATION",
        "RETRIES", "FAILED STEP", "PLAN");
    assertThat(lines.get(1)).startsWith(ThreeRuns.OK).contains("2025-09-20 11:22:31", "prod", "api", "ok", "40.0s");
    assertThat(lines.get(2)).startsWith(ThreeRuns.FAILED).contains("failed", "1m41s", "2", "main/verify/healthz",
        "5f6c0e9d8b7a");
    assertThat(lines.get(3)).startsWith(ThreeRuns.STAGING).contains("staging", "web");
    assertThat(lines.get(4)).isEqualTo("Showing 3 of 3 runs.");
  }

  @Test
  void listFiltersByEnvSinceStatusTargetAndPlanHash() {
    assertThat(ids(cli.runs(runsDir, "list", "--env", "prod", "--since", "48h", "--json")))
        .containsExactly(ThreeRuns.OK, ThreeRuns.FAILED);
    assertThat(ids(cli.runs(runsDir, "list", "--status", "failed", "--json"))).containsExactly(ThreeRuns.FAILED);
    assertThat(ids(cli.runs(runsDir, "list", "--target", "web", "--json"))).containsExactly(ThreeRuns.STAGING);
    assertThat(ids(cli.runs(runsDir, "list", "--plan-hash", "999999", "--json"))).containsExactly(ThreeRuns.STAGING);
    assertThat(ids(cli.runs(runsDir, "list", "--since", "2h", "--json"))).containsExactly(ThreeRuns.OK, ThreeRuns.FAILED);
  }

  @Test
  void listSaysHowManyMoreThereAreBeyondTheLimit() {
    CliRun.Result result = cli.runs(runsDir, "list", "--limit", "1");

    assertThat(result.out()).contains("Showing 1 of 3 runs (use --limit to see more).");
  }

  @Test
  void listJsonHasTheTotalAndOneObjectPerRun() {
    Map<String, Object> json = JsonTree.parseObject(cli.runs(runsDir, "list", "--json").out());

    assertThat(json.get("total").toString()).isEqualTo("3");
    assertThat(runs(json).get(0)).containsEntry("run_id", ThreeRuns.OK).containsEntry("status", "ok")
        .containsEntry("env", "prod").containsKeys("started_at", "duration_ms", "plan_hash", "failed_step", "dir");
  }

  @Test
  void listOfAStoreThatDoesNotExistIsEmptyNotAnError() {
    CliRun.Result result = cli.runs(runsDir.resolve("nowhere"), "list");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).startsWith("No runs match (no run store at ");
  }

  @Test
  void listRejectsABadSinceAsAUsageError() {
    CliRun.Result result = cli.runs(runsDir, "list", "--since", "yesterday");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("Invalid value for option '--since'").contains("'yesterday' is not an age");
  }

  @Test
  void listRejectsAnUnknownStatusAndAPlanHashThatIsNotHex() {
    assertThat(cli.runs(runsDir, "list", "--status", "broken").exitCode()).isEqualTo(2);
    CliRun.Result badHash = cli.runs(runsDir, "list", "--plan-hash", "xyz");
    assertThat(badHash.exitCode()).isEqualTo(2);
    assertThat(badHash.err()).contains("'xyz' is not a plan hash");
  }

  @Test
  void exportWritesQuotedCsvWithAHeader() {
    CliRun.Result result = cli.runs(runsDir, "export", "--env", "prod", "--status", "failed");

    assertThat(result.exitCode()).isZero();
    List<String> lines = result.out().lines().toList();
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0)).isEqualTo("run_id,name,env,target,plan_hash,started_at,ended_at,duration_ms,status,"
        + "error_code,failed_step,retries,runner,ticket,git_sha,git_branch,dir");
    assertThat(lines.get(1)).startsWith(ThreeRuns.FAILED + ",deploy,prod,api,").contains(",2025-09-20T10:22:31.123Z,")
        .contains(",101333,failed,E_HEALTH_TIMEOUT,main/verify/healthz,2,runner-12,OPS-1234,abc123,release/1.2.0,");
    assertThat(result.out()).contains("\r\n");
  }

  @Test
  void csvCellsWithCommasQuotesOrNewlinesAreQuoted() {
    assertThat(dev.runtrail.runs.internal.cli.CsvCells.of("a,b")).isEqualTo("\"a,b\"");
    assertThat(dev.runtrail.runs.internal.cli.CsvCells.of("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
    assertThat(dev.runtrail.runs.internal.cli.CsvCells.of("two\nlines")).isEqualTo("\"two\nlines\"");
    assertThat(dev.runtrail.runs.internal.cli.CsvCells.of(null)).isEmpty();
    assertThat(dev.runtrail.runs.internal.cli.CsvCells.of("plain")).isEqualTo("plain");
  }

  @Test
  void exportAsJsonIsAnArrayOfRuns() {
    Object json = JsonTree.parse(cli.runs(runsDir, "export", "--format", "json").out());

    assertThat(json).asList().hasSize(3);
  }

  @Test
  void exportRejectsAnUnknownFormat() {
    CliRun.Result result = cli.runs(runsDir, "export", "--format", "xml");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("--format");
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> runs(Map<String, Object> json) {
    return (List<Map<String, Object>>) json.get("runs");
  }

  private static List<Object> ids(CliRun.Result result) {
    assertThat(result.exitCode()).as(result.err()).isZero();
    return runs(JsonTree.parseObject(result.out())).stream().map(run -> run.get("run_id")).toList();
  }
}
