package dev.runtrail.testkit;

import dev.runtrail.telemetry.RunStatus;
import dev.runtrail.telemetry.attributes.RunAttributes;
import dev.runtrail.telemetry.core.export.FinishedRun;
import dev.runtrail.telemetry.core.export.StepRecord;
import dev.runtrail.testkit.internal.Describe;
import dev.runtrail.testkit.internal.Values;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions;
import io.opentelemetry.sdk.testing.assertj.SpanDataAssert;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on one finished run, as run exporters received it.
 *
 * <pre>{@code
 * assertThat(captured).hasRun("deploy")
 *     .withStatus(FAILED).withErrorCode("E_HEALTH_TIMEOUT").withFailedStep("main/verify/healthz")
 *     .hasStep("main/verify/healthz").withRetries(1).withExitCode(137)
 *     .and().trail().containsSequence(TOOL_CALL, TOOL_RESULT);
 * }</pre>
 */
public final class RunAssert extends AbstractAssert<RunAssert, FinishedRun> {

  private final Captured captured;

  RunAssert(FinishedRun run, Captured captured) {
    super(run, RunAssert.class);
    this.captured = captured;
  }

  /** The run ended with this status. */
  public RunAssert withStatus(RunStatus status) {
    isNotNull();
    if (actual.status() != status) {
      fail("Expected " + ref() + " to end " + status.label() + " but it ended " + Describe.run(actual)
          + failureNote());
    }
    return this;
  }

  /** The run's error code (its own, or its first failed step's) is this one. */
  public RunAssert withErrorCode(String errorCode) {
    isNotNull();
    if (!Objects.equals(actual.errorCode(), errorCode)) {
      fail("Expected " + ref() + " to have error code " + Describe.value(errorCode) + " but it ended "
          + Describe.run(actual) + failureNote());
    }
    return this;
  }

  /** The run's error message contains this text. */
  public RunAssert withErrorMessageContaining(String text) {
    isNotNull();
    if (actual.errorMessage() == null || !actual.errorMessage().contains(text)) {
      fail("Expected the error message of " + ref() + " to contain " + Describe.quote(text) + " but it was "
          + Describe.quote(actual.errorMessage()));
    }
    return this;
  }

  /** The first step that failed (by end time) has this path. */
  public RunAssert withFailedStep(String path) {
    isNotNull();
    if (!Objects.equals(actual.failedStep(), path)) {
      fail("Expected the failed step of " + ref() + " to be " + Describe.quote(path) + " but it was "
          + Describe.quote(actual.failedStep()) + "; steps: " + Describe.steps(actual.steps()));
    }
    return this;
  }

  /** The run's environment. */
  public RunAssert withEnv(String env) {
    isNotNull();
    if (!Objects.equals(actual.env(), env)) {
      fail("Expected " + ref() + " to run in env " + Describe.quote(env) + " but its env was "
          + Describe.quote(actual.env()));
    }
    return this;
  }

  /** The run's target. */
  public RunAssert withTarget(String target) {
    isNotNull();
    if (!Objects.equals(actual.target(), target)) {
      fail("Expected " + ref() + " to act on target " + Describe.quote(target) + " but its target was "
          + Describe.quote(actual.target()));
    }
    return this;
  }

  /** The steps of the run were retried this many times in all. */
  public RunAssert withRetries(int total) {
    isNotNull();
    if (actual.retries() != total) {
      List<String> perStep = new ArrayList<>();
      for (StepRecord step : actual.steps()) {
        if (!step.retries().isEmpty()) {
          perStep.add(step.path() + ": " + step.retries().size());
        }
      }
      fail("Expected " + ref() + " to have " + total + " retries in all but it had " + actual.retries()
          + (perStep.isEmpty() ? "" : " " + perStep));
    }
    return this;
  }

  /** A run attribute (set on the builder or with {@code run.attribute}) has this value. */
  public <T> RunAssert hasAttribute(AttributeKey<T> key, T value) {
    return hasAttribute(key.getKey(), value);
  }

