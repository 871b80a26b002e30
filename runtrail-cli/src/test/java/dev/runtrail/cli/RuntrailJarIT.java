package dev.runtrail.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtrail.runs.fixtures.ThreeRuns;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shaded jar and the launcher script, run as a user would (after `mvn package`, by failsafe). */
class RuntrailJarIT {

  @TempDir
  Path runsDir;

  private Path jar;

  /** What a process printed and returned. */
  record Outcome(int exitCode, String out, String err) {}

  @BeforeEach
  void store() throws Exception {
    jar = Paths.get(System.getProperty("runtrail.jar", "target/runtrail.jar")).toAbsolutePath();
    assertThat(jar).as("the shaded jar (mvn package builds it)").isRegularFile();
    ThreeRuns.store(runsDir);
  }

  private Outcome run(List<String> command) throws Exception {
    Path out = runsDir.resolve("out.txt");
    Path err = runsDir.resolve("err.txt");
    ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
    builder.environment().remove("RUNTRAIL_RUNS_DIR");
    Process process = builder.start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("finished").isTrue();
    return new Outcome(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  private Outcome jar(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", jar.toString()));
    command.addAll(List.of(args));
    return run(command);
  }

  @Test
  void listsRunsAsASubprocess() throws Exception {
    Outcome result = jar("runs", "list", "--runs-dir", runsDir.toString(), "--env", "prod");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).startsWith("RUN ID").contains(ThreeRuns.OK).contains(ThreeRuns.FAILED)
        .contains("Showing 2 of 2 runs.");
  }

  @Test
  void exitsOneForAnUnknownRunAndTwoForBadArguments() throws Exception {
    Outcome unknown = jar("runs", "show", "run-nope", "--runs-dir", runsDir.toString());
    Outcome bad = jar("runs", "list", "--since", "soon", "--runs-dir", runsDir.toString());

    assertThat(unknown.exitCode()).isEqualTo(1);
    assertThat(unknown.err()).contains("Run 'run-nope' not found");
    assertThat(bad.exitCode()).isEqualTo(2);
  }

  @Test
  void theLauncherScriptFindsTheJarInTarget() throws Exception {
    Path launcher = Paths.get(System.getProperty("runtrail.launcher", "../telemetry-runs/bin/runtrail")).toAbsolutePath();

    Outcome result = run(List.of("bash", launcher.toString(), "runs", "show", ThreeRuns.FAILED, "--runs-dir",
        runsDir.toString()));

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).contains("Failing step: main/verify/healthz");
  }

  @Test
  void printsItsVersion() throws Exception {
    Outcome result = jar("--version");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).startsWith("runtrail 0.1.0");
  }
}
