package dev.runtrail.runs.internal.cli;

import dev.runtrail.runs.internal.analysis.CriticalPath;
import dev.runtrail.telemetry.core.json.JsonTree;
import dev.runtrail.runs.internal.summary.Durations;
import dev.runtrail.runs.internal.summary.RunSummary;
import dev.runtrail.runs.internal.summary.StepSummary;
import dev.runtrail.runs.internal.summary.SummaryJson;
import dev.runtrail.runs.internal.summary.Timestamps;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code runtrail runs show RUN}: status, critical path, failing step and attempt history. */
@Command(name = "show", description = "Show a run: status, critical path, failing step, attempt history.")
final class ShowCommand extends VerbCommand {

  @Parameters(index = "0", paramLabel = "RUN", description = "A run id (or a unique prefix of one).")
  String run;

  @Override
  public Integer call() {
    RunStore.LocatedRun located = store.store().locate(run);
    RunSummary summary = located.summary();
    List<StepSummary> critical = CriticalPath.of(summary);
    if (store.json()) {
      JsonOutput.print(out(), json -> {
        json.writeStartObject();
        JsonOutput.field(json, "directory", located.directory().toString());
        JsonOutput.field(json, "summary", JsonTree.parse(SummaryJson.write(summary)));
        JsonOutput.field(json, "critical_path", critical.stream().map(StepSummary::path).toList());
        JsonOutput.field(json, "trail_events", located.trail().size());
        json.writeEndObject();
      });
      return ExitCodes.OK;
    }
    PrintWriter out = out();
    facts(out, summary, located);
    criticalPath(out, summary, critical);
    steps(out, summary);
    failingStep(out, summary);
    attempts(out, summary);
    out.flush();
    return ExitCodes.OK;
  }

  private static void facts(PrintWriter out, RunSummary run, RunStore.LocatedRun located) {
    out.println("Run          " + run.runId() + (run.name() == null ? "" : "  (" + run.name() + ")"));
    out.println("Status       " + run.status() + (run.errorCode() == null ? "" : "  " + run.errorCode())
        + (run.errorMessage() == null ? "" : "  " + TextTable.oneLine(run.errorMessage())));
    out.println("Env/target   " + dash(run.env()) + " / " + dash(run.target()));
    out.println("Started      " + Timestamps.format(run.startedAt()) + "   ended " + Timestamps.format(run.endedAt())
        + "   (" + Durations.format(run.durationMs()) + ")");
    out.println("Plan hash    " + dash(run.planHash()));
    out.println("Git          " + dash(run.gitSha()) + (run.gitBranch() == null ? "" : " (" + run.gitBranch() + ")"));
    out.println("Runner       " + dash(run.runner()) + (run.ticket() == null ? "" : "   ticket " + run.ticket()));
    StringBuilder policy = new StringBuilder();
    for (Map.Entry<String, Boolean> flag : run.policy().entrySet()) {
      policy.append(policy.length() == 0 ? "" : " ").append(flag.getKey()).append('=').append(flag.getValue());
    }
    out.println("Policy       " + (policy.length() == 0 ? "-" : policy));
    out.println("Trace id     " + dash(run.traceId()) + (Boolean.FALSE.equals(run.spansSampled())
        ? "  (spans not exported: run-level sampling)" : ""));
    out.println("Retries      " + run.retries());
    out.println("Folder       " + located.directory());
  }

  private static void criticalPath(PrintWriter out, RunSummary run, List<StepSummary> critical) {
    out.println();
    out.println("Critical path (" + critical.size() + (critical.size() == 1 ? " step" : " steps") + "):");
    if (critical.isEmpty()) {
      out.println("  (no steps)");
      return;
    }
    TextTable table = new TextTable("  STEP", "START>", "END>", "DURATION>", "STATUS").maxWidth(0, 60);
    for (StepSummary step : critical) {
      table.row("  " + step.path(), offset(run, step.startedAt()), offset(run, step.endedAt()),
          Durations.format(step.durationMs()), step.status());
    }
    table.print(out);
  }

  private static void steps(PrintWriter out, RunSummary run) {
    out.println();
    out.println("Steps (" + run.steps().size() + "):");
    if (run.steps().isEmpty()) {
      out.println("  (no steps)");
      return;
    }
    TextTable table = new TextTable("  STEP", "STATUS", "EXIT>", "DURATION>", "RETRIES>", "ERROR").maxWidth(0, 60);
    for (StepSummary step : run.steps()) {
      table.row("  " + step.path(), step.status(), step.exitCode(), Durations.format(step.durationMs()),
          step.retries(), step.errorCode());
    }
    table.print(out);
  }

  private static void failingStep(PrintWriter out, RunSummary run) {
    StepSummary failed = run.failedStep() == null ? null : run.step(run.failedStep());
    out.println();
    if (failed == null) {
      out.println("Failing step: none");
      return;
    }
    out.println("Failing step: " + failed.path() + "  exit " + dash(failed.exitCode()) + "  " + dash(failed.errorCode())
        + (failed.errorMessage() == null ? "" : ": " + TextTable.oneLine(failed.errorMessage())));
    if (failed.stderrTail() != null && !failed.stderrTail().isEmpty()) {
      out.println("stderr tail:");
      for (String line : failed.stderrTail().split("\n", -1)) {
        if (!line.isEmpty()) {
          out.println("  | " + line);
        }
      }
    }
  }

  private static void attempts(PrintWriter out, RunSummary run) {
    out.println();
    if (run.retries() == 0) {
      out.println("Attempt history: no retries");
      return;
    }
    out.println("Attempt history:");
    TextTable table = new TextTable("  STEP", "ATTEMPT>", "EXIT>", "CAUSE", "AT (UTC)").maxWidth(0, 60);
    for (StepSummary step : run.steps()) {
      for (StepSummary.Attempt attempt : step.attempts()) {
        table.row("  " + step.path(), "#" + attempt.n(), attempt.exitCode(), attempt.cause(),
            Timestamps.format(attempt.at()));
      }
    }
    table.print(out);
  }

  private static String offset(RunSummary run, java.time.Instant at) {
    return "+" + Durations.format(Duration.between(run.startedAt(), at).toMillis());
  }

  private static String dash(Object value) {
    return value == null ? "-" : String.valueOf(value);
  }
}
