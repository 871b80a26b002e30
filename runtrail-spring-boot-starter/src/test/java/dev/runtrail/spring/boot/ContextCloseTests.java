package dev.runtrail.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.runtrail.spring.boot.app.DeployApp;
import dev.runtrail.testsupport.OtlpReceiver;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Closing the application context closes Runtrail's telemetry: a run still open is ended, its trail is
 * flushed to its JSON Lines file and its span reaches a real OTLP receiver through Boot's exporter before
 * Boot shuts the SDK down — with the canary redacted in both. The same test on every Boot generation.
 */
public abstract class ContextCloseTests {

  @TempDir Path runs;

  /** Boot puts every SpanExporter bean behind its span processor: this one sends OTLP/HTTP to the receiver. */
  @Configuration(proxyBeanMethods = false)
  static class OtlpExport {
    static String endpoint;

    @Bean
    SpanExporter otlpSpanExporter() {
      return OtlpHttpSpanExporter.builder().setEndpoint(endpoint + "/v1/traces").build();
    }
  }

  @Test
  public void closingTheContextEndsOpenRunsFlushesTheTrailAndExportsTheirSpansRedacted() throws Exception {
    try (OtlpReceiver receiver = OtlpReceiver.start()) {
      OtlpExport.endpoint = receiver.endpoint();
      ConfigurableApplicationContext context = new SpringApplicationBuilder(DeployApp.class, OtlpExport.class)
          // Arguments, not default properties: those lose to the RUNTRAIL_RUNS_DIR the build sets for tests.
          .run("--server.port=0", "--server.address=127.0.0.1", "--management.tracing.sampling.probability=1.0",
              "--management.otlp.metrics.export.enabled=false",
              "--runtrail.trail-sinks=jsonl", "--runtrail.runs-dir=" + runs);
      String runId;
      try {
        // The property, not WebServerApplicationContext: that class moved package in Boot 4.
        int port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
        runId = Requests.post(port, "/rollouts").body();
        assertThat(runId).startsWith("run-");
        assertThat(exportedSpanNames(receiver)).as("the run is still open").doesNotContain("rollout");
      } finally {
        context.close();
      }

      assertThat(exportedSpanNames(receiver)).contains("rollout");
      String otlp = receiver.bodies("/v1/traces").stream()
          .map(body -> new String(body, StandardCharsets.ISO_8859_1)).reduce("", String::concat);
      assertThat(otlp).contains(runId).doesNotContain(DeployApp.CANARY);
      String trail = Files.readString(trailOf(runId));
      assertThat(trail).contains("\"tool_call\"", "helm", "[REDACTED]").doesNotContain(DeployApp.CANARY);
    }
  }

  private static List<String> exportedSpanNames(OtlpReceiver receiver) {
    return receiver.bodies("/v1/traces").stream().flatMap(body -> {
      try {
        return ExportTraceServiceRequest.parseFrom(body).getResourceSpansList().stream();
      } catch (InvalidProtocolBufferException e) {
        throw new AssertionError("not an OTLP trace export", e);
      }
    }).flatMap(resource -> resource.getScopeSpansList().stream())
        .flatMap(scope -> scope.getSpansList().stream()).map(Span::getName).toList();
  }

  private Path trailOf(String runId) {
    try (Stream<Path> files = Files.walk(runs)) {
      return files.filter(file -> file.getFileName().toString().equals("trail.jsonl")
          && file.getParent().getFileName().toString().equals(runId)).findFirst()
          .orElseThrow(() -> new AssertionError("no trail.jsonl for " + runId + " under " + runs));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
