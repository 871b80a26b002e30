package dev.runtrail.telemetry.core.export;

import java.io.IOException;

/**
 * What a {@link RunExporter} throws when some runs of a batch were not exported, saying how many: core
 * counts them in {@code runtrail.telemetry.dropped{where="run_export"}}. Any other exception thrown by
 * {@link RunExporter#exportAll} counts every run of the batch.
 *
 * <pre>{@code
 * throw new RunExportException(failed.size(), "2 of 5 runs not stored: disk full");
 * }</pre>
 */
public class RunExportException extends IOException {

  private static final long serialVersionUID = 1L;

  private final int failedRuns;

  /**
   * @param failedRuns how many runs of the batch were not exported
   * @throws IllegalArgumentException if {@code failedRuns} is negative
   */
  public RunExportException(int failedRuns, String message) {
    this(failedRuns, message, null);
  }

  /**
   * @param failedRuns how many runs of the batch were not exported
   * @param cause the (first) failure
   * @throws IllegalArgumentException if {@code failedRuns} is negative
   */
  public RunExportException(int failedRuns, String message, Throwable cause) {
    super(message, cause);
    if (failedRuns < 0) {
      throw new IllegalArgumentException("failedRuns must not be negative, got " + failedRuns);
    }
    this.failedRuns = failedRuns;
  }

  /** How many runs of the batch were not exported. */
  public int failedRuns() {
    return failedRuns;
  }
}
