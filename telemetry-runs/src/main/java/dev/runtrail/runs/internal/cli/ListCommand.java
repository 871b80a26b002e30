package dev.runtrail.runs.internal.cli;

import dev.runtrail.runs.internal.index.IndexedRun;
import dev.runtrail.runs.internal.index.RunFilter;
import dev.runtrail.runs.internal.index.RunIndex;
import dev.runtrail.runs.internal.summary.Durations;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code runtrail runs list}: runs from the index, newest first. */
@Command(name = "list", description = "List runs, newest first.")
final class ListCommand extends VerbCommand {

  @Option(names = "--env", paramLabel = "ENV", description = "Only runs in this env.")
  String env;

  @Option(names = "--target", paramLabel = "TARGET", description = "Only runs on this target.")
  String target;

  @Option(names = "--since", paramLabel = "AGE|DATE", converter = Since.Converter.class,
      description = "Only runs started since then: 30m, 48h, 7d, 2w, or a UTC date/instant.")
  Since since;

  @Option(names = "--status", paramLabel = "STATUS", converter = Converters.Status.class,
      description = "Only runs with this status: ok, failed, cancelled.")
  String status;

  @Option(names = "--plan-hash", paramLabel = "HASH", converter = Converters.PlanHash.class,
      description = "Only runs of this plan (a hash or its prefix).")
  String planHash;

  @Option(names = "--limit", paramLabel = "N", defaultValue = "50",
      description = "Show at most N runs (0 = all; default ${DEFAULT-VALUE}).")
  int limit;

  @Override
  public Integer call() {
    if (limit < 0) {
      throw CliException.usage("--limit must be 0 or more, not " + limit);
    }
    RunFilter filter = new RunFilter(env, target, since == null ? null : since.resolve(environment().clock()), status,
        planHash, limit);
    RunStore runStore = store.store();
    List<IndexedRun> runs = List.of();
    long total = 0;
    if (runStore.exists()) {
      try (RunIndex index = runStore.openIndex()) {
        runs = index.queries().list(filter);
        total = limit > 0 && runs.size() == limit ? index.queries().count(filter) : runs.size();
      }
    }
    if (store.json()) {
      printJson(runStore, runs, total);
    } else {
      printTable(runStore, runs, total);
    }
    return ExitCodes.OK;
  }

  private void printJson(RunStore runStore, List<IndexedRun> runs, long total) {
    JsonOutput.print(out(), json -> {
      json.writeStartObject();
      json.writeStringField("runs_dir", runStore.root().toString());
      json.writeNumberField("total", total);
      json.writeArrayFieldStart("runs");
      for (IndexedRun run : runs) {
        JsonOutput.run(json, run);
      }
      json.writeEndArray();
      json.writeEndObject();
    });
  }

  private void printTable(RunStore runStore, List<IndexedRun> runs, long total) {
    if (runs.isEmpty()) {
      out().println("No runs match" + (runStore.exists() ? " in " + runStore.root() : " (no run store at "
          + runStore.root() + ")") + ".");
      return;
    }
    TextTable table = new TextTable("RUN ID", "STARTED (UTC)", "ENV", "TARGET", "STATUS", "DURATION>", "RETRIES>",
        "FAILED STEP", "PLAN").maxWidth(3, 24).maxWidth(7, 40);
    for (IndexedRun run : runs) {
      table.row(run.runId(), humanTime(run.startedAt()), run.env(), run.target(), run.status(),
          Durations.format(run.durationMs()), run.retries(), run.failedStep(), shortHash(run.planHash()));
    }
    table.print(out());
    out().println("Showing " + runs.size() + " of " + total + (total == 1 ? " run" : " runs")
        + (runs.size() < total ? " (use --limit to see more)" : "") + ".");
  }
}
