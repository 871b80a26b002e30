package dev.runtrail.testkit;

import dev.runtrail.telemetry.core.export.FinishedRun;
import dev.runtrail.testkit.internal.Describe;
import io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions;
import io.opentelemetry.sdk.testing.assertj.SpanDataAssert;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on everything a test captured; the way in to runs, spans and the leak check.
 *
 * <pre>{@code
 * assertThat(captured).hasRunCount(1).hasRun("deploy").withStatus(OK);
 * assertThat(captured).hasSpan("main/deploy/api").hasAttribute(StepAttributes.EXIT_CODE, 0L);
 * assertThat(captured).leaksNoCanaries().hasNoDroppedTelemetry();
 * }</pre>
 */
public final class CapturedAssert extends AbstractAssert<CapturedAssert, Captured> {

  CapturedAssert(Captured captured) {
    super(captured, CapturedAssert.class);
  }

  /** The one finished run with this name; fails listing the captured runs when there is none or several. */
  public RunAssert hasRun(String name) {
    isNotNull();
    List<FinishedRun> named = new ArrayList<>();
    for (FinishedRun run : actual.runs()) {
      if (run.name().equals(name)) {
        named.add(run);
      }
    }
    if (named.isEmpty()) {
      fail("Expected a run named " + Describe.quote(name) + " but captured runs were: "
          + Describe.runs(actual.runs()) + actual.openRunsNote());
    }
    if (named.size() > 1) {
      fail("Expected one run named " + Describe.quote(name) + " but " + named.size() + " were captured: "
          + Describe.list(named, FinishedRun::runId) + "; pick one with hasRunWithId(runId)");
    }
    return new RunAssert(named.get(0), actual);
  }

  /** The finished run with this id. */
  public RunAssert hasRunWithId(String runId) {
    isNotNull();
    for (FinishedRun run : actual.runs()) {
      if (run.runId().equals(runId)) {
        return new RunAssert(run, actual);
      }
    }
    fail("Expected a run with id " + runId + " but captured runs were: "
        + Describe.list(actual.runs(), run -> run.runId() + " " + Describe.run(run)) + actual.openRunsNote());
    return null;
  }

  /** Exactly this many runs ended. */
  public CapturedAssert hasRunCount(int count) {
    isNotNull();
    List<FinishedRun> runs = actual.runs();
    if (runs.size() != count) {
      fail("Expected " + count + (count == 1 ? " run" : " runs") + " but " + runs.size() + " were captured: "
          + Describe.runs(runs) + actual.openRunsNote());
    }
    return this;
  }

  /** No run ended. */
  public CapturedAssert hasNoRuns() {
    isNotNull();
    if (!actual.runs().isEmpty()) {
      fail("Expected no runs but captured runs were: " + Describe.runs(actual.runs()));
    }
    return this;
  }

  /** The first exported span with this name, to assert on with OpenTelemetry's {@code SpanDataAssert}. */
  public SpanDataAssert hasSpan(String name) {
    isNotNull();
    List<SpanData> spans = actual.spans();
    for (SpanData span : spans) {
      if (span.getName().equals(name)) {
        return OpenTelemetryAssertions.assertThat(span);
      }
    }
    fail("Expected a span named " + Describe.quote(name) + " but exported spans were: " + Describe.spans(spans));
    return null;
  }

  /**
   * No canary handed out in this test appears anywhere in captured telemetry; the failure lists where each
   * was found. Fails when no canary was handed out, since then the check proves nothing.
   */
  public CapturedAssert leaksNoCanaries() {
    isNotNull();
    if (actual.canaries().isEmpty()) {
      fail("Expected no canary to leak, but no canary was handed out in this test, so the check proves"
          + " nothing; plant one first, e.g. captured.canary().githubToken()");
    }
    LeakReport report = actual.scanForLeaks();
    if (!report.isClean()) {
      fail("Expected no canary to leak. " + report.describe());
    }
    return this;
  }

  /** Runtrail dropped no telemetry (no full queue, failed export or closed-run event). */
  public CapturedAssert hasNoDroppedTelemetry() {
    isNotNull();
    Map<String, Long> dropped = actual.droppedCounts();
    if (!dropped.isEmpty()) {
      fail("Expected Runtrail to drop no telemetry but it dropped, by place: " + dropped);
    }
    return this;
  }

  private void fail(String message) {
    failWithMessage("%s", message);
  }
}
