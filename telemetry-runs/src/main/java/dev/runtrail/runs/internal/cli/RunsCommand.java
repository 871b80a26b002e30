package dev.runtrail.runs.internal.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code runtrail runs}: the verbs over the local run store. */
@Command(name = "runs", description = "Query and maintain the local run store.",
    mixinStandardHelpOptions = true,
    subcommands = {ListCommand.class, ShowCommand.class, DiffCommand.class, TailCommand.class, GrepCommand.class,
        ExportCommand.class, AuditCommand.class, OpenCommand.class, VerifyCommand.class, PruneCommand.class,
        ReindexCommand.class})
public final class RunsCommand implements Runnable {

  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "Missing verb: one of list, show, diff, tail, grep, export,"
        + " audit, open, verify, prune, reindex");
  }
}
