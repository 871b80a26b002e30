package dev.runtrail.runs.internal.cli;

import dev.runtrail.telemetry.core.json.JsonTree;
import dev.runtrail.runs.internal.summary.StepSummary;
import dev.runtrail.runs.internal.summary.Timestamps;
import dev.runtrail.telemetry.trail.TrailEvent;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code runtrail runs tail RUN --step PATH}: a step's stderr tail, retries and trail events. */
@Command(name = "tail", description = "Show a step's stderr tail, its retries and its trail events"
    + " (events of steps below it too).")
final class TailCommand extends VerbCommand {

  @Parameters(index = "0", paramLabel = "RUN", description = "A run id (or a unique prefix of one).")
  String run;

  @Option(names = "--step", required = true, paramLabel = "PATH", description = "The step path, e.g. main/verify/healthz.")
  String step;

  @Override
  public Integer call() {
    RunStore.LocatedRun located = store.store().locate(run);
    StepSummary summary = located.summary().step(step);
    if (summary == null) {
      List<String> paths = located.summary().steps().stream().map(StepSummary::path).toList();
      throw CliException.notFound("Run " + located.summary().runId() + " has no step '" + step + "'"
          + (paths.isEmpty() ? " (it has no steps)" : "; its steps: " + String.join(", ", paths)));
    }
    List<TrailEvent> events = new ArrayList<>();
    for (TrailEvent event : located.trail()) {
      if (event.step() != null && (event.step().equals(step) || event.step().startsWith(step + "/"))) {
        events.add(event);
      }
    }
    if (store.json()) {
      JsonOutput.print(out(), json -> {
        json.writeStartObject();
        json.writeStringField("run_id", located.summary().runId());
        json.writeStringField("step", step);
        json.writeStringField("status", summary.status());
        JsonOutput.field(json, "exit_code", summary.exitCode());
        JsonOutput.field(json, "stderr_tail", summary.stderrTail());
        json.writeArrayFieldStart("events");
        for (TrailEvent event : events) {
          JsonOutput.event(json, event);
        }
        json.writeEndArray();
        json.writeEndObject();
      });
    } else {
      text(out(), located, summary, events);
    }
    return ExitCodes.OK;
  }

  private void text(PrintWriter out, RunStore.LocatedRun located, StepSummary summary, List<TrailEvent> events) {
    out.println(located.summary().runId() + "  " + step + "  " + summary.status()
        + (summary.exitCode() == null ? "" : "  exit " + summary.exitCode())
        + (summary.errorCode() == null ? "" : "  " + summary.errorCode()));
    for (StepSummary.Attempt attempt : summary.attempts()) {
      out.println("retry #" + attempt.n() + "  exit " + attempt.exitCode() + "  " + attempt.cause() + "  at "
          + Timestamps.format(attempt.at()));
    }
    out.println();
    if (summary.stderrTail() == null || summary.stderrTail().isEmpty()) {
      out.println("stderr tail: (none recorded)");
    } else {
      out.println("stderr tail:");
      out.print(summary.stderrTail());
      if (!summary.stderrTail().endsWith("\n")) {
        out.println();
      }
    }
    out.println();
    out.println("Trail events (" + events.size() + "):");
    for (TrailEvent event : events) {
      out.println("  #" + event.sequence() + "  " + Timestamps.format(event.timestamp()) + "  " + event.type()
          + (event.step().equals(step) ? "" : "  [" + event.step() + "]") + "  "
          + TextTable.oneLine(JsonTree.toJson(event.data())));
    }
    out.flush();
  }
}
