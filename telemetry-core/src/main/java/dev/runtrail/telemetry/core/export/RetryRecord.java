package dev.runtrail.telemetry.core.export;

import dev.runtrail.telemetry.RetryCause;
import java.time.Instant;

/** One retry of a step: the attempt number, the failed attempt's exit code, why, and when. */
public final class RetryRecord {

  private final int attempt;
  private final int exitCode;
  private final RetryCause cause;
  private final Instant at;

  public RetryRecord(int attempt, int exitCode, RetryCause cause, Instant at) {
    this.attempt = attempt;
    this.exitCode = exitCode;
    this.cause = cause;
    this.at = at;
  }

  public int attempt() {
    return attempt;
  }

  public int exitCode() {
    return exitCode;
  }

  public RetryCause cause() {
    return cause;
  }

  public Instant at() {
    return at;
  }
}
