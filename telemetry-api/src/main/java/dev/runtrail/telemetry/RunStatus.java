package dev.runtrail.telemetry;

/** How a run or a step ended. */
public enum RunStatus {
  /** Completed without a failure (the default when closed without {@code fail} or {@code cancel}). */
  OK("ok"),
  /** A failure was recorded with an error code. */
  FAILED("failed"),
  /** Stopped before completion, e.g. by an operator or a shutdown. */
  CANCELLED("cancelled");

  private final String label;

  RunStatus(String label) {
    this.label = label;
  }

  /** The lower-case label used in summaries, metric tags and the CLI: {@code ok}, {@code failed}, {@code cancelled}. */
  public String label() {
    return label;
  }

  /**
   * Parses a label (case-insensitive).
   *
   * @throws IllegalArgumentException naming the value and the accepted labels
   */
  public static RunStatus fromLabel(String label) {
    for (RunStatus status : values()) {
      if (status.label.equalsIgnoreCase(label)) {
        return status;
      }
    }
    throw new IllegalArgumentException(
        "Unknown run status '" + label + "' (expected one of: ok, failed, cancelled)");
  }
}
