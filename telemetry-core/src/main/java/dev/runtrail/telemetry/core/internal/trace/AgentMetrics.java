package dev.runtrail.telemetry.core.internal.trace;

import dev.runtrail.telemetry.attributes.AgentAttributes;
import dev.runtrail.telemetry.attributes.GenAiAttributes;
import dev.runtrail.telemetry.core.internal.metrics.RunMetrics;
import io.opentelemetry.api.common.AttributeKey;

/**
 * Seed 001's agent metrics, fed by the attributes apps already set: token usage, queue depth and
 * queue wait become meters when set on a run or step.
 */
final class AgentMetrics {

  private AgentMetrics() {}

  static <T> void onAttribute(RunMetrics metrics, RunFacts run, AttributeKey<T> key, T value) {
    if (!(value instanceof Long)) {
      return;
    }
    long number = (Long) value;
    if (key.equals(AgentAttributes.TOKEN_USAGE_INPUT)) {
      metrics.tokens("input", model(run), number);
    } else if (key.equals(AgentAttributes.TOKEN_USAGE_OUTPUT)) {
      metrics.tokens("output", model(run), number);
    } else if (key.equals(AgentAttributes.QUEUE_DEPTH)) {
      metrics.queueDepth(run.name, number);
    } else if (key.equals(AgentAttributes.QUEUE_WAIT_MS)) {
      metrics.queueWait(run.name, number);
    }
  }

  private static String model(RunFacts run) {
    String model = run.customAttribute(GenAiAttributes.REQUEST_MODEL);
    return model == null ? "none" : model;
  }
}
