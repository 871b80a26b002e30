package dev.runtrail.runs.internal.cli;

import dev.runtrail.runs.cli.RuntrailCli;
import dev.runtrail.runs.internal.index.IndexException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine;

/** Assembles the picocli command line and maps failures to exit codes and one-line messages. */
public final class Cli {

  private Cli() {}

  /** A command line for {@code runtrail}, printing to {@code out} and {@code err}. */
  public static CommandLine commandLine(CliEnvironment environment, PrintWriter out, PrintWriter err) {
    CommandLine commandLine = new CommandLine(new RuntrailCli(), new CliFactory(environment));
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setExecutionExceptionHandler(Cli::handle);
    return commandLine;
  }

  private static int handle(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
    PrintWriter err = commandLine.getErr();
    int code;
    if (e instanceof CliException) {
      err.println("runtrail: " + e.getMessage());
      code = ((CliException) e).exitCode();
    } else if (e instanceof CommandLine.ParameterException) {
      err.println("runtrail: " + e.getMessage());
      commandLine.usage(err);
      code = ExitCodes.USAGE;
    } else if (e instanceof IndexException || e instanceof UncheckedIOException || e instanceof java.io.IOException) {
      err.println("runtrail: run store error: " + e.getMessage());
      code = ExitCodes.STORE_ERROR;
    } else {
      err.println("runtrail: internal error: " + e);
      e.printStackTrace(err);
      code = ExitCodes.STORE_ERROR;
    }
    err.flush();
    return code;
  }
}
