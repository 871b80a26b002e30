package dev.runtrail.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtrail.examples.prometheus.RepositoryRoot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's demo as a user runs it: the demo's main in its own JVM, with the real {@code runtrail}
 * launcher (telemetry-runs/bin/runtrail and the runtrail.jar runtrail-cli builds), into an empty run store.
 */
class DemoTourTest {

  private static final Pattern RUN_LINE =
      Pattern.compile("^(run-\\d{8}-\\d{6}-[0-9a-f]{6})\\s+(deploy|agent\\.process_task)\\s+(\\w+)", Pattern.MULTILINE);
  /** What the store writes for every run; report.html is rendered when `runs open` first asks for it. */
  private static final List<String> ARTIFACTS =
      List.of("plan.json", "summary.json", "trail.jsonl", "otlp-traces.json");

  @TempDir static Path runsDir;
  @TempDir static Path cache;

  static String output;
  static int exitCode;
  static String failedRun;
  static String okRun;
  static String agentRun;

  @BeforeAll
  static void runTheDemo() throws Exception {
    Path root = RepositoryRoot.find();
    Path launcher = root.resolve("telemetry-runs/bin/runtrail");
    assertThat(root.resolve("runtrail-cli/target/runtrail.jar"))
        .as("the CLI jar (made by `mvn package` of runtrail-cli, before this module in the reactor)").isRegularFile();
    String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", classPath, "-D" + CliTour.LAUNCHER_PROPERTY + "=" + launcher, Demo.class.getName()));
    ProcessBuilder demo = new ProcessBuilder(command).redirectErrorStream(true).directory(root.toFile());
    demo.environment().remove("RUNTRAIL_ENABLED");
    demo.environment().remove("OTEL_EXPORTER_OTLP_ENDPOINT");
    demo.environment().remove("OTEL_TRACES_EXPORTER");
    demo.environment().put("RUNTRAIL_RUNS_DIR", runsDir.toString());
    demo.environment().put("XDG_CACHE_HOME", cache.toString()); // the launcher's class-data archive
    Path log = cache.resolve("demo-output.txt");
    Process process = demo.redirectOutput(log.toFile()).start();
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the demo finished in time").isTrue();
    exitCode = process.exitValue();
    output = Files.readString(log, StandardCharsets.UTF_8);
    Matcher runs = RUN_LINE.matcher(output);
    while (runs.find()) {
      if (runs.group(2).equals("agent.process_task")) {
        agentRun = runs.group(1);
      } else if (runs.group(3).equals("failed")) {
        failedRun = runs.group(1);
      } else {
        okRun = runs.group(1);
      }
    }
  }

  @Test
  void makesAFailedDeployANextSuccessfulOneAndAnAgentRun() {
    assertThat(exitCode).as(output).isZero();
    assertThat(failedRun).as(output).isNotNull();
    assertThat(okRun).as(output).isNotNull();
    assertThat(agentRun).as(output).isNotNull();
  }

  @Test
  void leavesEveryArtifactOfEveryRunAndTheIndex() throws IOException {
    for (String run : List.of(failedRun, okRun, agentRun)) {
      Path folder = Demo.runFolder(runsDir, run);
      assertThat(folder).as("folder of " + run).isNotNull();
      for (String artifact : ARTIFACTS) {
        assertThat(folder.resolve(artifact)).as(run + " " + artifact).isNotEmptyFile();
      }
    }
    assertThat(runsDir.resolve("runs.db")).isNotEmptyFile();
  }

  @Test
  void triagesWithRunsListOfTodaysProdRuns() {
    String list = section("$ runtrail runs list --env prod --since 24h");
    assertThat(list).contains(failedRun, okRun, agentRun, "main/verify/healthz", "Showing 3 of 3 runs.");
  }

  @Test
  void showsTheFailingStepItsStderrTailAttemptsAndCriticalPath() {
    String show = section("$ runtrail runs show " + failedRun);
    assertThat(show)
        .contains("Failing step: main/verify/healthz  exit 137  E_HEALTH_TIMEOUT")
        .contains("stderr tail:", "curl: (28) Operation timed out", "(Authorization: Bearer [REDACTED])")
        .contains("Attempt history:")
        .containsPattern("main/verify/healthz\\s+#1\\s+137\\s+timeout")
        .containsPattern("main/verify/healthz\\s+#2\\s+137\\s+timeout")
        .containsPattern("Critical path \\(\\d+ steps\\):\\s+STEP.*\\n\\s+main/build");
  }

  @Test
  void diffsTheFailureAgainstTheNextSuccess() {
    String diff = section("$ runtrail runs diff " + failedRun + " " + okRun);
    assertThat(diff)
        .containsPattern("status\\s+failed\\s+ok")
        .containsPattern("git.branch\\s+release/1.2.0\\s+release/1.2.1")
        .contains("retries 2 → 0")
        .contains("--timeout=30s", "--timeout=60s");
  }

  @Test
  void printsThePathOfTheFailedRunsReport() {
    String open = section("$ runtrail runs open " + failedRun);
    Path report = Path.of(open.lines().skip(1).findFirst().orElse("").trim());
    assertThat(report.getFileName()).hasToString("report.html");
    assertThat(report.getParent().getFileName()).hasToString(failedRun);
    assertThat(report).isNotEmptyFile();
  }

  @Test
  void isReadableWithoutWarningsOrStackTraces() {
    assertThat(output)
        .doesNotContainPattern("(?m)^\\d\\d:\\d\\d:\\d\\d\\.\\d{3} (WARN|ERROR) ")
        .doesNotContainPattern("(?m)^(SLF4J|\\[WARN|\\[ERROR|WARNING)")
        .doesNotContain("Exception", "\tat ", "exited with");
  }

  @Test
  void leaksTheDeploysTokenNowhere() throws IOException {
    assertThat(output).doesNotContain(DeployDemo.API_TOKEN).contains("is in none of their 12 artifacts");
    try (Stream<Path> files = Files.walk(runsDir)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).as(file.toString())
            .doesNotContain(DeployDemo.API_TOKEN);
      }
    }
  }

  /** The demo's output from the line {@code start} to the next blank line before a {@code #} title. */
  private static String section(String start) {
    int from = output.indexOf(start);
    assertThat(from).as("'%s' in the demo's output:%n%s", start, output).isNotNegative();
    int to = output.indexOf("\n# ", from);
    return output.substring(from, to < 0 ? output.length() : to);
  }
}
