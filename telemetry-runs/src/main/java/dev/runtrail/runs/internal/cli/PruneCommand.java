package dev.runtrail.runs.internal.cli;

import dev.runtrail.runs.internal.index.RunIndex;
import dev.runtrail.runs.remote.RemoteRunStore;
import dev.runtrail.runs.internal.retention.Pruner;
import dev.runtrail.runs.internal.retention.RetentionPolicy;
import dev.runtrail.runs.internal.summary.Timestamps;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code runtrail runs prune}: removes runs older than their env's retention, from disk and index. */
@Command(name = "prune", description = "Remove runs older than their env's retention from disk and index."
    + " Defaults: prod=90d, staging=30d, dev=7d, any other env 30d; RUNTRAIL_RETENTION and --keep override"
    + " them per env.")
final class PruneCommand extends VerbCommand {

  /** The environment variable (and, lower-cased with dots, the system property) holding retention entries. */
  static final String RETENTION_VARIABLE = "RUNTRAIL_RETENTION";
  static final String RETENTION_PROPERTY = "runtrail.retention";

  @Option(names = "--keep", paramLabel = "ENV=AGE,...", converter = Converters.Retention.class,
      description = "Retention per env, e.g. prod=90d,staging=30d,dev=7d,*=30d (d, w or h).")
  RetentionPolicy keep;

  @Option(names = "--dry-run", description = "Only list what would be removed.")
  boolean dryRun;

  @Override
  public Integer call() {
    RetentionPolicy policy = policy();
    RunStore runStore = store.store();
    List<Pruner.Pruned> pruned = List.of();
    if (runStore.exists()) {
      try (RunIndex index = runStore.openIndex(); RemoteRunStore remote = dryRun ? null : runStore.openRemote()) {
        pruned = new Pruner(index, runStore.folders(), policy, remote).prune(now(), dryRun);
      } catch (IllegalArgumentException e) {
        throw CliException.usage(e.getMessage());
      }
    }
    List<Pruner.Pruned> result = pruned;
    long failures = result.stream().filter(p -> p.failure() != null).count();
    if (store.json()) {
      JsonOutput.print(out(), json -> {
        json.writeStartObject();
        json.writeStringField("policy", policy.toString());
        json.writeBooleanField("dry_run", dryRun);
        json.writeArrayFieldStart(dryRun ? "would_remove" : "removed");
        for (Pruner.Pruned p : result) {
          json.writeStartObject();
          json.writeStringField("run_id", p.run().runId());
          JsonOutput.field(json, "env", p.run().env());
          json.writeStringField("started_at", Timestamps.format(p.run().startedAt()));
          JsonOutput.field(json, "failure", p.failure());
          json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
      });
    } else {
      text(out(), policy, result);
    }
    return failures == 0 ? ExitCodes.OK : ExitCodes.STORE_ERROR;
  }

  private void text(PrintWriter out, RetentionPolicy policy, List<Pruner.Pruned> pruned) {
    out.println("Retention: " + policy + (dryRun ? "  (dry run)" : ""));
    Map<String, Integer> byEnv = new TreeMap<>();
    for (Pruner.Pruned p : pruned) {
      if (p.failure() != null) {
        err().println("Not removed: " + p.run().runId() + ": " + p.failure());
        continue;
      }
      byEnv.merge(p.run().env() == null ? "(none)" : p.run().env(), 1, Integer::sum);
      out.println((dryRun ? "would remove " : "removed ") + p.run().runId() + "  " + p.run().env() + "  started "
          + Timestamps.format(p.run().startedAt()));
    }
    int total = byEnv.values().stream().mapToInt(Integer::intValue).sum();
    out.println((dryRun ? "Would remove " : "Removed ") + total + (total == 1 ? " run" : " runs")
        + (byEnv.isEmpty() ? "" : " " + byEnv) + ".");
    out.flush();
    err().flush();
  }

  private RetentionPolicy policy() {
    RetentionPolicy policy = RetentionPolicy.defaults();
    String property = environment().properties().getProperty(RETENTION_PROPERTY);
    String variable = environment().variables().get(RETENTION_VARIABLE);
    String configured = property != null ? property : variable;
    if (configured != null && !configured.isBlank()) {
      try {
        policy = policy.with(RetentionPolicy.parse(configured));
      } catch (IllegalArgumentException e) {
        throw CliException.usage((property != null ? RETENTION_PROPERTY : RETENTION_VARIABLE) + "='" + configured
            + "': " + e.getMessage());
      }
    }
    return keep == null ? policy : policy.with(keep);
  }
}
