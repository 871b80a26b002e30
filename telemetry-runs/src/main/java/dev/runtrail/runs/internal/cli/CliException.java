package dev.runtrail.runs.internal.cli;

/** Ends a command with a message on stderr and an exit code (see {@link ExitCodes}). */
public final class CliException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int exitCode;

  public CliException(int exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  public int exitCode() {
    return exitCode;
  }

  public static CliException notFound(String message) {
    return new CliException(ExitCodes.NOT_FOUND, message);
  }

  public static CliException usage(String message) {
    return new CliException(ExitCodes.USAGE, message);
  }
}
