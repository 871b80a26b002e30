package dev.runtrail.examples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Seed 000's incident workflow on the demo's runs, with the real {@code runtrail} launcher
 * ({@code telemetry-runs/bin/runtrail}, what a user installs): triage, investigate, compare, open the
 * report. Each command is printed as a user would type it, then its output.
 */
final class CliTour {

  /** Overrides where the launcher is; else {@code telemetry-runs/bin/runtrail} from here up, else the PATH. */
  static final String LAUNCHER_PROPERTY = "runtrail.demo.cli";

  private CliTour() {}

  static void run(Path runsDirectory, String failedRun, String okRun) throws IOException, InterruptedException {
    String launcher = launcher();
    System.out.println("== The incident workflow, with the runtrail command (" + launcher + ")");
    command(launcher, runsDirectory, "1. Triage: what ran in prod today?",
        "runs", "list", "--env", "prod", "--since", "24h", "--limit", "5");
    command(launcher, runsDirectory, "2. Investigate: the failing step, its stderr tail, the attempts, the critical path",
        "runs", "show", failedRun);
    command(launcher, runsDirectory, "3. Compare: what changed between the failure and the next success?",
        "runs", "diff", failedRun, okRun);
    command(launcher, runsDirectory, "4. The failed run's timeline, one self-contained page to open in a browser:",
        "runs", "open", failedRun);
    System.out.println();
    System.out.println("More: runtrail runs tail " + failedRun + " --step main/verify/healthz, runs grep --like \"timed out\","
        + " runs audit, runs export, runs verify, runs prune (runtrail runs --help).");
  }

  private static void command(String launcher, Path runsDirectory, String title, String... args)
      throws IOException, InterruptedException {
    System.out.println();
    System.out.println("# " + title);
    System.out.println("$ runtrail " + String.join(" ", args));
    System.out.flush();
    List<String> command = new ArrayList<>();
    command.add(launcher);
    command.addAll(List.of(args));
    ProcessBuilder process = new ProcessBuilder(command).inheritIO();
    process.environment().put("RUNTRAIL_RUNS_DIR", runsDirectory.toString());
    int exit = process.start().waitFor();
    if (exit != 0) {
      System.out.println("(runtrail exited with " + exit + ")");
    }
  }

  private static String launcher() {
    String configured = System.getProperty(LAUNCHER_PROPERTY);
    if (configured != null && !configured.isBlank()) {
      return configured;
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path script = dir.resolve("telemetry-runs").resolve("bin").resolve("runtrail");
      if (Files.isExecutable(script)) {
        return script.toString();
      }
    }
    return "runtrail";
  }
}
