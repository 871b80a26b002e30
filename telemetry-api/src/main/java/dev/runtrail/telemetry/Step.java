package dev.runtrail.telemetry;

import dev.runtrail.telemetry.internal.ContextKeys;
import dev.runtrail.telemetry.internal.NoopStep;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;

/**
 * One step of a run, a span of kind INTERNAL. Succeeds by default when closed; {@link #fail} marks
 * it failed. Closing twice is harmless, and a step may be closed on another thread than it was opened
 * on.
 *
 * <pre>{@code
 * try (Step verify = run.step("main/verify/healthz")) {
 *   verify.retry(1, 137, RetryCause.TIMEOUT);
 *   verify.stderrTail(stderr);
 *   verify.fail("E_HEALTH_TIMEOUT", cause);
 * }
 * }</pre>
 */
public interface Step extends AutoCloseable {

  /** The step current on this thread, or a no-op step. Never null. */
  static Step current() {
    Step step = Context.current().get(ContextKeys.STEP);
    return step != null ? step : NoopStep.INSTANCE;
  }

  /** The step's path, e.g. {@code main/verify/healthz}. */
  String path();

  /** The step span's context (invalid when disabled). */
  SpanContext spanContext();

  /**
   * Records that the step is retried: a {@code retry} span event {@code {n, exit_code, cause}} and the
   * {@code runtrail.step.retries} metric.
   *
   * @param attempt the retry number, starting at 1
   * @param exitCode the exit code of the attempt that failed
   */
  Step retry(int attempt, int exitCode, RetryCause cause);

  /** {@link #retry(int, int, RetryCause)} with the cause implied by the exit code. */
  Step retry(int attempt, int exitCode);

  /** The exit code of the process the step ran. */
  Step exitCode(int exitCode);

  /**
   * The end of the step's standard error, kept to the last lines and bytes (configurable) and
   * redacted, as a {@code stderr_tail} span event.
   */
  Step stderrTail(String stderr);

  /** Sets an attribute on the step's span (redacted). */
  <T> Step attribute(AttributeKey<T> key, T value);

  /**
   * Marks the step failed: span status ERROR, {@code error.type} = the error code, and the exception
   * recorded with its message and stack trace redacted.
   */
  Step fail(String errorCode, Throwable cause);

  /** Marks the step failed with an error code and a message. */
  Step fail(String errorCode, String message);

  /** Marks the step cancelled. */
  Step cancel(String reason);

  /** The status so far. */
  RunStatus status();

  /** Starts a child step {@code path() + "/" + name}, current on this thread. */
  Step step(String name);

  /** Makes this step current on this thread until the scope is closed. */
  Scope makeCurrent();

  /**
   * Ends the step (its span ends with this moment as its end time, possibly in the background, after the
   * trail events recorded in the step); if it was current on this thread, restores what was current before.
   */
  @Override
  void close();
}