  /** A run attribute (by key) has this value; numbers compare by value. */
  public RunAssert hasAttribute(String key, Object value) {
    isNotNull();
    if (!actual.attributes().containsKey(key) || !Values.same(value, actual.attributes().get(key))) {
      fail("Expected " + ref() + " to have attribute " + key + "=" + Describe.value(value) + " but its attributes"
          + " were " + actual.attributes());
    }
    return this;
  }

  /** The step with this path; fails listing the run's steps when there is none. */
  public StepAssert hasStep(String path) {
    isNotNull();
    for (StepRecord step : actual.steps()) {
      if (step.path().equals(path)) {
        return new StepAssert(step, actual, this);
      }
    }
    fail("Expected " + ref() + " to have a step " + Describe.quote(path) + " but its steps were: "
        + Describe.steps(actual.steps()));
    return null;
  }

  /** The run's steps are exactly these, in start order. */
  public RunAssert hasSteps(String... paths) {
    isNotNull();
    List<String> actualPaths = new ArrayList<>();
    for (StepRecord step : actual.steps()) {
      actualPaths.add(step.path());
    }
    if (!actualPaths.equals(Arrays.asList(paths))) {
      fail("Expected " + ref() + " to have steps " + Arrays.toString(paths) + " (in start order) but they were: "
          + Describe.steps(actual.steps()));
    }
    return this;
  }

  /** The run's trail events (needs the run to come from {@code assertThat(captured).hasRun(...)}). */
  public TrailAssert trail() {
    isNotNull();
    return new TrailAssert(requireCaptured("trail()").trail().ofRun(actual.runId()));
  }

  /** The run's root span as exported, with OpenTelemetry's {@code SpanDataAssert}. */
  public SpanDataAssert span() {
    isNotNull();
    List<SpanData> exported = requireCaptured("span()").spans();
    for (SpanData span : exported) {
      if (actual.runId().equals(span.getAttributes().get(RunAttributes.RUN_ID)) && span.getName().equals(actual.name())
          && isRoot(span, exported)) {
        return OpenTelemetryAssertions.assertThat(span);
      }
    }
    fail("Expected the root span of " + ref() + " among the exported spans but they were: "
        + Describe.spans(exported) + (actual.spansSampled() ? "" : " (the run's spans were not sampled)"));
    return null;
  }

  SpanDataAssert stepSpan(StepRecord step) {
    List<SpanData> exported = requireCaptured("span()").spans();
    for (SpanData span : exported) {
      if (span.getSpanId().equals(step.spanId())) {
        return OpenTelemetryAssertions.assertThat(span);
      }
    }
    fail("Expected the span of step " + Describe.quote(step.path()) + " of " + ref() + " among the exported spans"
        + " but they were: " + Describe.spans(exported)
        + (actual.spansSampled() ? "" : " (the run's spans were not sampled)"));
    return null;
  }

  /** Back to the captured telemetry, e.g. to check another run. */
  public CapturedAssert and() {
    return new CapturedAssert(requireCaptured("and()"));
  }

  private static boolean isRoot(SpanData span, List<SpanData> spans) {
    for (SpanData other : spans) {
      if (other.getSpanId().equals(span.getParentSpanId())) {
        return false;
      }
    }
    return true;
  }

  private Captured requireCaptured(String what) {
    if (captured == null) {
      throw new IllegalStateException(what + " needs the run's Captured: start from assertThat(captured).hasRun(...)");
    }
    return captured;
  }

  String ref() {
    return Describe.runRef(actual);
  }

  private String failureNote() {
    String note = actual.errorMessage() == null ? "" : " with message " + Describe.quote(actual.errorMessage());
    return actual.failedStep() == null ? note : note + " (failed step " + Describe.quote(actual.failedStep()) + ")";
  }

  private void fail(String message) {
    failWithMessage("%s", message);
  }
}
