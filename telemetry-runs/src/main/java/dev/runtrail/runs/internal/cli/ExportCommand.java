package dev.runtrail.runs.internal.cli;

import dev.runtrail.runs.internal.index.IndexedRun;
import dev.runtrail.runs.internal.index.RunFilter;
import dev.runtrail.runs.internal.index.RunIndex;
import dev.runtrail.runs.internal.summary.Timestamps;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code runtrail runs export --format csv|json}: the matching runs for other tools. */
@Command(name = "export", description = "Export runs (with the list filters) as CSV (RFC 4180) or JSON.")
final class ExportCommand extends VerbCommand {

  /** The export formats. */
  enum Format { csv, json }

  static final List<String> COLUMNS = List.of("run_id", "name", "env", "target", "plan_hash", "started_at",
      "ended_at", "duration_ms", "status", "error_code", "failed_step", "retries", "runner", "ticket", "git_sha",
      "git_branch", "dir");

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "csv",
      description = "csv or json (default ${DEFAULT-VALUE}; --json means json).")
  Format format;

  @Option(names = "--env", paramLabel = "ENV", description = "Only runs in this env.")
  String env;

  @Option(names = "--target", paramLabel = "TARGET", description = "Only runs on this target.")
  String target;

  @Option(names = "--since", paramLabel = "AGE|DATE", converter = Since.Converter.class,
      description = "Only runs started since then.")
  Since since;

  @Option(names = "--status", paramLabel = "STATUS", converter = Converters.Status.class, description = "Only runs with this status.")
  String status;

  @Option(names = "--plan-hash", paramLabel = "HASH", converter = Converters.PlanHash.class,
      description = "Only runs of this plan.")
  String planHash;

  @Override
  public Integer call() {
    RunFilter filter = new RunFilter(env, target, since == null ? null : since.resolve(environment().clock()), status,
        planHash, 0);
    RunStore runStore = store.store();
    List<IndexedRun> runs = List.of();
    if (runStore.exists()) {
      try (RunIndex index = runStore.openIndex()) {
        runs = index.queries().list(filter);
      }
    }
    if (store.json() || format == Format.json) {
      List<IndexedRun> rows = runs;
      JsonOutput.print(out(), json -> {
        json.writeStartArray();
        for (IndexedRun run : rows) {
          JsonOutput.run(json, run);
        }
        json.writeEndArray();
      });
    } else {
      csv(out(), runs);
    }
    return ExitCodes.OK;
  }

  private static void csv(PrintWriter out, List<IndexedRun> runs) {
    out.print(String.join(",", COLUMNS) + "\r\n");
    for (IndexedRun run : runs) {
      Object[] cells = {run.runId(), run.name(), run.env(), run.target(), run.planHash(),
          Timestamps.format(run.startedAt()), Timestamps.format(run.endedAt()), run.durationMs(), run.status(),
          run.errorCode(), run.failedStep(), run.retries(), run.runner(), run.ticket(), run.gitSha(), run.gitBranch(),
          run.dir()};
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < cells.length; i++) {
        line.append(i == 0 ? "" : ",").append(CsvCells.of(cells[i]));
      }
      out.print(line.append("\r\n"));
    }
    out.flush();
  }
}
