package dev.runtrail.runs.internal.cli;

/** The CLI's exit codes (documented in telemetry-runs/README.md). */
public final class ExitCodes {

  /** Success (also: a list or search that matched nothing). */
  public static final int OK = 0;
  /** The run was not found, a run reference was ambiguous, or {@code verify} found a mismatch. */
  public static final int NOT_FOUND = 1;
  /** Bad arguments (picocli's usage error code). */
  public static final int USAGE = 2;
  /** The run store could not be read or written (I/O error, damaged index). */
  public static final int STORE_ERROR = 3;

  private ExitCodes() {}
}
