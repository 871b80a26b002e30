package dev.runtrail.testkit;

import dev.runtrail.telemetry.RunStatus;
import dev.runtrail.telemetry.core.export.FinishedRun;
import dev.runtrail.telemetry.core.export.RetryRecord;
import dev.runtrail.telemetry.core.export.StepRecord;
import dev.runtrail.testkit.internal.Describe;
import dev.runtrail.testkit.internal.Values;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.testing.assertj.SpanDataAssert;
import java.util.Objects;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on one finished step of a run.
 *
 * <pre>{@code
 * assertThat(captured).hasRun("deploy")
 *     .hasStep("main/verify/healthz").withRetries(1).withExitCode(137).failedWith("E_HEALTH_TIMEOUT")
 *     .hasStep("main/deploy/api").withStatus(OK).isChildOf(null);
 * }</pre>
 */
public final class StepAssert extends AbstractAssert<StepAssert, StepRecord> {

  private final FinishedRun run;
  private final RunAssert runAssert;

  StepAssert(StepRecord step, FinishedRun run, RunAssert runAssert) {
    super(step, StepAssert.class);
    this.run = run;
    this.runAssert = runAssert;
  }

  /** The step ended with this status. */
  public StepAssert withStatus(RunStatus status) {
    isNotNull();
    if (actual.status() != status) {
      fail("Expected " + ref() + " to end " + status.label() + " but it ended " + Describe.step(actual)
          + messageNote());
    }
    return this;
  }

  /** The step failed with this error code. */
  public StepAssert failedWith(String errorCode) {
    isNotNull();
    if (actual.status() != RunStatus.FAILED || !Objects.equals(actual.errorCode(), errorCode)) {
      fail("Expected " + ref() + " to fail with " + Describe.quote(errorCode) + " but it ended "
          + Describe.step(actual) + messageNote());
    }
    return this;
  }

  /** The step's error (or cancellation) message contains this text. */
  public StepAssert withErrorMessageContaining(String text) {
    isNotNull();
    if (actual.errorMessage() == null || !actual.errorMessage().contains(text)) {
      fail("Expected the error message of " + ref() + " to contain " + Describe.quote(text) + " but it was "
          + Describe.quote(actual.errorMessage()));
    }
    return this;
  }

  /** The step was retried this many times. */
  public StepAssert withRetries(int count) {
    isNotNull();
    if (actual.retries().size() != count) {
      fail("Expected " + ref() + " to have " + count + (count == 1 ? " retry" : " retries") + " but it had "
          + actual.retries().size() + (actual.retries().isEmpty() ? "" : ": "
              + Describe.list(actual.retries(), StepAssert::retry)));
    }
    return this;
  }

  /** The step's process exited with this code. */
  public StepAssert withExitCode(int exitCode) {
    isNotNull();
    if (actual.exitCode() == null || actual.exitCode() != exitCode) {
      fail("Expected " + ref() + " to have exit code " + exitCode + " but it had "
          + (actual.exitCode() == null ? "none" : actual.exitCode()));
    }
    return this;
  }

  /** The step's stderr tail contains this text. */
  public StepAssert withStderrTailContaining(String text) {
    isNotNull();
    if (actual.stderrTail() == null || !actual.stderrTail().contains(text)) {
      fail("Expected the stderr tail of " + ref() + " to contain " + Describe.quote(text) + " but it was "
          + Describe.quote(actual.stderrTail()));
    }
    return this;
  }

  /** A step attribute has this value. */
  public <T> StepAssert hasAttribute(AttributeKey<T> key, T value) {
    return hasAttribute(key.getKey(), value);
  }

  /** A step attribute (by key) has this value; numbers compare by value. */
  public StepAssert hasAttribute(String key, Object value) {
    isNotNull();
    if (!actual.attributes().containsKey(key) || !Values.same(value, actual.attributes().get(key))) {
      fail("Expected " + ref() + " to have attribute " + key + "=" + Describe.value(value) + " but its attributes were "
          + actual.attributes());
    }
    return this;
  }

  /** The step's span is a child of the step with this path, or of the run's root span when null. */
  public StepAssert isChildOf(String parentPath) {
    isNotNull();
    if (!Objects.equals(actual.parentPath(), parentPath)) {
      fail("Expected " + ref() + " to be a child of " + (parentPath == null ? "the run" : Describe.quote(parentPath))
          + " but its parent was " + (actual.parentPath() == null ? "the run" : Describe.quote(actual.parentPath())));
    }
    return this;
  }

  /** Another step of the same run. */
  public StepAssert hasStep(String path) {
    return requireRun("hasStep").hasStep(path);
  }

  /** The step's span as exported, with OpenTelemetry's {@code SpanDataAssert}. */
  public SpanDataAssert span() {
    isNotNull();
    RunAssert owner = requireRun("span()");
    return owner.stepSpan(actual);
  }

  /** Back to the run. */
  public RunAssert and() {
    return requireRun("and()");
  }

  private RunAssert requireRun(String what) {
    if (runAssert == null) {
      throw new IllegalStateException(what + " needs the step's run: start from assertThat(captured).hasRun(...)");
    }
    return runAssert;
  }

  private static String retry(RetryRecord retry) {
    return "#" + retry.attempt() + " exit " + retry.exitCode() + " " + retry.cause().label();
  }

  private String ref() {
    return "step " + Describe.quote(actual.path()) + (run == null ? "" : " of " + Describe.runRef(run));
  }

  private String messageNote() {
    return actual.errorMessage() == null ? "" : " with message " + Describe.quote(actual.errorMessage());
  }

  private void fail(String message) {
    failWithMessage("%s", message);
  }
}
