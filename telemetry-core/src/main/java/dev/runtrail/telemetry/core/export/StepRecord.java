package dev.runtrail.telemetry.core.export;

import dev.runtrail.telemetry.RunStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What one finished step did, already redacted. Immutable. */
public final class StepRecord {

  private final String path;
  private final String parentPath;
  private final String spanId;
  private final Instant startedAt;
  private final Instant endedAt;
  private final RunStatus status;
  private final Integer exitCode;
  private final String errorCode;
  private final String errorMessage;
  private final List<RetryRecord> retries;
  private final String stderrTail;
  private final Map<String, Object> attributes;

  /**
   * @param parentPath null for a top-level step
   * @param exitCode null when not set
   * @param errorCode null unless failed
   * @param errorMessage null unless failed or cancelled with a reason
   * @param stderrTail null when not set
   */
  public StepRecord(
      String path,
      String parentPath,
      String spanId,
      Instant startedAt,
      Instant endedAt,
      RunStatus status,
      Integer exitCode,
      String errorCode,
      String errorMessage,
      List<RetryRecord> retries,
      String stderrTail,
      Map<String, Object> attributes) {
    this.path = path;
    this.parentPath = parentPath;
    this.spanId = spanId;
    this.startedAt = startedAt;
    this.endedAt = endedAt;
    this.status = status;
    this.exitCode = exitCode;
    this.errorCode = errorCode;
    this.errorMessage = errorMessage;
    this.retries = List.copyOf(retries);
    this.stderrTail = stderrTail;
    this.attributes = Map.copyOf(attributes);
  }

  public String path() {
    return path;
  }

  public String parentPath() {
    return parentPath;
  }

  public String spanId() {
    return spanId;
  }

  public Instant startedAt() {
    return startedAt;
  }

  public Instant endedAt() {
    return endedAt;
  }

  public Duration duration() {
    return Duration.between(startedAt, endedAt);
  }

  public RunStatus status() {
    return status;
  }

  public Integer exitCode() {
    return exitCode;
  }

  public String errorCode() {
    return errorCode;
  }

  public String errorMessage() {
    return errorMessage;
  }

  public List<RetryRecord> retries() {
    return retries;
  }

  public String stderrTail() {
    return stderrTail;
  }

  /** Other attributes set on the step, by key; values are strings, numbers, booleans or lists. */
  public Map<String, Object> attributes() {
    return attributes;
  }

  @Override
  public String toString() {
    return "StepRecord{" + path + " " + status.label() + (errorCode == null ? "" : " " + errorCode) + "}";
  }
}
