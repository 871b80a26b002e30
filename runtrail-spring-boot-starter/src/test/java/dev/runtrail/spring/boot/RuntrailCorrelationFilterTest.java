package dev.runtrail.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtrail.telemetry.RunContext;
import dev.runtrail.telemetry.Telemetry;
import dev.runtrail.telemetry.attributes.RunAttributes;
import dev.runtrail.telemetry.core.Runtrail;
import dev.runtrail.telemetry.core.config.RuntrailConfig;
import dev.runtrail.telemetry.core.config.Setting;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Without a server span of Boot's or the agent's, the filter opens the SERVER span itself. */
class RuntrailCorrelationFilterTest {

  @TempDir Path runs;

  @Test
  void withNoServerSpanCurrentTheFilterOpensOneContinuingTheCaller() throws Exception {
    InMemorySpanExporter spans = InMemorySpanExporter.create();
    try (Telemetry telemetry = Runtrail.builder().enabled(true)
        .config(RuntrailConfig.of(Map.of(Setting.TRAIL_SINKS, "none")))
        .spanExporter(spans).synchronousExport(true)
        .runsDirectory(runs).discoverRunExporters(false).shutdownHook(false)
        .build()) {
      MockHttpServletRequest request = new MockHttpServletRequest("POST", "/deploy");
      request.addHeader("traceparent", "00-" + Requests.TRACE_ID + "-" + Requests.CALLER_SPAN_ID + "-01");
      request.addHeader("X-Correlation-ID", Requests.CORRELATION_ID);
      MockHttpServletResponse response = new MockHttpServletResponse();

      new RuntrailCorrelationFilter(telemetry).doFilter(request, response, (req, res) -> {
        try (RunContext run = telemetry.run("deploy").start()) {
          ((HttpServletResponse) res).setStatus(201);
        }
      });

      SpanData server = spans.getFinishedSpanItems().stream().filter(s -> s.getKind() == SpanKind.SERVER)
          .findFirst().orElseThrow();
      SpanData run = spans.getFinishedSpanItems().stream().filter(s -> s.getName().equals("deploy"))
          .findFirst().orElseThrow();
      assertThat(server.getName()).isEqualTo("POST /deploy");
      assertThat(server.getTraceId()).isEqualTo(Requests.TRACE_ID);
      assertThat(server.getParentSpanId()).isEqualTo(Requests.CALLER_SPAN_ID);
      assertThat(server.getAttributes().get(AttributeKey.longKey("http.response.status_code"))).isEqualTo(201L);
      assertThat(run.getParentSpanId()).isEqualTo(server.getSpanId());
      assertThat(run.getAttributes().get(RunAttributes.CORRELATION_ID)).isEqualTo(Requests.CORRELATION_ID);
      assertThat(response.getHeader("X-Correlation-ID")).isEqualTo(Requests.CORRELATION_ID);
    }
  }
}
