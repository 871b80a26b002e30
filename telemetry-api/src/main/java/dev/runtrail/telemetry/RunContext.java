package dev.runtrail.telemetry;

import dev.runtrail.telemetry.internal.ContextKeys;
import dev.runtrail.telemetry.internal.NoopRunContext;
import dev.runtrail.telemetry.trail.ActionTrail;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;

/**
 * One execution of a plan, workflow, pipeline or agent task: the root span of a trace, an action
 * trail, metrics, and (with telemetry-runs) a folder of artifacts.
 *
 * <p>Starting a run makes it current on the calling thread (OpenTelemetry context and SLF4J MDC
 * {@code trace_id}, {@code span_id}, {@code trace_flags}, {@code run_id}, {@code correlation_id});
 * closing it restores what was there before. Closing twice is harmless, and a run may be closed on a
 * thread other than the one that started it.
 *
 * <pre>{@code
 * try (RunContext run = telemetry.run("deploy")
 *         .env("prod").target("api")
 *         .plan(resolvedPlanJson)
 *         .git("abc123", "release/1.2.0").runner("runner-12")
 *         .start()) {
 *   try (Step step = run.step("main/deploy/api")) {
 *     run.trail().toolCall("kubectl", Map.of("args", "apply -f k8s/api/"));
 *   }
 * }
 * }</pre>
 *
 * <p>The status is {@link RunStatus#OK} unless {@link #fail} or {@link #cancel} is called, or a step
 * of the run failed (then the run fails with the first failed step's error code).
 */
public interface RunContext extends AutoCloseable {

  /** The run current on this thread, or a no-op run when there is none. Never null. */
  static RunContext current() {
    RunContext run = Context.current().get(ContextKeys.RUN);
    return run != null ? run : NoopRunContext.INSTANCE;
  }

  /** The run id, {@code run-<yyyyMMdd-HHmmss>-<short>} in UTC; empty when telemetry is disabled. */
  String runId();

  /** The run's name. */
  String name();

  /** sha256 (lower-case hex) of the plan in canonical JSON; empty without a plan or when disabled. */
  String planHash();

  /** The correlation id: the caller's, one inherited from an incoming request, or a generated one. */
  String correlationId();

  /** The root span's context (invalid when disabled). */
  SpanContext spanContext();

  /** Whether this run records anything (false for the no-op run). */
  boolean isRecording();

  /**
   * Starts a step and makes it current on this thread until it is closed. The step's span is a child
   * of the nearest open step whose path is a prefix of {@code path} (so {@code main/verify/healthz}
   * nests under an open {@code main/verify}), else of the run's root span.
   *
   * @param path slash-separated step path, e.g. {@code main/verify/healthz}
   */
  Step step(String path);

  /**
   * Starts a step without making it current, for work handed to another thread; call
   * {@link Step#makeCurrent()} on the thread that does the work.
   */
  Step startStep(String path);

  /** The run's action trail. */
  ActionTrail trail();

  /** Sets an attribute on the run's root span (redacted like every value that leaves the process). */
  <T> RunContext attribute(AttributeKey<T> key, T value);

  /**
   * Marks the run failed with an error code such as {@code E_DEPLOY_ROLLBACK}.
   *
   * @param cause recorded (redacted) on the root span, may be null
   */
  RunContext fail(String errorCode, Throwable cause);

  /** Marks the run failed with an error code and a message. */
  RunContext fail(String errorCode, String message);

  /** Marks the run cancelled. */
  RunContext cancel(String reason);

  /** The status so far ({@link RunStatus#OK} until failed or cancelled). */
  RunStatus status();

  /** Makes the run current on this thread (context and MDC) until the scope is closed. */
  Scope makeCurrent();

  /**
   * Ends the run: closes steps left open (as cancelled), decides its status, ends the root span and hands
   * the trail to its sinks. Like a batch span processor, an enabled telemetry may finish the job in the
   * background: the spans end with the times they were closed, after the trail events recorded in them,
   * and closing the telemetry waits for all of it. With synchronous export (the testkit's), everything
   * is done when this returns.
   */
  @Override
  void close();

  /** Describes a run before it starts. Not thread-safe; {@link #start()} once. */
  interface Builder {

    /** Deployment environment, e.g. {@code prod}. */
    Builder env(String env);

    /** What the run acts on, e.g. {@code api}. */
    Builder target(String target);

    /**
     * The resolved plan as JSON. Its hash (sha256 of canonical JSON) identifies the run's plan
     * whatever the formatting or key order; the plan is stored redacted.
     *
     * @throws IllegalArgumentException if the text is not JSON
     */
    Builder plan(String planJson);

    /** Plan id and version in the app's catalog (metric tags, seed 002). */
    Builder plan(String planId, String planVersion);

    /** Git commit and branch. */
    Builder git(String sha, String branch);

    /** The machine or agent executing the run. */
    Builder runner(String runnerId);

    /** A change ticket, e.g. {@code OPS-1234}. */
    Builder ticket(String ticket);

    /** A policy flag such as {@code deny_network} or {@code readonly_fs}. */
    Builder policy(String flag, boolean enabled);

    /** A value resolved into the plan, e.g. {@code ("@env.API_TOKEN", token)}; stored redacted. */
    Builder resolvedValue(String reference, String value);

    /** Uses this correlation id instead of generating one. */
    Builder correlationId(String correlationId);

    /** The session the run belongs to (an agent conversation, a CI pipeline instance). */
    Builder sessionId(String sessionId);

    /** Any other attribute, set on every span of the run. */
    <T> Builder attribute(AttributeKey<T> key, T value);

    /**
     * The context to continue, e.g. one extracted from an incoming request. By default the run
     * continues the current context's span if there is one and starts a fresh trace otherwise.
     */
    Builder parent(Context parent);

    /** Starts the run and makes it current on this thread. */
    RunContext start();
  }
}
