package dev.runtrail.telemetry.trail;

import dev.runtrail.telemetry.internal.OrderedData;
import java.time.Duration;
import java.util.Map;

/**
 * Implements the typed helpers of {@link ActionTrail} on top of {@link #record(String, Map)}, with the
 * field names of the seeds. Implementations only provide {@code record} and {@code runId}.
 */
public abstract class AbstractActionTrail implements ActionTrail {

  @Override
  public long toolCall(String tool, Map<String, ?> args) {
    return record(TrailEventTypes.TOOL_CALL, OrderedData.builder(2)
        .put("tool", tool)
        .put("args", args == null ? Map.of() : args)
        .build());
  }

  @Override
  public long toolResult(String tool, Map<String, ?> result) {
    OrderedData.Builder data = OrderedData.builder(1 + (result == null ? 0 : result.size()));
    data.put("tool", tool);
    if (result != null) {
      result.forEach((key, value) -> data.put(String.valueOf(key), value));
    }
    return record(TrailEventTypes.TOOL_RESULT, data.build());
  }

  @Override
  public long credentialIssued(String scope, Duration ttl) {
    return record(TrailEventTypes.CREDENTIAL_ISSUED, OrderedData.builder(2)
        .put("scope", scope)
        .put("ttl", ttl == null ? null : ttl.toSeconds())
        .build());
  }

  @Override
  public long policyEvaluated(String policy, String decision, String reason) {
    return record(TrailEventTypes.POLICY_EVALUATED, OrderedData.builder(3)
        .put("policy", policy)
        .put("decision", decision)
        .put("reason", reason)
        .build());
  }

  @Override
  public long pipelineTriggered(String pipelineId, String type) {
    return record(TrailEventTypes.PIPELINE_TRIGGERED, OrderedData.builder(2)
        .put("pipelineId", pipelineId)
        .put("type", type)
        .build());
  }

  @Override
  public long prCreated(String url, String branch) {
    return record(TrailEventTypes.PR_CREATED, OrderedData.builder(2)
        .put("url", url)
        .put("branch", branch)
        .build());
  }

  @Override
  public long humanInputRequested(String prompt) {
    return record(TrailEventTypes.HUMAN_INPUT_REQUESTED, OrderedData.builder(1)
        .put("prompt", prompt)
        .build());
  }

  @Override
  public long humanInputReceived(String user, String input) {
    return record(TrailEventTypes.HUMAN_INPUT_RECEIVED, OrderedData.builder(2)
        .put("user", user)
        .put("input", input)
        .build());
  }

  @Override
  public long error(String errorCode, String message) {
    return record(TrailEventTypes.ERROR, OrderedData.builder(2)
        .put("error_code", errorCode)
        .put("message", message)
        .build());
  }

  @Override
  public long budgetWarning(String budget, double used, double limit) {
    return record(TrailEventTypes.BUDGET_WARNING, OrderedData.builder(3)
        .put("budget", budget)
        .put("used", used)
        .put("limit", limit)
        .build());
  }

  @Override
  public long decoratorUsed(DecoratorUsage usage) {
    return record(TrailEventTypes.DECORATOR_USED, usage.toData());
  }
}
