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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The top README's commands and file names work as written on this checkout: scripts exist and run,
 * Maven lines name real modules and build what they need, files and links exist, and the commands of the
 * runtrail CLI and the redaction filter it shows run (those two for real, on an empty store and a canary).
 */
class ReadmeTest {

  private static final Path ROOT = RepositoryRoot.find();
  private static final Pattern FENCE = Pattern.compile("```(\\w*)\\n(.*?)```", Pattern.DOTALL);
  private static final Pattern LINK = Pattern.compile("\\]\\(([^)#\\s]+)\\)");
  private static final Pattern CODE_PATH = Pattern.compile("`(\\.?/?[A-Za-z0-9_.-]+(?:/[A-Za-z0-9_.-]+)+)`");
  private static final String TOKEN = "ghp_" + "R7x2Kq9LmN4pW8sT1vY6zA3bC5dE0fG2hJ4k";

  @TempDir Path work;

  private static String readme() throws IOException {
    return Files.readString(ROOT.resolve("README.md"), StandardCharsets.UTF_8);
  }

  /** Command lines of the shell blocks: comments, prompts and continuation left out. */
  private static List<String> shellLines(boolean typedAtPrompt) throws IOException {
    List<String> lines = new ArrayList<>();
    Matcher block = FENCE.matcher(readme());
    while (block.find()) {
      String language = block.group(1);
      for (String line : block.group(2).split("\n")) {
        if (typedAtPrompt && language.isEmpty() && line.startsWith("$ ")) {
          lines.add(line.substring(2).trim());
        } else if (!typedAtPrompt && (language.equals("sh") || language.equals("bash"))) {
          String command = line.replaceAll("\\s+#.*$", "").trim();
          if (!command.isEmpty() && !command.startsWith("#")) {
            lines.add(command);
          }
        }
      }
    }
    return lines;
  }

  @Test
  void theTwoCommandsAreExecutableScriptsAndCiRunsTheTestCommand() throws IOException {
    List<String> commands = shellLines(false);
    assertThat(commands).contains("./demo", "./test");
    assertThat(ROOT.resolve("demo")).isExecutable();
    assertThat(ROOT.resolve("test")).isExecutable();
    assertThat(Files.readString(ROOT.resolve(".ci/run"))).containsPattern("(?m)^exec \\./test\\s*$");
  }

  @Test
  void mavenLinesNameRealModulesAndBuildTheirReactorDependencies() throws IOException {
    List<String> maven = shellLines(false).stream().filter(line -> line.startsWith("mvn ")).toList();
    assertThat(maven).isNotEmpty();
    for (String line : maven) {
      Matcher modules = Pattern.compile("-pl (\\S+)").matcher(line);
      if (modules.find()) {
        for (String module : modules.group(1).split(",")) {
          assertThat(ROOT.resolve(module).resolve("pom.xml")).as(line).isRegularFile();
        }
        // A module alone does not find its sibling modules on a fresh machine (nothing installed yet).
        assertThat(line).as("builds the modules it needs on a fresh machine").contains("-am");
      }
    }
  }

  @Test
  void everyLinkedFileAndEveryPathInCodeExists() throws IOException {
    String readme = readme();
    List<String> paths = new ArrayList<>();
    Matcher link = LINK.matcher(readme);
    while (link.find()) {
      if (!link.group(1).contains("://")) {
        paths.add(link.group(1));
      }
    }
    Matcher code = CODE_PATH.matcher(readme);
    while (code.find()) {
      String path = code.group(1);
      String first = path.replaceFirst("^\\./", "").split("/")[0];
      if (Files.isDirectory(ROOT.resolve(first)) || path.startsWith("./")) {
        paths.add(path);
      }
    }
    assertThat(paths).contains("telemetry-runs/bin/runtrail", "docs/run-store-format.md");
    for (String path : paths) {
      assertThat(ROOT.resolve(path)).as("README names %s", path).exists();
    }
  }

  @Test
  void theRuntrailCommandsOfTheTourParseAndRunOnAnEmptyStore() throws Exception {
    List<String> commands = shellLines(true).stream().filter(line -> line.startsWith("runtrail ")).toList();
    assertThat(commands).hasSizeGreaterThanOrEqualTo(3);
    for (String line : commands) {
      List<String> command = new ArrayList<>(List.of(ROOT.resolve("telemetry-runs/bin/runtrail").toString()));
      command.addAll(List.of(line.substring("runtrail ".length()).split("\\s+")));
      Result result = run(command, null);
      // 0: done (an empty list), 1: the tour's run is not in this empty store; 2 would be a usage error.
      assertThat(result.exit).as("%s%n%s", line, result.output).isIn(0, 1);
      if (result.exit == 1) {
        assertThat(result.output).as(line).containsIgnoringCase("not found");
      }
    }
  }

  @Test
  void theRedactionFilterLinesRunAsWritten() throws Exception {
    List<String> lines = shellLines(false).stream().filter(line -> line.contains("runtrail-redact.jar")).toList();
    assertThat(lines).hasSize(2);
    for (String line : lines) {
      String invocation = line.substring(line.indexOf("java -jar")).replaceFirst("\\s*<\\s*\\S+$", "");
      List<String> command = new ArrayList<>();
      for (String word : invocation.split("\\s+")) {
        command.add(word.contains("/target/") ? ROOT.resolve(word).toString() : word);
      }
      boolean json = line.contains("--json");
      String input = json ? "{\"tool\":\"gh\",\"args\":\"auth login --with-token " + TOKEN + "\"}\n"
          : "2026-12-06 pod api-7f: using token " + TOKEN + " for the registry\n";
      Result result = run(command, input);
      assertThat(result.exit).as("%s%n%s", line, result.output).isZero();
      assertThat(result.output).as(line).doesNotContain(TOKEN);
      assertThat(result.output).as(line).contains(json ? "\"tool\":\"gh\"" : "for the registry");
      assertThat(result.output).as(line).contains(line.contains("--format length") ? "<redacted:" : "[REDACTED]");
    }
  }

  private record Result(int exit, String output) {}

  private Result run(List<String> command, String input) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).directory(ROOT.toFile());
    builder.environment().put("RUNTRAIL_RUNS_DIR", work.resolve("runs").toString());
    builder.environment().put("XDG_CACHE_HOME", work.resolve("cache").toString());
    Path out = work.resolve("output.txt");
    builder.redirectOutput(out.toFile());
    Process process = builder.start();
    try (var stdin = process.getOutputStream()) {
      if (input != null) {
        stdin.write(input.getBytes(StandardCharsets.UTF_8));
      }
    }
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as(String.join(" ", command)).isTrue();
    return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
  }
}
