package dev.runtrail.telemetry.trail;

import java.time.Duration;
import java.util.Map;

/**
 * The structured, append-only record of what a run did: which tools it called with which arguments,
 * what came back, which credentials were issued, which policies decided what. Separate from logs and
 * chat transcripts, and queryable.
 *
 * <p>Each accepted event gets a per-run sequence number, gap-free and strictly increasing even with
 * concurrent recorders, and is redacted before any sink sees it. Methods return that number, or
 * {@code 0} when the event was not recorded (telemetry disabled, run already closed, or the delivery
 * queue stayed full — then the drop is counted and reported).
 *
 * <pre>{@code
 * ActionTrail trail = run.trail();
 * trail.toolCall("read-file", Map.of("path", "main.tf"));
 * trail.toolResult("read-file", Map.of("size", 2340));
 * trail.credentialIssued("management.azure.com", Duration.ofHours(1));
 * trail.prCreated("https://github.com/org/repo/pull/42", "agent/fix-123");
 * }</pre>
 */
public interface ActionTrail {

  /**
   * Records an event of any type.
   *
   * @param type a name matching {@code [a-z][a-z0-9_.]{0,63}}, see {@link TrailEventTypes}
   * @param data strings, numbers, booleans, null, lists and nested maps
   * @throws IllegalArgumentException if the type name is invalid
   */
  long record(String type, Map<String, ?> data);

  /** {@code tool_call {tool, args}}. */
  long toolCall(String tool, Map<String, ?> args);

  /** {@code tool_result {tool, ...result}}. */
  long toolResult(String tool, Map<String, ?> result);

  /** {@code credential_issued {scope, ttl}} with the ttl in seconds. The credential itself never goes here. */
  long credentialIssued(String scope, Duration ttl);

  /** {@code policy_evaluated {policy, decision, reason}}, e.g. {@code ("deny_network", "deny", "egress to 0.0.0.0/0")}. */
  long policyEvaluated(String policy, String decision, String reason);

  /** {@code pipeline_triggered {pipelineId, type}}. */
  long pipelineTriggered(String pipelineId, String type);

  /** {@code pr_created {url, branch}}. */
  long prCreated(String url, String branch);

  /** {@code human_input_requested {prompt}}. */
  long humanInputRequested(String prompt);

  /** {@code human_input_received {user, input}}. */
  long humanInputReceived(String user, String input);

  /** {@code error {error_code, message}}. */
  long error(String errorCode, String message);

  /** {@code budget_warning {budget, used, limit}}, e.g. tokens or dollars. */
  long budgetWarning(String budget, double used, double limit);

  /** {@code decorator_used {decorator, parameter, script, line, duration_ms, exit_code|status_code, user, runner}}. */
  long decoratorUsed(DecoratorUsage usage);

  /** The id of the run this trail belongs to (empty when disabled). */
  String runId();
}
