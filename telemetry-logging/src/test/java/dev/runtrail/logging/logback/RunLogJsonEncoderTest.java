package dev.runtrail.logging.logback;

import static dev.runtrail.logging.logback.RedactingAppenderTest.AWS;
import static dev.runtrail.logging.logback.RedactingAppenderTest.GITHUB;
import static dev.runtrail.logging.logback.RedactingAppenderTest.JWT;
import static dev.runtrail.logging.logback.RedactingAppenderTest.PASSWORD;
import static dev.runtrail.logging.logback.RedactingAppenderTest.SECRETS;
import static dev.runtrail.logging.logback.RedactingAppenderTest.SHA;
import static dev.runtrail.logging.logback.RedactingAppenderTest.UUID;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.runtrail.telemetry.RunContext;
import dev.runtrail.telemetry.Step;
import dev.runtrail.telemetry.attributes.RunAttributes;
import dev.runtrail.telemetry.core.Runtrail;
import dev.runtrail.telemetry.core.RuntrailTelemetry;
import dev.runtrail.telemetry.core.config.RuntrailConfig;
import dev.runtrail.telemetry.core.config.Setting;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.MDC;

class RunLogJsonEncoderTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  @TempDir static Path runsDir;
  static RuntrailTelemetry telemetry;

  private final LoggerContext context = new LoggerContext();
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  @BeforeAll
  static void startTelemetry() {
    telemetry = (RuntrailTelemetry) Runtrail.builder()
        .config(RuntrailConfig.of(Map.of(Setting.ENABLED, "true", Setting.TRAIL_SINKS, "jsonl")))
        .runsDirectory(runsDir)
        .discoverRunExporters(false)
        .shutdownHook(false)
        .build();
  }

  @AfterAll
  static void closeTelemetry() {
    telemetry.close();
  }

  @BeforeEach
  void start() {
    context.setMDCAdapter(MDC.getMDCAdapter());
    context.start();
  }

  @AfterEach
  void stop() {
    MDC.clear();
    context.stop();
  }

  @Test
  void lineInsideARunHasTheSeedsFieldsFromTheRun() throws IOException {
    Logger log = root(stream(encoder("engine")));
    Instant before = Instant.now();
    String runId;
    String traceId;
    String spanId;
    String correlationId;
    try (RunContext run = seedRun().start()) {
      runId = run.runId();
      traceId = run.spanContext().getTraceId();
      spanId = run.spanContext().getSpanId();
      correlationId = run.correlationId();
      MDC.put("requestId", "req-xyz789");
      log.atInfo().addKeyValue("sourceIP", "192.168.1.100").addKeyValue("planFetchDurationMs", 125)
          .addKeyValue("validationDurationMs", 45L).log("Run started");
      MDC.remove("requestId");
    }

    JsonNode line = single();
    assertThat(fieldNames(line)).containsExactly("timestamp", "level", "component", "message", "runId",
        "planId", "planVersion", "tenantId", "environmentId", "adapter", "trace_id", "span_id", "context",
        "metrics");
    assertThat(line.get("timestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
    assertThat(Instant.parse(line.get("timestamp").asText())).isBetween(before.minusMillis(1), Instant.now());
    assertThat(line.get("level").asText()).isEqualTo("INFO");
    assertThat(line.get("component").asText()).isEqualTo("engine");
    assertThat(line.get("message").asText()).isEqualTo("Run started");
    assertThat(line.get("runId").asText()).isEqualTo(runId).startsWith("run-");
    assertThat(line.get("planId").asText()).isEqualTo("plan-dbt-01");
    assertThat(line.get("planVersion").asText()).isEqualTo("v2.1");
    assertThat(line.get("tenantId").asText()).isEqualTo("tenant-123");
    assertThat(line.get("environmentId").asText()).isEqualTo("prod");
    assertThat(line.get("adapter").asText()).isEqualTo("temporal");
    assertThat(line.get("trace_id").asText()).isEqualTo(traceId);
    assertThat(line.get("span_id").asText()).isEqualTo(spanId);
    assertThat(MAPPER.convertValue(line.get("context"), Map.class)).isEqualTo(Map.of(
        "requestId", "req-xyz789", "correlation_id", correlationId, "sourceIP", "192.168.1.100"));
    assertThat(line.get("metrics").toString()).isEqualTo("{\"planFetchDurationMs\":125,\"validationDurationMs\":45}");
  }

  @Test
  void lineInsideAStepCarriesTheStepsSpanAndTheRunsPlan() throws IOException {
    Logger log = root(stream(encoder(null)));
    String runId;
    String stepSpanId;
    try (RunContext run = seedRun().start(); Step step = run.step("main/build")) {
      runId = run.runId();
      stepSpanId = step.spanContext().getSpanId();
      log.warn("building");
      MDC.put("planVersion", "v2.2-set-by-the-app");
      log.warn("still building");
      MDC.remove("planVersion");
    }

    List<JsonNode> lines = lines();
    JsonNode first = lines.get(0);
    assertThat(first.get("component").asText()).isEqualTo(Logger.ROOT_LOGGER_NAME);
    assertThat(first.get("runId").asText()).isEqualTo(runId);
    assertThat(first.get("span_id").asText()).isEqualTo(stepSpanId);
    // The step's span has no plan attributes: these come from the MDC keys telemetry-core sets for the run.
    assertThat(first.get("planId").asText()).isEqualTo("plan-dbt-01");
    assertThat(first.get("planVersion").asText()).isEqualTo("v2.1");
    assertThat(first.get("environmentId").asText()).isEqualTo("prod");
    assertThat(first.get("tenantId").asText()).isEqualTo("tenant-123");
    // plan_id and plan_version are promoted to the seed's fields, not repeated in the context.
    assertThat(fieldNames(first.get("context"))).containsExactly("correlation_id");
    // A key the app sets itself in the seed's spelling wins over Runtrail's.
    assertThat(lines.get(1).get("planVersion").asText()).isEqualTo("v2.2-set-by-the-app");
    assertThat(lines.get(1).get("planId").asText()).isEqualTo("plan-dbt-01");
  }

  @Test
  void asyncAppenderGetsTheRunsPlanInsideAStepFromTheMdcSnapshot() throws IOException {
    AsyncAppender async = new AsyncAppender();
    async.setContext(context);
    async.addAppender(stream(encoder(null)));
    async.start();
    Logger log = root(async);
    try (RunContext run = seedRun().start(); Step step = run.step("main/build")) {
      log.info("queued in a step");
    }
    async.stop();

    JsonNode line = single();
    assertThat(line.get("planId").asText()).isEqualTo("plan-dbt-01");
    assertThat(line.get("planVersion").asText()).isEqualTo("v2.1");
  }

  @Test
  void asyncAppenderGetsTheRunFromTheMdcSnapshot() throws IOException {
    AsyncAppender async = new AsyncAppender();
    async.setContext(context);
    async.addAppender(stream(encoder(null)));
    async.start();
    Logger log = root(async);
    String runId;
    String traceId;
    try (RunContext run = telemetry.run("deploy").start()) {
      runId = run.runId();
      traceId = run.spanContext().getTraceId();
      log.info("queued");
    }
    async.stop();

    JsonNode line = single();
    assertThat(line.get("runId").asText()).isEqualTo(runId);
    assertThat(line.get("trace_id").asText()).isEqualTo(traceId);
  }

  @Test
  void lineOutsideARunHasNoRunFieldsAndNoNulls() throws IOException {
    Logger log = root(stream(encoder(null)));
    log.error("no run here");

    JsonNode line = single();
    assertThat(fieldNames(line)).containsExactly("timestamp", "level", "component", "message");
    assertThat(line.get("level").asText()).isEqualTo("ERROR");
  }

  @Test
  void noCanaryReachesTheJsonAloneOrBehindTheRedactingAppender() throws IOException {
    RedactingAppender redacting = new RedactingAppender();
    redacting.setContext(context);
    ByteArrayOutputStream behind = new ByteArrayOutputStream();
    redacting.addAppender(stream(encoder(null), behind));
    redacting.start();
    Logger log = root(stream(encoder(null)));
    log.addAppender(redacting);

    try (RunContext run = telemetry.run("deploy").start()) {
      MDC.put("db_password", PASSWORD);
      MDC.put("request", "Authorization: Bearer " + JWT);
      IllegalStateException boom = new IllegalStateException("boom " + SHA + " key " + AWS,
          new RuntimeException("cause password=" + PASSWORD));
      boom.addSuppressed(new IOException("suppressed token " + GITHUB));
      log.atError().addKeyValue("api_token", GITHUB).addKeyValue("aws", AWS).addKeyValue("uuid", UUID)
          .setCause(boom).log("calling {} with token={} commit {}", "https://api.example.test", GITHUB, SHA);
    }

    for (String text : List.of(utf8(out), utf8(behind))) {
      JsonNode line = MAPPER.readTree(text);
      SECRETS.forEach(secret -> assertThat(text).doesNotContain(secret));
      assertThat(line.get("message").asText())
          .isEqualTo("calling https://api.example.test with token=[REDACTED] commit " + SHA);
      assertThat(line.get("context").get("db_password").asText()).isEqualTo("[REDACTED]");
      assertThat(line.get("context").get("uuid").asText()).isEqualTo(UUID);
      assertThat(line.get("exception").asText()).contains("boom " + SHA + " key [REDACTED]")
          .contains("Caused by: java.lang.RuntimeException: cause password=[REDACTED]")
          .contains("at dev.runtrail.logging.logback.RunLogJsonEncoderTest");
    }
  }

  private static RunContext.Builder seedRun() {
    return telemetry.run("deploy").env("prod").plan("plan-dbt-01", "v2.1")
        .attribute(RunAttributes.TENANT_ID, "tenant-123").attribute(RunAttributes.ADAPTER, "temporal");
  }

  private RunLogJsonEncoder encoder(String component) {
    RunLogJsonEncoder encoder = new RunLogJsonEncoder();
    encoder.setContext(context);
    encoder.setComponent(component);
    encoder.start();
    return encoder;
  }

  private OutputStreamAppender<ILoggingEvent> stream(RunLogJsonEncoder encoder) {
    return stream(encoder, out);
  }

  private OutputStreamAppender<ILoggingEvent> stream(RunLogJsonEncoder encoder, ByteArrayOutputStream into) {
    OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
    appender.setContext(context);
    appender.setEncoder(encoder);
    appender.setOutputStream(into);
    appender.start();
    return appender;
  }

  private Logger root(Appender<ILoggingEvent> appender) {
    Logger log = context.getLogger(Logger.ROOT_LOGGER_NAME);
    log.addAppender(appender);
    return log;
  }

  private JsonNode single() throws IOException {
    List<JsonNode> lines = lines();
    assertThat(lines).hasSize(1);
    return lines.get(0);
  }

  private List<JsonNode> lines() throws IOException {
    String text = utf8(out);
    assertThat(text).endsWith("\n");
    List<JsonNode> lines = new ArrayList<>();
    for (String line : text.split("\n")) {
      lines.add(MAPPER.readTree(line));
    }
    return lines;
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static String utf8(ByteArrayOutputStream stream) {
    return stream.toString(StandardCharsets.UTF_8);
  }
}
