package dev.runtrail.telemetry;

/** Why a step was retried; becomes the {@code cause} tag of {@code runtrail.step.retries}. */
public enum RetryCause {
  TIMEOUT("timeout"),
  TRANSIENT_ERROR("transient_error"),
  RESOURCE_EXHAUSTED("resource_exhausted"),
  UNKNOWN("unknown");

  private final String label;

  RetryCause(String label) {
    this.label = label;
  }

  /** The lower-case label used in events, summaries and metric tags. */
  public String label() {
    return label;
  }

  /**
   * The cause implied by a process exit code: 124 (the status {@code timeout(1)} documents) is
   * {@link #TIMEOUT}; anything else is {@link #UNKNOWN}, because a code alone (137 may be a deadline
   * or the OOM killer) does not say more. Pass the cause explicitly when you know it.
   */
  public static RetryCause fromExitCode(int exitCode) {
    return exitCode == 124 ? TIMEOUT : UNKNOWN;
  }
}
