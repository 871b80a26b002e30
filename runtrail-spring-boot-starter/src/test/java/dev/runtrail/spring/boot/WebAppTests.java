package dev.runtrail.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtrail.spring.boot.app.DeployApp;
import dev.runtrail.telemetry.Telemetry;
import dev.runtrail.telemetry.attributes.RunAttributes;
import dev.runtrail.telemetry.attributes.StepAttributes;
import dev.runtrail.telemetry.core.RuntrailTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A web app with Boot's tracing (Micrometer Tracing's OpenTelemetry bridge) and Prometheus endpoint: the
 * same tests on every Boot generation and on servlet and reactive servers (the class path decides which),
 * each subclass turning Boot's tracing and metrics export on in tests with its generation's annotations.
 */
@SpringBootTest(classes = DeployApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "management.tracing.sampling.probability=1.0",
    "management.endpoints.web.exposure.include=prometheus",
    "runtrail.trail-sinks=span"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class WebAppTests {

  @LocalServerPort protected int port;
  @Autowired Telemetry telemetry;
  @Autowired OpenTelemetry bootOpenTelemetry;
  @Autowired SdkTracerProvider tracerProvider;
  @Autowired InMemorySpanExporter spans;

  HttpResponse<String> response;
  List<SpanData> exported;

  @BeforeAll
  public void deploy() throws Exception {
    response = Requests.deploy(port);
    assertThat(((RuntrailTelemetry) telemetry).flush(Duration.ofSeconds(10))).isTrue();
    exported = Requests.spansWithServerSpan(tracerProvider, spans);
  }

  @Test
  public void telemetryRidesOnBootsOwnOpenTelemetry() {
    assertThat(((RuntrailTelemetry) telemetry).openTelemetry()).isSameAs(bootOpenTelemetry);
  }

  @Test
  public void theRunContinuesTheCallersTraceUnderBootsServerSpan() {
    assertThat(response.statusCode()).isEqualTo(200);
    SpanData server = only(span -> span.getKind() == SpanKind.SERVER);
    SpanData run = only(span -> span.getName().equals("deploy"));
    SpanData step = only(span -> "main/deploy/api".equals(span.getAttributes().get(StepAttributes.STEP_PATH)));
    assertThat(exported).extracting(SpanData::getTraceId).containsOnly(Requests.TRACE_ID);
    assertThat(server.getParentSpanId()).isEqualTo(Requests.CALLER_SPAN_ID);
    assertThat(run.getParentSpanId()).isEqualTo(server.getSpanId());
    assertThat(step.getParentSpanId()).isEqualTo(run.getSpanId());
    assertThat(run.getAttributes().get(RunAttributes.RUN_ID)).isEqualTo(response.body());
  }

  @Test
  public void theRunCarriesTheCallersCorrelationIdAndTheResponseEchoesIt() {
    SpanData run = only(span -> span.getName().equals("deploy"));
    assertThat(run.getAttributes().get(RunAttributes.CORRELATION_ID)).isEqualTo(Requests.CORRELATION_ID);
    assertThat(response.headers().firstValue("X-Correlation-ID")).hasValue(Requests.CORRELATION_ID);
  }

  @Test
  public void theCanaryIsRedactedInEverySpan() {
    String all = exported.toString();
    assertThat(all).doesNotContain(DeployApp.CANARY).contains("[REDACTED]");
    SpanData step = only(span -> "main/deploy/api".equals(span.getAttributes().get(StepAttributes.STEP_PATH)));
    assertThat(step.getEvents()).extracting(event -> event.getName()).contains("stderr_tail");
  }

  @Test
  public void actuatorsPrometheusEndpointShowsRuntrailsMeters() throws Exception {
    String scrape = Requests.get(port, "/actuator/prometheus");
    assertThat(scrape).contains("runtrail_runs_started_total{env=\"dev\"", "runtrail_run_duration_seconds");
    assertThat(scrape).doesNotContain(DeployApp.CANARY);
  }

  private SpanData only(java.util.function.Predicate<SpanData> which) {
    List<SpanData> matching = exported.stream().filter(which).toList();
    assertThat(matching).as("exactly one such span among %s", exported.stream().map(SpanData::getName).toList())
        .hasSize(1);
    return matching.get(0);
  }
}
