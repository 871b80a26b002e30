package dev.runtrail.testkit;

import dev.runtrail.telemetry.core.export.FinishedRun;
import dev.runtrail.telemetry.core.export.StepRecord;
import dev.runtrail.telemetry.trail.TrailEvent;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.testing.assertj.AttributesAssert;
import io.opentelemetry.sdk.testing.assertj.EventDataAssert;
import io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions;
import io.opentelemetry.sdk.testing.assertj.SpanDataAssert;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.assertj.core.api.Assertions;

/**
 * Entry point for assertions on captured telemetry, and everything of AssertJ's {@link Assertions} and
 * OpenTelemetry's span assertions besides, so one static import does:
 *
 * <pre>{@code
 * import static dev.runtrail.testkit.RuntrailAssertions.assertThat;
 *
 * assertThat(captured).hasRun("deploy").withStatus(FAILED)
 *     .hasStep("main/verify/healthz").withRetries(1).withExitCode(137).failedWith("E_HEALTH_TIMEOUT");
 * assertThat(captured.trail()).containsSequence(TOOL_CALL, TOOL_RESULT).hasNoGaps();
 * assertThat(captured.meters()).counter("runtrail.runs.completed").withTags("status", "failed").hasCount(1);
 * assertThat(captured.logs()).everyLineOf(captured.run("deploy")).carriesRunId();
 * assertThat(captured).leaksNoCanaries();
 * }</pre>
 *
 * <p>Failure messages show what was captured instead of what was expected.
 */
public class RuntrailAssertions extends Assertions {

  /** For subclasses that add their own entry points. */
  protected RuntrailAssertions() {}

  /** Runs, spans, canaries and dropped telemetry of a test. */
  public static CapturedAssert assertThat(Captured captured) {
    return new CapturedAssert(captured);
  }

  /** One finished run (without a {@link Captured}: {@code trail()}, {@code span()} and {@code and()} are unavailable). */
  public static RunAssert assertThat(FinishedRun run) {
    return new RunAssert(run, null);
  }

  /** One finished step. */
  public static StepAssert assertThat(StepRecord step) {
    return new StepAssert(step, null, null);
  }

  /** Action trail events. */
  public static TrailAssert assertThat(CapturedTrail trail) {
    return new TrailAssert(trail);
  }

  /** One action trail event. */
  public static TrailEventAssert assertThat(TrailEvent event) {
    return new TrailEventAssert(event, null);
  }

  /** Meters recorded on a registry, e.g. {@link Captured#meters()}. */
  public static MetricsAssert assertThat(MeterRegistry registry) {
    return new MetricsAssert(registry);
  }

  /** A test's log lines. */
  public static LogsAssert assertThat(CapturedLogs logs) {
    return new LogsAssert(logs);
  }

  /** The app's own formatted log output, as its appenders and handlers write it. */
  public static AppLogsAssert assertThat(AppLogs logs) {
    return new AppLogsAssert(logs);
  }

  /** OpenTelemetry's assertions on an exported span. */
  public static SpanDataAssert assertThat(SpanData span) {
    return OpenTelemetryAssertions.assertThat(span);
  }

  /** OpenTelemetry's assertions on a span event. */
  public static EventDataAssert assertThat(EventData event) {
    return OpenTelemetryAssertions.assertThat(event);
  }

  /** OpenTelemetry's assertions on attributes. */
  public static AttributesAssert assertThat(Attributes attributes) {
    return OpenTelemetryAssertions.assertThat(attributes);
  }
}
