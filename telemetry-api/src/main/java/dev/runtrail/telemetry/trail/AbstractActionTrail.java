package dev.runtrail.telemetry.trail;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Implements the typed helpers of {@link ActionTrail} on top of {@link #record(String, Map)}, with the
 * field names of the seeds. Implementations only provide {@code record} and {@code runId}.
 */
public abstract class AbstractActionTrail implements ActionTrail {

  @Override
  public long toolCall(String tool, Map<String, ?> args) {
    Map<String, Object> data = new LinkedHashMap<>(4);
    data.put("tool", tool);
    data.put("args", args == null ? Map.of() : args);
    return record(TrailEventTypes.TOOL_CALL, data);
  }

  @Override
  public long toolResult(String tool, Map<String, ?> result) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("tool", tool);
    if (result != null) {
      data.putAll(result);
    }
    return record(TrailEventTypes.TOOL_RESULT, data);
  }

  @Override
  public long credentialIssued(String scope, Duration ttl) {
    Map<String, Object> data = new LinkedHashMap<>(4);
    data.put("scope", scope);
    data.put("ttl", ttl == null ? null : ttl.toSeconds());
    return record(TrailEventTypes.CREDENTIAL_ISSUED, data);
  }

  @Override
  public long policyEvaluated(String policy, String decision, String reason) {
    Map<String, Object> data = new LinkedHashMap<>(4);
    data.put("policy", policy);
    data.put("decision", decision);
    data.put("reason", reason);
    return record(TrailEventTypes.POLICY_EVALUATED, data);
  }

  @Override
  public long pipelineTriggered(String pipelineId, String type) {
    Map<String, Object> data = new LinkedHashMap<>(4);
    data.put("pipelineId", pipelineId);
    data.put("type", type);
    return record(TrailEventTypes.PIPELINE_TRIGGERED, data);
  }

  @Override
  public long prCreated(String url, String branch) {
    Map<String, Object> data = new LinkedHashMap<>(4);
    data.put("url", url);
    data.put("branch", branch);
    return record(TrailEventTypes.PR_CREATED, data);
  }

  @Override
  public long humanInputRequested(String prompt) {
    Map<String, Object> data = new LinkedHashMap<>(2);
    data.put("prompt", prompt);
    return record(TrailEventTypes.HUMAN_INPUT_REQUESTED, data);
  }

  @Override
  public long humanInputReceived(String user, String input) {
    Map<String, Object> data = new LinkedHashMap<>(4);
    data.put("user", user);
    data.put("input", input);
    return record(TrailEventTypes.HUMAN_INPUT_RECEIVED, data);
  }

  @Override
  public long error(String errorCode, String message) {
    Map<String, Object> data = new LinkedHashMap<>(4);
    data.put("error_code", errorCode);
    data.put("message", message);
    return record(TrailEventTypes.ERROR, data);
  }

  @Override
  public long budgetWarning(String budget, double used, double limit) {
    Map<String, Object> data = new LinkedHashMap<>(4);
    data.put("budget", budget);
    data.put("used", used);
    data.put("limit", limit);
    return record(TrailEventTypes.BUDGET_WARNING, data);
  }

  @Override
  public long decoratorUsed(DecoratorUsage usage) {
    return record(TrailEventTypes.DECORATOR_USED, usage.toData());
  }
}
