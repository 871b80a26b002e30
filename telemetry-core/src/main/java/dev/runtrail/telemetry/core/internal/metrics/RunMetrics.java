package dev.runtrail.telemetry.core.internal.metrics;

import dev.runtrail.telemetry.RetryCause;
import dev.runtrail.telemetry.RunStatus;

/**
 * What Runtrail tells its metrics as runs happen. The Micrometer implementation turns these calls into
 * the meters of {@code docs/metrics.md}; {@link #NOOP} ignores them. Implementations never throw.
 */
public interface RunMetrics {

  RunMetrics NOOP = new RunMetrics() {};

  /** The tags a run contributes to every run-level meter, resolved once per run. */
  interface RunTags {
    RunTags NONE = new RunTags() {};
  }

  default RunTags runStarted(String env, String target, String planId, String planVersion) {
    return RunTags.NONE;
  }

  default void runEnded(RunTags run, RunStatus status, String errorCode, long durationNanos) {}

  default void stepEnded(RunTags run, String stepPath, RunStatus status, long durationNanos) {}

  default void stepRetried(RunTags run, String stepPath, RetryCause cause) {}

  default void trailEvent(String type) {}

  default void toolCall(String tool) {}

  default void policyEvaluated(String policy, String decision) {}

  default void tokens(String direction, String model, long count) {}

  default void queueDepth(String queue, long depth) {}

  default void queueWait(String queue, long millis) {}

  default void redaction(String rule) {}

  default void dropped(String where, long count) {}

  /** {@code events} accepted trail events that the durable sink {@code sink} failed to persist. */
  default void trailGap(String sink, long events) {}

  /**
   * Creates the self-monitoring counters at zero (drops by place, gaps of each durable sink), so that
   * alert rules see the first increment instead of a series appearing already at 1.
   */
  default void initialize(java.util.List<String> durableSinks) {}
}
