package dev.runtrail.runs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtrail.runs.fixtures.CliRun;
import dev.runtrail.runs.fixtures.SeedRun;
import dev.runtrail.runs.fixtures.ThreeRuns;
import dev.runtrail.telemetry.core.json.JsonTree;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** show, diff, tail, open and verify: the verbs about one or two runs. */
class RunCommandsTest {

  @TempDir
  Path runsDir;

  private final CliRun cli = new CliRun();

  @BeforeEach
  void store() throws Exception {
    ThreeRuns.store(runsDir);
  }

  @Test
  void showPrintsStatusCriticalPathFailingStepAndAttemptHistory() {
    CliRun.Result result = cli.runs(runsDir, "show", ThreeRuns.FAILED);

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).contains("Status       failed  E_HEALTH_TIMEOUT")
        .contains("Env/target   prod / api").contains("Git          abc123 (release/1.2.0)")
        .contains("Policy       deny_network=false readonly_fs=true")
        .contains("Critical path (2 steps):")
        .containsPattern("main/deploy/api +\\+377ms +\\+29\\.9s +29\\.5s +ok")
        .containsPattern("main/verify/healthz +\\+29\\.9s +\\+1m40s +1m11s +failed")
        .contains("Failing step: main/verify/healthz  exit 137  E_HEALTH_TIMEOUT: health check timed out after 60s")
        .contains("  | curl: (28) Operation timed out after 60001 milliseconds")
        .containsPattern("main/verify/healthz +#1 +137 +timeout +2025-09-20T10:23:31\\.000Z")
        .containsPattern("main/verify/healthz +#2 +137 +timeout +2025-09-20T10:24:01\\.000Z");
  }

  @Test
  void showFindsARunByAUniquePrefixOfItsId() {
    CliRun.Result result = cli.runs(runsDir, "show", "run-20250920-0900");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).startsWith("Run          " + ThreeRuns.STAGING);
  }

  @Test
  void showOfAnUnknownRunExitsOneAndSaysWhere() {
    CliRun.Result result = cli.runs(runsDir, "show", "run-19990101-000000-000000");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.out()).isEmpty();
    assertThat(result.err()).contains("Run 'run-19990101-000000-000000' not found in " + runsDir);
  }

  @Test
  void showOfAnAmbiguousPrefixExitsOneListingTheCandidates() {
    CliRun.Result result = cli.runs(runsDir, "show", "run-20250920-1");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).contains("matches several runs").contains(ThreeRuns.FAILED).contains(ThreeRuns.OK);
  }

  @Test
  void showStillFindsARunTheIndexLost() throws Exception {
    Files.delete(runsDir.resolve("runs.db"));

    CliRun.Result result = cli.runs(runsDir, "show", ThreeRuns.OK);

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).contains("Status       ok");
  }

  @Test
  void showJsonCarriesTheSummaryAndTheCriticalPath() {
    Map<String, Object> json = JsonTree.parseObject(cli.runs(runsDir, "show", ThreeRuns.FAILED, "--json").out());

    assertThat(json.get("critical_path")).isEqualTo(List.of("main/deploy/api", "main/verify/healthz"));
    assertThat(json.get("summary")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
        .containsEntry("run_id", ThreeRuns.FAILED).containsEntry("failed_step", "main/verify/healthz");
  }

  @Test
  void diffShowsChangedFieldsStepsDurationsAndToolCallArguments() {
    CliRun.Result result = cli.runs(runsDir, "diff", ThreeRuns.FAILED, ThreeRuns.OK);

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out())
        .containsPattern("status +failed +ok")
        .containsPattern("git\\.sha +abc123 +def456")
        .containsPattern("git\\.branch +release/1\\.2\\.0 +release/1\\.2\\.1")
        .containsPattern("main/deploy/api +ok \\(0\\) 29\\.5s +ok \\(0\\) 25\\.0s +-4\\.5s")
        .containsPattern("main/verify/healthz +failed \\(137\\) 1m11s +ok \\(0\\) 5\\.0s +-1m06s +status failed \u2192 ok,"
            + " exit 137 \u2192 0, error E_HEALTH_TIMEOUT \u2192 -, retries 2 \u2192 0")
        .containsPattern("main/smoke +- +ok \\(0\\) 10\\.0s +added")
        .containsPattern("kubectl +#1 +args\\.cmd +apply -f k8s/api/ +apply -f k8s/api-v2/");
  }

  @Test
  void diffShowsEnvTargetAndPlanHashDifferences() {
    CliRun.Result result = cli.runs(runsDir, "diff", ThreeRuns.STAGING, ThreeRuns.OK, "--json");

    Map<String, Object> json = JsonTree.parseObject(result.out());
    List<Object> fields = new ArrayList<>();
    for (Object change : (List<?>) json.get("fields")) {
      fields.add(((Map<?, ?>) change).get("field"));
    }
    assertThat(fields).contains("env", "target", "plan_hash", "runner");
  }

  @Test
  void diffWithAnUnknownRunExitsOne() {
    assertThat(cli.runs(runsDir, "diff", ThreeRuns.FAILED, "run-nope").exitCode()).isEqualTo(1);
  }

  @Test
  void tailPrintsTheStepsStderrTailRetriesAndTrailEvents() {
    CliRun.Result result = cli.runs(runsDir, "tail", ThreeRuns.FAILED, "--step", "main/verify/healthz");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out())
        .startsWith(ThreeRuns.FAILED + "  main/verify/healthz  failed  exit 137  E_HEALTH_TIMEOUT")
        .contains("retry #1  exit 137  timeout  at 2025-09-20T10:23:31.000Z")
        .contains("stderr tail:\ncurl: (28) Operation timed out after 60001 milliseconds\n")
        .contains("Trail events (1):")
        .contains("#4  2025-09-20T10:24:01.123Z  error");
  }

  @Test
  void tailOfAStepTheRunDoesNotHaveExitsOneNamingItsSteps() {
    CliRun.Result result = cli.runs(runsDir, "tail", ThreeRuns.FAILED, "--step", "main/nope");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).contains("has no step 'main/nope'").contains("main/deploy/api, main/verify/healthz");
  }

  @Test
  void tailWithoutStepIsAUsageError() {
    CliRun.Result result = cli.runs(runsDir, "tail", ThreeRuns.FAILED);

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("Missing required option: '--step=PATH'");
  }

  @Test
  void openPrintsTheReportsPath() {
    CliRun.Result result = cli.runs(runsDir, "open", ThreeRuns.FAILED);

    assertThat(result.exitCode()).isZero();
    Path report = Path.of(result.out().strip());
    assertThat(report).isAbsolute().hasFileName("report.html").isRegularFile();
  }

  @Test
  void openWithBrowserHandsTheReportToTheBrowserAndNeverFailsWhenThereIsNone() {
    List<Path> opened = new ArrayList<>();
    CliRun.Result withBrowser = new CliRun().browser(path -> opened.add(path)).runs(runsDir, "open", ThreeRuns.OK,
        "--browser");
    CliRun.Result without = new CliRun().browser(path -> false).runs(runsDir, "open", ThreeRuns.OK, "--browser");

    assertThat(withBrowser.exitCode()).isZero();
    assertThat(opened).singleElement().asString().endsWith("report.html");
    assertThat(without.exitCode()).isZero();
    assertThat(without.err()).contains("Could not open a browser");
  }

  @Test
  void verifyExitsZeroWhenTheReviewedPlanHashesTheSameWhateverItsFormatting() throws Exception {
    Path reviewed = runsDir.resolve("reviewed.json");
    Files.writeString(reviewed, "{\n  \"version\" : \"1.0\"\n}\n");
    String hash = dev.runtrail.telemetry.core.plan.PlanHash.of("{\"version\":\"1.0\"}");
    ThreeRunsWithPlan.store(runsDir, hash);

    CliRun.Result result = cli.runs(runsDir, "verify", ThreeRunsWithPlan.RUN_ID, "--plan", reviewed.toString());

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).startsWith("OK: run " + ThreeRunsWithPlan.RUN_ID + " executed the reviewed plan (plan hash "
        + hash + ").");
  }

  @Test
  void verifyExitsOneAndPrintsBothHashesOnAMismatch() throws Exception {
    Path reviewed = runsDir.resolve("reviewed.json");
    Files.writeString(reviewed, "{\"version\":\"1.0\",\"steps\":[{\"id\":\"main/deploy/api\"}]}");

    CliRun.Result result = cli.runs(runsDir, "verify", ThreeRuns.FAILED, "--plan", reviewed.toString());

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.out()).contains("MISMATCH").contains("executed plan hash:  " + SeedRun.PLAN_HASH)
        .contains("reviewed plan hash:  " + dev.runtrail.telemetry.core.plan.PlanHash.of(Files.readString(reviewed)));
  }

  @Test
  void verifyOfAPlanFileThatIsNotJsonIsAUsageError() throws Exception {
    Path reviewed = runsDir.resolve("reviewed.json");
    Files.writeString(reviewed, "steps: []");

    CliRun.Result result = cli.runs(runsDir, "verify", ThreeRuns.FAILED, "--plan", reviewed.toString());

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("is not valid JSON");
  }
}
