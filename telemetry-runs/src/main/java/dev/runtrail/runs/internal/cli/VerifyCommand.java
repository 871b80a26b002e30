package dev.runtrail.runs.internal.cli;

import dev.runtrail.telemetry.core.plan.PlanHash;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code runtrail runs verify RUN --plan reviewed.json}: did the reviewed plan run? */
@Command(name = "verify", description = "Check that a run executed the reviewed plan: the plan file's hash"
    + " (sha256 of canonical JSON) must equal the run's plan_hash. Exit 1 on mismatch.")
final class VerifyCommand extends VerbCommand {

  @Parameters(index = "0", paramLabel = "RUN", description = "A run id (or a unique prefix of one).")
  String run;

  @Option(names = "--plan", required = true, paramLabel = "FILE", description = "The reviewed (unredacted) plan JSON.")
  Path plan;

  @Override
  public Integer call() {
    String reviewed = hashOf(plan);
    RunStore.LocatedRun located = store.store().locate(run);
    String executed = located.summary().planHash();
    boolean match = reviewed.equals(executed);
    if (store.json()) {
      JsonOutput.print(out(), json -> {
        json.writeStartObject();
        json.writeStringField("run_id", located.summary().runId());
        JsonOutput.field(json, "executed_plan_hash", executed);
        json.writeStringField("reviewed_plan_hash", reviewed);
        json.writeStringField("plan_file", plan.toString());
        json.writeBooleanField("match", match);
        json.writeEndObject();
      });
    } else if (match) {
      out().println("OK: run " + located.summary().runId() + " executed the reviewed plan (plan hash " + executed + ").");
    } else {
      out().println("MISMATCH: run " + located.summary().runId() + " did not execute the reviewed plan.");
      out().println("  executed plan hash:  " + (executed == null ? "(the run had no plan)" : executed));
      out().println("  reviewed plan hash:  " + reviewed + "  (" + plan + ")");
    }
    out().flush();
    return match ? ExitCodes.OK : ExitCodes.NOT_FOUND;
  }

  private static String hashOf(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw CliException.usage("Cannot read the plan file " + file + ": " + e);
    }
    try {
      return PlanHash.of(text);
    } catch (IllegalArgumentException e) {
      throw CliException.usage("The plan file " + file + " is not valid JSON: " + e.getMessage());
    }
  }
}
