package dev.runtrail.telemetry.core.context;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtrail.telemetry.RunContext;
import dev.runtrail.telemetry.attributes.RunAttributes;
import dev.runtrail.telemetry.core.TestTelemetry;
import dev.runtrail.telemetry.propagation.Incoming;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A reactive server's request, restored on a thread without OpenTelemetry's context, reaches the runs. */
class CurrentRequestTest {

  static final String CALLER_TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
  static final String CALLER_SPAN = "00f067aa0ba902b7";
  static final String SERVER_SPAN = "b7ad6b7169203331";

  @TempDir Path runsDir;
  TestTelemetry t;
  Incoming request;

  @BeforeEach
  void setUp() {
    t = TestTelemetry.create(runsDir);
    request = t.telemetry.propagation().extract(Map.of(
        "traceparent", "00-" + CALLER_TRACE + "-" + CALLER_SPAN + "-01", "X-Correlation-ID", "corr-reactive-1"));
  }

  @AfterEach
  void tearDown() {
    CurrentRequest.set(null);
    t.close();
  }

  @Test
  void withNoSpanCurrentARunContinuesTheRequestsCallerWithItsCorrelationId() {
    CurrentRequest.set(request);
    t.telemetry.run("deploy").start().close();

    SpanData run = t.span("deploy");
    assertThat(run.getTraceId()).isEqualTo(CALLER_TRACE);
    assertThat(run.getParentSpanId()).isEqualTo(CALLER_SPAN);
    assertThat(run.getAttributes().get(RunAttributes.CORRELATION_ID)).isEqualTo("corr-reactive-1");
  }

  @Test
  void underAServerSpanOfTheFrameworksARunNestsThereAndStillTakesTheRequestsCorrelationId() {
    CurrentRequest.set(request);
    SpanContext server = SpanContext.create(CALLER_TRACE, SERVER_SPAN, TraceFlags.getSampled(), TraceState.getDefault());
    try (Scope scope = Context.root().with(Span.wrap(server)).makeCurrent()) {
      t.telemetry.run("deploy").start().close();
    }

    SpanData run = t.span("deploy");
    assertThat(run.getParentSpanId()).isEqualTo(SERVER_SPAN);
    assertThat(run.getAttributes().get(RunAttributes.CORRELATION_ID)).isEqualTo("corr-reactive-1");
  }

  @Test
  void clearedItLeavesRunsAsWithoutARequest() {
    CurrentRequest.set(request);
    CurrentRequest.set(null);
    try (RunContext run = t.telemetry.run("deploy").start()) {
      assertThat(run.correlationId()).isNotEqualTo("corr-reactive-1");
    }
    assertThat(t.span("deploy").getTraceId()).isNotEqualTo(CALLER_TRACE);
    assertThat(CurrentRequest.get()).isNull();
  }
}
