package dev.runtrail.telemetry.core.propagation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runtrail.telemetry.RunContext;
import dev.runtrail.telemetry.Step;
import dev.runtrail.telemetry.attributes.RunAttributes;
import dev.runtrail.telemetry.attributes.StepAttributes;
import dev.runtrail.telemetry.core.TestTelemetry;
import dev.runtrail.telemetry.propagation.Incoming;
import dev.runtrail.telemetry.propagation.Message;
import dev.runtrail.telemetry.propagation.Propagation;
import dev.runtrail.telemetry.propagation.ServerScope;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.MDC;

class PropagationTest {

  @TempDir Path runsDir;
  TestTelemetry t;
  Propagation propagation;

  @BeforeEach
  void setUp() {
    MDC.clear();
    t = TestTelemetry.create(runsDir);
    propagation = t.telemetry.propagation();
  }

  @AfterEach
  void tearDown() {
    t.close();
    MDC.clear();
  }

  private Map<String, String> headersFromAStep() {
    Map<String, String> headers = new HashMap<>();
    try (RunContext run = t.telemetry.run("caller").correlationId("corr-123").start();
        Step step = run.step("main/call")) {
      propagation.inject(headers);
    }
    return headers;
  }

  @Test
  void injectWritesW3cTraceBaggageAndCorrelationHeaders() {
    Map<String, String> headers = headersFromAStep();
    SpanData step = t.span("main/call");
    assertThat(headers.get("traceparent"))
        .isEqualTo("00-" + step.getTraceId() + "-" + step.getSpanId() + "-01");
    assertThat(headers.get("baggage")).contains("correlation_id=corr-123").contains("run_id=run-");
    assertThat(headers.get("X-Correlation-ID")).isEqualTo("corr-123");
  }

  @Test
  void extractContinuesTheTraceAndTheCorrelationId() {
    Map<String, String> headers = headersFromAStep();
    Incoming incoming = propagation.extract(headers);
    assertThat(incoming.continuesTrace()).isTrue();
    assertThat(incoming.correlationId()).isEqualTo("corr-123");
    try (var scope = incoming.makeCurrent();
        RunContext run = t.telemetry.run("callee").start()) {
      assertThat(run.correlationId()).as("a run started inside inherits the correlation id").isEqualTo("corr-123");
      assertThat(run.spanContext().getTraceId()).isEqualTo(t.span("main/call").getTraceId());
    }
    assertThat(t.span("callee").getParentSpanId()).isEqualTo(t.span("main/call").getSpanId());
  }

  @Test
  void headerNamesAreMatchedIgnoringCase() {
    Map<String, String> headers = new HashMap<>();
    headersFromAStep().forEach((name, value) -> headers.put(name.toUpperCase(), value));
    Incoming incoming = propagation.extract(headers);
    assertThat(incoming.continuesTrace()).isTrue();
    assertThat(incoming.correlationId()).isEqualTo("corr-123");
  }

  @Test
  void correlationHeadersAloneAreEnough() {
    assertThat(propagation.extract(Map.of("X-Correlation-ID", "abc-1")).correlationId()).isEqualTo("abc-1");
    assertThat(propagation.extract(Map.of("x-request-id", "req-9")).correlationId()).isEqualTo("req-9");
    Incoming fromRequestId = propagation.extract(Map.of("X-Request-ID", "req-9"));
    assertThat(fromRequestId.continuesTrace()).isFalse();
  }

  @Test
  void requestWithoutHeadersGetsAFreshCorrelationId() {
    Incoming first = propagation.extract(Map.of());
    Incoming second = propagation.extract(Map.of());
    assertThat(first.correlationId()).isNotBlank().isNotEqualTo(second.correlationId());
    assertThat(first.continuesTrace()).isFalse();
  }

