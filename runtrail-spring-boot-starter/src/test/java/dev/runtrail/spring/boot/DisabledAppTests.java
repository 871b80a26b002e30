package dev.runtrail.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtrail.spring.boot.app.DeployApp;
import dev.runtrail.telemetry.Telemetry;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * {@code runtrail.enabled=false}: the app's own telemetry exactly as without Runtrail, on every Boot generation
 * and on servlet and reactive servers. Names no servlet or reactive class, so it loads on either class path.
 */
@SpringBootTest(classes = DeployApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "management.tracing.sampling.probability=1.0",
    "management.endpoints.web.exposure.include=prometheus",
    "runtrail.enabled=false"})
public abstract class DisabledAppTests {

  @LocalServerPort int port;
  @Autowired ApplicationContext context;
  @Autowired SdkTracerProvider tracerProvider;
  @Autowired InMemorySpanExporter spans;

  @Test
  public void noRuntrailBeansAndTheAppsOwnTracingAndMetricsAsBefore() throws Exception {
    assertThat(context.getBeansOfType(Telemetry.class)).isEmpty();
    assertThat(context.getBeanNamesForType(RuntrailProperties.class)).isEmpty();
    // Neither filter (servlet or WebFilter) nor the auto-configuration: no bean of the starter's own classes.
    assertThat(starterBeans()).isEmpty();

    HttpResponse<String> response = Requests.deploy(port);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("X-Correlation-ID")).isEmpty();
    // Boot's server span, continuing the caller's trace, and nothing of Runtrail's.
    assertThat(Requests.spansWithServerSpan(tracerProvider, spans)).singleElement().satisfies(span -> {
      assertThat(span.getKind()).isEqualTo(SpanKind.SERVER);
      assertThat(span.getTraceId()).isEqualTo(Requests.TRACE_ID);
      assertThat(span.getParentSpanId()).isEqualTo(Requests.CALLER_SPAN_ID);
      assertThat(span.getInstrumentationScopeInfo().getName()).isNotEqualTo("dev.runtrail");
    });
    String scrape = Requests.get(port, "/actuator/prometheus");
    assertThat(scrape).contains("http_server_requests_seconds").doesNotContain("runtrail_");
  }

  /** Beans whose class is one of the starter's ({@code dev.runtrail.spring.boot}, not the test app's). */
  private List<String> starterBeans() {
    return Arrays.stream(context.getBeanDefinitionNames())
        .filter(name -> {
          Class<?> type = context.getType(name);
          return type != null && type.getPackageName().equals(RuntrailAutoConfiguration.class.getPackageName());
        })
        .toList();
  }
}
