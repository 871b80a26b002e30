package dev.runtrail.telemetry.attributes;

import io.opentelemetry.api.common.AttributeKey;

/**
 * The attribute schema for AI agent runs (seed 001's {@code infra_agent.*} schema, under
 * {@code runtrail.*}). Token usage uses the GenAI semantic convention names; see also
 * {@link GenAiAttributes}. Request, correlation and session ids are the run's
 * ({@link RunAttributes#REQUEST_ID}, {@link RunAttributes#CORRELATION_ID},
 * {@link RunAttributes#SESSION_ID}), and the agent's run id is the run id.
 */
public final class AgentAttributes {

  public static final AttributeKey<String> REQUEST_ID = RunAttributes.REQUEST_ID;
  public static final AttributeKey<String> CORRELATION_ID = RunAttributes.CORRELATION_ID;
  public static final AttributeKey<String> SESSION_ID = RunAttributes.SESSION_ID;
  public static final AttributeKey<String> RUN_ID = RunAttributes.RUN_ID;
  public static final AttributeKey<String> ORGANIZATION_ID = RunAttributes.ORGANIZATION_ID;

  /** Which agent ran, e.g. {@code terraform-remediator}. */
  public static final AttributeKey<String> AGENT_SLUG = AttributeKey.stringKey("runtrail.agent.slug");

  public static final AttributeKey<String> TASK_TYPE = AttributeKey.stringKey("runtrail.task.type");
  public static final AttributeKey<String> TASK_PRIORITY = AttributeKey.stringKey("runtrail.task.priority");
  /** What triggered the task: {@code webhook}, {@code schedule}, {@code chat}, ... */
  public static final AttributeKey<String> TRIGGER_SOURCE = AttributeKey.stringKey("runtrail.trigger.source");

  public static final AttributeKey<Long> ITERATION_COUNT = AttributeKey.longKey("runtrail.iteration.count");
  public static final AttributeKey<Long> MAX_ITERATIONS = AttributeKey.longKey("runtrail.iteration.max");
  public static final AttributeKey<Long> TOKEN_USAGE_INPUT = GenAiAttributes.USAGE_INPUT_TOKENS;
  public static final AttributeKey<Long> TOKEN_USAGE_OUTPUT = GenAiAttributes.USAGE_OUTPUT_TOKENS;
  public static final AttributeKey<Long> TOOL_CALLS_COUNT = AttributeKey.longKey("runtrail.tool_calls.count");

  public static final AttributeKey<Long> SESSION_RESTORE_MS =
      AttributeKey.longKey("runtrail.perf.session_restore_ms");
  public static final AttributeKey<Long> REPO_CLONE_MS = AttributeKey.longKey("runtrail.perf.repo_clone_ms");
  public static final AttributeKey<Long> PIPELINE_WAIT_MS =
      AttributeKey.longKey("runtrail.perf.pipeline_wait_ms");
  public static final AttributeKey<Long> TOTAL_DURATION_MS =
      AttributeKey.longKey("runtrail.perf.total_duration_ms");

  public static final AttributeKey<Long> QUEUE_DEPTH = AttributeKey.longKey("runtrail.queue.depth");
  public static final AttributeKey<Long> QUEUE_WAIT_MS = AttributeKey.longKey("runtrail.queue.wait_ms");

  public static final AttributeKey<Boolean> CREDENTIAL_ISSUED =
      AttributeKey.booleanKey("runtrail.credential.issued");
  public static final AttributeKey<String> CREDENTIAL_SCOPE = AttributeKey.stringKey("runtrail.credential.scope");
  /** When the issued credential expires, ISO-8601 UTC. */
  public static final AttributeKey<String> CREDENTIAL_EXPIRES_AT =
      AttributeKey.stringKey("runtrail.credential.expires_at");

  private AgentAttributes() {}
}
