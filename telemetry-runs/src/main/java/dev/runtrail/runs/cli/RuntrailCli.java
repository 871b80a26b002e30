package dev.runtrail.runs.cli;

import dev.runtrail.runs.internal.cli.Cli;
import dev.runtrail.runs.internal.cli.CliEnvironment;
import dev.runtrail.runs.internal.cli.RunsCommand;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code runtrail} command line: {@code runtrail runs list|show|diff|tail|grep|export|audit|open|verify|prune|reindex}.
 * Tables for people by default, {@code --json} for machines. Exit codes: 0 success, 1 run not found (or
 * ambiguous) or plan verification mismatch, 2 bad arguments, 3 the run store could not be read or written.
 *
 * <pre>{@code
 * $ runtrail runs list --env prod --since 48h
 * $ runtrail runs show run-20250920-102231-3f2a9c
 * }</pre>
 */
@Command(name = "runtrail", description = "Runtrail: what ran, where it got to, what it touched, what changed.",
    mixinStandardHelpOptions = true, versionProvider = RuntrailCli.Version.class, subcommands = RunsCommand.class)
public final class RuntrailCli implements Runnable {

  @Spec
  CommandSpec spec;

  /** For picocli. */
  public RuntrailCli() {}

  /** Runs the command line and exits the JVM with its exit code. */
  public static void main(String[] args) {
    quietLogging();
    System.exit(execute(args));
  }

  /**
   * The CLI reports what matters itself; libraries' SLF4J logging (sqlite-jdbc) goes nowhere unless the
   * user picks a provider with {@code -Dslf4j.provider=...}, and SLF4J's "no provider" notice is not
   * printed over the command's output.
   */
  private static void quietLogging() {
    if (System.getProperty("slf4j.provider") == null) {
      System.setProperty("slf4j.provider", "org.slf4j.helpers.NOP_FallbackServiceProvider");
    }
    if (System.getProperty("slf4j.internal.verbosity") == null) {
      System.setProperty("slf4j.internal.verbosity", "WARN");
    }
  }

  /** Runs the command line against the process's environment, printing to stdout and stderr; returns the exit code. */
  public static int execute(String... args) {
    Charset charset = Charset.defaultCharset();
    PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, charset), true);
    PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, charset), true);
    return Cli.commandLine(CliEnvironment.system(), out, err).execute(args);
  }

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "Missing command: runs");
  }

  /** The version from the jar's manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = RuntrailCli.class.getPackage().getImplementationVersion();
      return new String[] {"runtrail " + (version == null ? "(development build)" : version)};
    }
  }
}