  @Test
  void unacceptableCorrelationIdsAreReplaced() {
    String injected = propagation.extract(Map.of("X-Correlation-ID", "evil\nFAKE LOG LINE")).correlationId();
    assertThat(injected).doesNotContain("\n").doesNotContain("FAKE");
    assertThat(propagation.extract(Map.of("X-Correlation-ID", "x".repeat(500))).correlationId()).hasSizeLessThan(129);
  }

  @Test
  void serveOpensAServerSpanAsAChildOfTheCaller() {
    Map<String, String> headers = headersFromAStep();
    try (ServerScope scope = propagation.serve("POST /deploy", headers)) {
      assertThat(MDC.get("correlation_id")).isEqualTo("corr-123");
      assertThat(MDC.get("span_id")).isEqualTo(scope.spanContext().getSpanId());
      assertThat(scope.responseHeaders()).containsEntry("X-Correlation-ID", "corr-123");
      scope.status(503);
    }
    SpanData server = t.span("POST /deploy");
    assertThat(server.getKind()).isEqualTo(SpanKind.SERVER);
    assertThat(server.getParentSpanId()).isEqualTo(t.span("main/call").getSpanId());
    assertThat(server.getTraceId()).isEqualTo(t.span("main/call").getTraceId());
    assertThat(server.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(server.getAttributes().get(StepAttributes.ERROR_TYPE)).isEqualTo("503");
    assertThat(server.getAttributes().get(RunAttributes.CORRELATION_ID)).isEqualTo("corr-123");
    assertThat(MDC.get("correlation_id")).as("restored after the request").isNull();
  }

  @Test
  void consumeOpensOneLinkedProcessingSpanPerMessage() throws Exception {
    Map<String, String> headers = headersFromAStep();
    String result = t.telemetry.consume(
        Message.of(headers).type("deploy.requested").id("evt-7").subject("api").system("nats"),
        correlationId -> {
          assertThat(MDC.get("correlation_id")).isEqualTo("corr-123");
          return "handled " + correlationId;
        });
    assertThat(result).isEqualTo("handled corr-123");
    SpanData process = t.span("process deploy.requested");
    SpanData producer = t.span("main/call");
    assertThat(process.getKind()).isEqualTo(SpanKind.CONSUMER);
    assertThat(process.getLinks()).singleElement()
        .satisfies(link -> assertThat(link.getSpanContext().getSpanId()).isEqualTo(producer.getSpanId()));
    assertThat(process.getAttributes().get(RunAttributes.CORRELATION_ID)).isEqualTo("corr-123");
    assertThat(process.getAttributes().get(AttributeKey.stringKey("cloudevents.event.type"))).isEqualTo("deploy.requested");
    assertThat(process.getAttributes().get(AttributeKey.stringKey("cloudevents.event.id"))).isEqualTo("evt-7");
    assertThat(process.getAttributes().get(AttributeKey.stringKey("cloudevents.event.subject"))).isEqualTo("api");
    assertThat(process.getAttributes().get(AttributeKey.stringKey("messaging.system"))).isEqualTo("nats");
  }

  @Test
  void failingHandlerMarksTheSpanAndRethrows() {
    assertThatThrownBy(() -> t.telemetry.consume(Message.of(Map.of()).type("deploy.requested"), id -> {
      throw new IllegalStateException("cannot deploy");
    })).isInstanceOf(IllegalStateException.class).hasMessage("cannot deploy");
    SpanData process = t.span("process deploy.requested");
    assertThat(process.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(process.getAttributes().get(StepAttributes.ERROR_TYPE)).isEqualTo(IllegalStateException.class.getName());
    assertThat(process.getEvents()).anySatisfy(e -> assertThat(e.getName()).isEqualTo("exception"));
  }

  @Test
  void eachMessageGetsItsOwnSpan() throws Exception {
    for (int i = 0; i < 3; i++) {
      t.telemetry.consume(Message.of(Map.of()).type("tick").id("e" + i), id -> null);
    }
    assertThat(t.finishedSpans()).filteredOn(s -> s.getName().equals("process tick")).hasSize(3)
        .extracting(SpanData::getSpanId).doesNotHaveDuplicates();
  }
}
