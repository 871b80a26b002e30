package dev.runtrail.runs.internal.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.runtrail.runs.internal.analysis.RunDiff;
import dev.runtrail.runs.internal.summary.Durations;
import dev.runtrail.runs.internal.summary.StepSummary;
import java.io.IOException;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code runtrail runs diff A B}: what changed from run A to run B. */
@Command(name = "diff", description = "Compare two runs: fields, steps (status, exit code, retries, durations) and"
    + " tool-call arguments.")
final class DiffCommand extends VerbCommand {

  @Parameters(index = "0", paramLabel = "A", description = "The first run (e.g. the last good one).")
  String a;

  @Parameters(index = "1", paramLabel = "B", description = "The second run (e.g. the failed one).")
  String b;

  @Override
  public Integer call() {
    RunStore runStore = store.store();
    RunStore.LocatedRun runA = runStore.locate(a);
    RunStore.LocatedRun runB = runStore.locate(b);
    RunDiff diff = RunDiff.of(runA.summary(), runA.trail(), runB.summary(), runB.trail());
    if (store.json()) {
      JsonOutput.print(out(), json -> json(json, runA, runB, diff));
    } else {
      text(out(), runA, runB, diff);
    }
    return ExitCodes.OK;
  }

  private static void text(PrintWriter out, RunStore.LocatedRun a, RunStore.LocatedRun b, RunDiff diff) {
    out.println("A  " + a.summary().runId() + "  " + a.summary().status() + "  " + humanTime(a.summary().startedAt()));
    out.println("B  " + b.summary().runId() + "  " + b.summary().status() + "  " + humanTime(b.summary().startedAt()));
    out.println();
    if (diff.fields().isEmpty()) {
      out.println("Run fields: no differences");
    } else {
      out.println("Run fields:");
      TextTable table = new TextTable("  FIELD", "A", "B").maxWidth(1, 48).maxWidth(2, 48);
      diff.fields().forEach(change -> table.row("  " + change.field(), change.a(), change.b()));
      table.print(out);
    }
    out.println();
    out.println("Steps:");
    TextTable steps = new TextTable("  STEP", "A", "B", "\u0394 DURATION>", "CHANGES").maxWidth(0, 50).maxWidth(4, 120);
    for (RunDiff.StepChange step : diff.steps()) {
      steps.row("  " + step.path(), describe(step.a()), describe(step.b()),
          step.a() == null || step.b() == null ? "" : Durations.delta(step.durationDeltaMs()),
          step.changes().isEmpty() ? "" : String.join(", ", step.changes()));
    }
    if (steps.isEmpty()) {
      out.println("  (neither run has steps)");
    } else {
      steps.print(out);
    }
    out.println();
    if (diff.toolCalls().isEmpty()) {
      out.println("Tool calls: no argument changes");
    } else {
      out.println("Tool calls:");
      TextTable calls = new TextTable("  TOOL", "CALL>", "ARG", "A", "B").maxWidth(3, 48).maxWidth(4, 48);
      diff.toolCalls().forEach(c -> calls.row("  " + c.tool(), "#" + c.occurrence(), c.key(), c.a(), c.b()));
      calls.print(out);
    }
    out.flush();
  }

  private static String describe(StepSummary step) {
    if (step == null) {
      return "-";
    }
    return step.status() + (step.exitCode() == null ? "" : " (" + step.exitCode() + ")") + " "
        + Durations.format(step.durationMs());
  }

  private static void json(JsonGenerator json, RunStore.LocatedRun a, RunStore.LocatedRun b, RunDiff diff)
      throws IOException {
    json.writeStartObject();
    json.writeStringField("a", a.summary().runId());
    json.writeStringField("b", b.summary().runId());
    json.writeArrayFieldStart("fields");
    for (RunDiff.FieldChange change : diff.fields()) {
      json.writeStartObject();
      json.writeStringField("field", change.field());
      JsonOutput.field(json, "a", change.a());
      JsonOutput.field(json, "b", change.b());
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeArrayFieldStart("steps");
    for (RunDiff.StepChange step : diff.steps()) {
      json.writeStartObject();
      json.writeStringField("path", step.path());
      stepJson(json, "a", step.a());
      stepJson(json, "b", step.b());
      JsonOutput.field(json, "duration_delta_ms", step.a() == null || step.b() == null ? null : step.durationDeltaMs());
      JsonOutput.field(json, "changes", step.changes());
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeArrayFieldStart("tool_calls");
    for (RunDiff.ToolCallChange call : diff.toolCalls()) {
      json.writeStartObject();
      json.writeStringField("tool", call.tool());
      json.writeNumberField("call", call.occurrence());
      json.writeStringField("arg", call.key());
      JsonOutput.field(json, "a", call.a());
      JsonOutput.field(json, "b", call.b());
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeEndObject();
  }

  private static void stepJson(JsonGenerator json, String name, StepSummary step) throws IOException {
    if (step == null) {
      json.writeNullField(name);
      return;
    }
    json.writeObjectFieldStart(name);
    json.writeStringField("status", step.status());
    JsonOutput.field(json, "exit_code", step.exitCode());
    JsonOutput.field(json, "error_code", step.errorCode());
    json.writeNumberField("duration_ms", step.durationMs());
    json.writeNumberField("retries", step.retries());
    json.writeEndObject();
  }
}
