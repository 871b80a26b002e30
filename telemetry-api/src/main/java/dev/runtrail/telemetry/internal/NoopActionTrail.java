package dev.runtrail.telemetry.internal;

import dev.runtrail.telemetry.trail.ActionTrail;
import dev.runtrail.telemetry.trail.DecoratorUsage;
import java.time.Duration;
import java.util.Map;

/** The trail of a disabled telemetry: records nothing, allocates nothing. Not public API. */
public final class NoopActionTrail implements ActionTrail {

  public static final NoopActionTrail INSTANCE = new NoopActionTrail();

  private NoopActionTrail() {}

  @Override
  public long record(String type, Map<String, ?> data) {
    return 0;
  }

  @Override
  public long toolCall(String tool, Map<String, ?> args) {
    return 0;
  }

  @Override
  public long toolResult(String tool, Map<String, ?> result) {
    return 0;
  }

  @Override
  public long credentialIssued(String scope, Duration ttl) {
    return 0;
  }

  @Override
  public long policyEvaluated(String policy, String decision, String reason) {
    return 0;
  }

  @Override
  public long pipelineTriggered(String pipelineId, String type) {
    return 0;
  }

  @Override
  public long prCreated(String url, String branch) {
    return 0;
  }

  @Override
  public long humanInputRequested(String prompt) {
    return 0;
  }

  @Override
  public long humanInputReceived(String user, String input) {
    return 0;
  }

  @Override
  public long error(String errorCode, String message) {
    return 0;
  }

  @Override
  public long budgetWarning(String budget, double used, double limit) {
    return 0;
  }

  @Override
  public long decoratorUsed(DecoratorUsage usage) {
    return 0;
  }

  @Override
  public String runId() {
    return "";
  }
}
