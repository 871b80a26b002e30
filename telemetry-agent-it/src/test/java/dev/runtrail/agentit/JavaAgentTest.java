package dev.runtrail.agentit;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.runtrail.testsupport.OtlpReceiver;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real OpenTelemetry Java agent ({@code -javaagent:}, from Maven Central) in a child JVM running
 * {@link AgentApp}; the agent exports OTLP/HTTP to a receiver on 127.0.0.1, decoded here.
 */
class JavaAgentTest {

  private static final String AGENT_DISTRO = "opentelemetry-java-instrumentation";
  private static final String SCOPE = "dev.runtrail";

  @TempDir Path dir;

  /** One exported span with the resource and scope it came under. */
  record Exported(Resource resource, String scope, Span span) {
    String attribute(String key) {
      return value(span.getAttributesList(), key);
    }

    String resourceAttribute(String key) {
      return value(resource.getAttributesList(), key);
    }

    private static String value(List<KeyValue> attributes, String key) {
      return attributes.stream().filter(kv -> kv.getKey().equals(key))
          .map(kv -> kv.getValue().getStringValue()).findFirst().orElse(null);
    }
  }

  @Test
  void withTheAgentRunAndStepSpansGoThroughTheAgentsPipelineUnderItsServerSpan() throws Exception {
    try (OtlpReceiver receiver = OtlpReceiver.start()) {
      String otel = serveOneRequest(receiver, "auto");
      List<Exported> spans = decode(receiver.bodies("/v1/traces"));

      Exported server = only(spans, s -> s.span().getKind() == Span.SpanKind.SPAN_KIND_SERVER);
      Exported run = only(spans, s -> s.scope().equals(SCOPE) && s.attribute("runtrail.step.path") == null);
      Exported step = only(spans, s -> "main/deploy/api".equals(s.attribute("runtrail.step.path")));

      assertThat(spans).extracting(s -> s.span().getTraceId()).containsOnly(server.span().getTraceId());
      assertThat(run.span().getName()).isEqualTo("deploy");
      assertThat(run.span().getParentSpanId()).isEqualTo(server.span().getSpanId());
      assertThat(step.span().getParentSpanId()).isEqualTo(run.span().getSpanId());
      // One pipeline: every span was exported under the agent's resource, and Runtrail built no SDK.
      assertThat(spans).extracting(s -> s.resourceAttribute("telemetry.distro.name")).containsOnly(AGENT_DISTRO);
      assertThat(spans).extracting(Exported::resource).containsOnly(server.resource());
      assertThat(otel).startsWith("io.opentelemetry.javaagent.");
      assertRedacted(receiver);
    }
  }

  @Test
  void withOwnRuntrailBuildsItsOwnSdkBesideTheAgent() throws Exception {
    try (OtlpReceiver receiver = OtlpReceiver.start()) {
      String otel = serveOneRequest(receiver, "own");
      List<Exported> spans = decode(receiver.bodies("/v1/traces"));

      Exported server = only(spans, s -> s.span().getKind() == Span.SpanKind.SPAN_KIND_SERVER);
      Exported run = only(spans, s -> s.scope().equals(SCOPE) && s.attribute("runtrail.step.path") == null);

      assertThat(server.resourceAttribute("telemetry.distro.name")).isEqualTo(AGENT_DISTRO);
      assertThat(run.resourceAttribute("telemetry.distro.name")).isNull();
      assertThat(run.resource()).isNotEqualTo(server.resource());
      assertThat(otel).isEqualTo("io.opentelemetry.sdk.OpenTelemetrySdk");
      assertRedacted(receiver);
    }
  }

  @Test
  void aDisabledAgentIsNotTakenForAnAttachedOne() throws Exception {
    try (OtlpReceiver receiver = OtlpReceiver.start()) {
      // The agent's entry class is loaded but it sets no GlobalOpenTelemetry: auto builds Runtrail's SDK.
      String otel = serveOneRequest(receiver, Map.of("RUNTRAIL_OTEL_SDK", "auto", "OTEL_JAVAAGENT_ENABLED", "false"));
      List<Exported> spans = decode(receiver.bodies("/v1/traces"));

      assertThat(otel).isEqualTo("io.opentelemetry.sdk.OpenTelemetrySdk");
      assertThat(spans).noneMatch(s -> s.span().getKind() == Span.SpanKind.SPAN_KIND_SERVER);
      Exported run = only(spans, s -> s.scope().equals(SCOPE) && s.attribute("runtrail.step.path") == null);
      assertThat(run.resourceAttribute("telemetry.distro.name")).isNull();
      assertRedacted(receiver);
    }
  }

