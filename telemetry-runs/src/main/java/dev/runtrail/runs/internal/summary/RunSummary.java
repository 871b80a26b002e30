package dev.runtrail.runs.internal.summary;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What {@code summary.json} holds about one run (see docs/run-store-format.md): built from a finished
 * run when it is written, read back from the file for the index and the CLI.
 *
 * @param planHash null when the run had no plan
 * @param status {@code ok}, {@code failed} or {@code cancelled}
 * @param spansSampled whether run-level sampling exported the run's spans; null when unknown
 */
public record RunSummary(
    String runId,
    String name,
    String planHash,
    String planId,
    String planVersion,
    String target,
    String env,
    Instant startedAt,
    Instant endedAt,
    String status,
    String errorCode,
    String errorMessage,
    String failedStep,
    String runner,
    String ticket,
    String traceId,
    Boolean spansSampled,
    String correlationId,
    String sessionId,
    String gitSha,
    String gitBranch,
    Map<String, Boolean> policy,
    Map<String, Object> attributes,
    List<StepSummary> steps) {

  /** The summary format's identifier, written as {@code schema}. */
  public static final String SCHEMA = "runtrail.summary/v1";

  public RunSummary {
    policy = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(policy));
    attributes = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(attributes));
    steps = List.copyOf(steps);
  }

  public long durationMs() {
    return Duration.between(startedAt, endedAt).toMillis();
  }

  /** Sum of the steps' retries. */
  public int retries() {
    int total = 0;
    for (StepSummary step : steps) {
      total += step.retries();
    }
    return total;
  }

  public boolean isFailed() {
    return "failed".equals(status);
  }

  /** The step at this path (the first, if a path repeats), or null. */
  public StepSummary step(String path) {
    for (StepSummary step : steps) {
      if (step.path().equals(path)) {
        return step;
      }
    }
    return null;
  }
}
