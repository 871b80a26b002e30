package dev.runtrail.runs.internal.summary;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One step in {@code summary.json}.
 *
 * @param parentPath null for a top-level step
 * @param exitCode null when not set
 * @param attempts the retries, in order: each the attempt that failed and was retried
 */
public record StepSummary(
    String path,
    String spanId,
    String parentPath,
    Instant startedAt,
    Instant endedAt,
    String status,
    Integer exitCode,
    String errorCode,
    String errorMessage,
    List<Attempt> attempts,
    String stderrTail,
    Map<String, Object> attributes) {

  public StepSummary {
    attempts = List.copyOf(attempts);
    attributes = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(attributes));
  }

  public long durationMs() {
    return Duration.between(startedAt, endedAt).toMillis();
  }

  public int retries() {
    return attempts.size();
  }

  public boolean isFailed() {
    return "failed".equals(status);
  }

  /**
   * One retried attempt.
   *
   * @param cause {@code timeout}, {@code transient_error}, {@code resource_exhausted} or {@code unknown}
   */
  public record Attempt(int n, int exitCode, String cause, Instant at) {}
}
