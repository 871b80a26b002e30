package dev.runtrail.telemetry.attributes;

import io.opentelemetry.api.common.AttributeKey;

/**
 * Attributes of a run, set on every span of the run. Keys that an OpenTelemetry semantic convention
 * already names use that exact key ({@code cicd.pipeline.*}, {@code deployment.environment.name},
 * {@code vcs.ref.head.*}, {@code cicd.worker.id}); the rest live under {@code runtrail.*}.
 *
 * <pre>{@code
 * telemetry.run("deploy").env("prod").attribute(RunAttributes.TENANT_ID, "t-1").start();
 * }</pre>
 */
public final class RunAttributes {

  /** The run id, {@code run-<yyyyMMdd-HHmmss>-<short>} (semconv {@code cicd.pipeline.run.id}). */
  public static final AttributeKey<String> RUN_ID = AttributeKey.stringKey("cicd.pipeline.run.id");

  /** The run's name, e.g. {@code deploy} (semconv {@code cicd.pipeline.name}). */
  public static final AttributeKey<String> RUN_NAME = AttributeKey.stringKey("cicd.pipeline.name");

  /**
   * The run's outcome on its root span (semconv {@code cicd.pipeline.result}): {@code success},
   * {@code failure} or {@code cancellation}.
   */
  public static final AttributeKey<String> RUN_RESULT = AttributeKey.stringKey("cicd.pipeline.result");

  /** Deployment environment, e.g. {@code prod} (semconv {@code deployment.environment.name}). */
  public static final AttributeKey<String> ENV = AttributeKey.stringKey("deployment.environment.name");

  /** What the run acts on, e.g. a service or a cluster ({@code opal.target} in seed 000). */
  public static final AttributeKey<String> TARGET = AttributeKey.stringKey("runtrail.target");

  /** sha256 (hex) of the resolved plan in canonical JSON. */
  public static final AttributeKey<String> PLAN_HASH = AttributeKey.stringKey("runtrail.plan.hash");

  /** The plan's identifier in the app's catalog (seed 002 {@code planId}). */
  public static final AttributeKey<String> PLAN_ID = AttributeKey.stringKey("runtrail.plan.id");

  /** The plan's version (seed 002 {@code planVersion}). */
  public static final AttributeKey<String> PLAN_VERSION = AttributeKey.stringKey("runtrail.plan.version");

  /** The machine or agent executing the run (semconv {@code cicd.worker.id}; seed 000 {@code runner.id}). */
  public static final AttributeKey<String> RUNNER_ID = AttributeKey.stringKey("cicd.worker.id");

  /** A change ticket the run belongs to, e.g. {@code OPS-1234}. */
  public static final AttributeKey<String> TICKET = AttributeKey.stringKey("runtrail.ticket");

  /** Git commit the run executes (semconv {@code vcs.ref.head.revision}). */
  public static final AttributeKey<String> GIT_SHA = AttributeKey.stringKey("vcs.ref.head.revision");

  /** Git branch or tag the run executes (semconv {@code vcs.ref.head.name}). */
  public static final AttributeKey<String> GIT_BRANCH = AttributeKey.stringKey("vcs.ref.head.name");

  /** Tenant the run is executed for (seed 002 {@code tenantId}). */
  public static final AttributeKey<String> TENANT_ID = AttributeKey.stringKey("runtrail.tenant.id");

  /** Organization the run is executed for (seed 001 {@code infra_agent.organization.id}). */
  public static final AttributeKey<String> ORGANIZATION_ID =
      AttributeKey.stringKey("runtrail.organization.id");

  /** Correlation id tying dispatch, execution, output and follow-ups together. */
  public static final AttributeKey<String> CORRELATION_ID =
      AttributeKey.stringKey("runtrail.correlation.id");

  /** Id of the request that triggered the run (seed 001 {@code infra_agent.request.id}). */
  public static final AttributeKey<String> REQUEST_ID = AttributeKey.stringKey("runtrail.request.id");

  /** Session the run belongs to, e.g. an agent conversation (seed 001 {@code infra_agent.session.id}). */
  public static final AttributeKey<String> SESSION_ID = AttributeKey.stringKey("runtrail.session.id");

  /** The execution engine's attempt id (seed 002 {@code engineAttemptId}). */
  public static final AttributeKey<String> ENGINE_ATTEMPT_ID =
      AttributeKey.stringKey("runtrail.attempt.engine_id");

  /** The logical attempt id, stable across engine retries (seed 002 {@code logicalAttemptId}). */
  public static final AttributeKey<String> LOGICAL_ATTEMPT_ID =
      AttributeKey.stringKey("runtrail.attempt.logical_id");

  /** The engine adapter executing the run, e.g. {@code temporal} (seed 002 {@code adapter}). */
  public static final AttributeKey<String> ADAPTER = AttributeKey.stringKey("runtrail.adapter");

  /** Prefix of policy flags: {@code policy("deny_network", true)} sets {@code runtrail.policy.deny_network}. */
  public static final String POLICY_PREFIX = "runtrail.policy.";

  /**
   * The boolean attribute key of a policy flag such as {@code deny_network} or {@code readonly_fs}.
   *
   * @throws IllegalArgumentException if the flag is not a lower-case identifier ({@code [a-z][a-z0-9_]*})
   */
  public static AttributeKey<Boolean> policyFlag(String flag) {
    if (!isPolicyFlagName(flag)) {
      throw new IllegalArgumentException(
          "Invalid policy flag name '" + flag + "': use a lower-case identifier such as deny_network");
    }
    return AttributeKey.booleanKey(POLICY_PREFIX + flag);
  }

  static boolean isPolicyFlagName(String flag) {
    if (flag == null || flag.isEmpty() || flag.length() > 64) {
      return false;
    }
    char first = flag.charAt(0);
    if (first < 'a' || first > 'z') {
      return false;
    }
    for (int i = 1; i < flag.length(); i++) {
      char c = flag.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  private RunAttributes() {}
}