  @Test
  void disabledRuntrailLeavesTheAgentsTelemetryAsItWas() throws Exception {
    try (OtlpReceiver receiver = OtlpReceiver.start()) {
      String otel = serveOneRequest(receiver, Map.of("RUNTRAIL_OTEL_SDK", "auto", "RUNTRAIL_ENABLED", "false"));
      List<Exported> spans = decode(receiver.bodies("/v1/traces"));

      assertThat(otel).isEqualTo("none");
      // The agent's server span, exported by the agent under its resource, and no span of Runtrail's.
      Exported server = only(spans, s -> s.span().getKind() == Span.SpanKind.SPAN_KIND_SERVER);
      assertThat(server.resourceAttribute("telemetry.distro.name")).isEqualTo(AGENT_DISTRO);
      assertThat(spans).noneMatch(s -> s.scope().equals(SCOPE));
      assertThat(spans).extracting(Exported::resource).containsOnly(server.resource());
      assertThat(exportedText(receiver)).doesNotContain(AgentApp.CANARY, "cicd.pipeline.run.id", "runtrail.step.");
    }
  }

  private static void assertRedacted(OtlpReceiver receiver) {
    assertThat(exportedText(receiver)).doesNotContain(AgentApp.CANARY).contains("[REDACTED]");
  }

  /** Every span body the receiver got, as one text (protobuf strings are bytes of it). */
  private static String exportedText(OtlpReceiver receiver) {
    List<byte[]> bodies = receiver.bodies("/v1/traces");
    assertThat(bodies).isNotEmpty();
    return ByteString.copyFrom(bodies.stream().map(ByteString::copyFrom).toList()).toString(StandardCharsets.ISO_8859_1);
  }


  /** Starts the app under the agent, sends it its one request from here (no agent), waits for it to exit. */
  private String serveOneRequest(OtlpReceiver receiver, String otelSdk) throws Exception {
    return serveOneRequest(receiver, Map.of("RUNTRAIL_OTEL_SDK", otelSdk));
  }

  private String serveOneRequest(OtlpReceiver receiver, Map<String, String> settings) throws Exception {
    Path agentLog = dir.resolve("agent.log");
    ProcessBuilder builder = new ProcessBuilder(
        Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
        "-javaagent:" + agentJar(),
        "-cp", System.getProperty("java.class.path"),
        AgentApp.class.getName())
        .redirectError(agentLog.toFile());
    Map<String, String> env = builder.environment();
    env.keySet().removeIf(key -> key.startsWith("OTEL_") || key.startsWith("RUNTRAIL_"));
    env.put("OTEL_SERVICE_NAME", "agent-it-app");
    env.put("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf");
    env.put("OTEL_EXPORTER_OTLP_ENDPOINT", receiver.endpoint());
    env.put("OTEL_METRICS_EXPORTER", "none");
    env.put("OTEL_LOGS_EXPORTER", "none");
    env.put("OTEL_BSP_SCHEDULE_DELAY", "100");
    env.put("RUNTRAIL_ENABLED", "true");
    env.put("RUNTRAIL_TRAIL_SINKS", "span");
    env.put("RUNTRAIL_RUN_STORE", "false");
    env.put("RUNTRAIL_RUNS_DIR", dir.resolve("runs").toString());
    env.putAll(settings);
    Process app = builder.start();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(app.getInputStream(), StandardCharsets.UTF_8))) {
      String otel = null;
      int port = -1;
      for (String line = out.readLine(); line != null && port < 0; line = port < 0 ? out.readLine() : null) {
        if (line.startsWith("OTEL ")) {
          otel = line.substring(5);
        } else if (line.startsWith("PORT ")) {
          port = Integer.parseInt(line.substring(5));
        }
      }
      assertThat(port).as("the app's port; agent log:%n%s", log(agentLog)).isPositive();
      HttpResponse<Void> response = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/deploy")).timeout(Duration.ofSeconds(30))
              .build(), HttpResponse.BodyHandlers.discarding());
      assertThat(response.statusCode()).isEqualTo(204);
      assertThat(app.waitFor(60, TimeUnit.SECONDS)).as("the app exits after its request").isTrue();
      assertThat(app.exitValue()).as("exit code; agent log:%n%s", log(agentLog)).isZero();
      return otel;
    } finally {
      app.destroyForcibly();
    }
  }

  private static Path agentJar() {
    Path jar = Paths.get(System.getProperty("runtrail.it.agent.jar", "target/agent/opentelemetry-javaagent.jar"));
    assertThat(jar).as("the agent jar copied by maven-dependency-plugin").isRegularFile();
    return jar;
  }

  private static String log(Path file) throws IOException {
    return Files.exists(file) ? Files.readString(file) : "(none)";
  }

  private static List<Exported> decode(List<byte[]> bodies) throws InvalidProtocolBufferException {
    List<Exported> spans = new ArrayList<>();
    for (byte[] body : bodies) {
      for (ResourceSpans resource : ExportTraceServiceRequest.parseFrom(body).getResourceSpansList()) {
        for (ScopeSpans scope : resource.getScopeSpansList()) {
          for (Span span : scope.getSpansList()) {
            spans.add(new Exported(resource.getResource(), scope.getScope().getName(), span));
          }
        }
      }
    }
    return spans;
  }

  private static Exported only(List<Exported> spans, java.util.function.Predicate<Exported> which) {
    List<Exported> matching = spans.stream().filter(which).toList();
    assertThat(matching).as("exactly one such span among %s",
        spans.stream().map(s -> s.scope() + ":" + s.span().getName()).toList()).hasSize(1);
    return matching.get(0);
  }
}
