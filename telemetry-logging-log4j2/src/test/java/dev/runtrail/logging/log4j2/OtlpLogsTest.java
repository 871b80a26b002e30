package dev.runtrail.logging.log4j2;

import static dev.runtrail.logging.log4j2.Canaries.AWS;
import static dev.runtrail.logging.log4j2.Canaries.BENIGN;
import static dev.runtrail.logging.log4j2.Canaries.GITHUB;
import static dev.runtrail.logging.log4j2.Canaries.JWT;
import static dev.runtrail.logging.log4j2.Canaries.SECRETS;
import static dev.runtrail.logging.log4j2.Canaries.SHA;
import static org.assertj.core.api.Assertions.assertThat;

import dev.runtrail.telemetry.RunContext;
import dev.runtrail.telemetry.Step;
import dev.runtrail.telemetry.core.Runtrail;
import dev.runtrail.telemetry.core.RuntrailTelemetry;
import dev.runtrail.telemetry.core.config.RuntrailConfig;
import dev.runtrail.telemetry.core.config.Setting;
import dev.runtrail.testsupport.OtlpLogReceiver;
import io.opentelemetry.instrumentation.log4j.appender.v2_17.OpenTelemetryAppender;
import io.opentelemetry.proto.logs.v1.LogRecord;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.ThreadContext;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configurator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * OpenTelemetry's Log4j2 appender into Runtrail's SDK with {@code otel.logs.exporter=otlp}, received by a
 * real OTLP/HTTP endpoint on 127.0.0.1: behind {@code <RuntrailRedaction/>}, and bare (where telemetry-core's
 * redacting log record exporter is the backstop).
 */
class OtlpLogsTest {

  private static final List<String> PROPERTIES = List.of("otel.logs.exporter", "otel.traces.exporter",
      "otel.exporter.otlp.protocol", "otel.exporter.otlp.endpoint", "otel.service.name");

  @TempDir static Path runsDir;
  static final List<LogRecord> received = new CopyOnWriteArrayList<>();
  static String traceId;
  static String stepSpanId;

  @BeforeAll
  static void logInAStep() throws IOException {
    OtlpLogReceiver receiver = OtlpLogReceiver.start();
    System.setProperty("otel.logs.exporter", "otlp");
    System.setProperty("otel.traces.exporter", "none");
    System.setProperty("otel.exporter.otlp.protocol", "http/protobuf");
    System.setProperty("otel.exporter.otlp.endpoint", receiver.endpoint());
    System.setProperty("otel.service.name", "otlp-logs-test");
    RuntrailTelemetry telemetry = (RuntrailTelemetry) Runtrail.builder()
        .config(RuntrailConfig.of(Map.of(Setting.ENABLED, "true", Setting.TRAIL_SINKS, "jsonl")))
        .runsDirectory(runsDir)
        .discoverRunExporters(false)
        .shutdownHook(false)
        .build();
    LoggerContext context = Configurator.initialize("otel", OtlpLogsTest.class.getClassLoader(),
        URI.create("classpath:log4j2-otel.xml"));
    try {
      OpenTelemetryAppender.install(telemetry.openTelemetry());
      try (RunContext run = telemetry.run("deploy").start(); Step step = run.step("main/build")) {
        traceId = step.spanContext().getTraceId();
        stepSpanId = step.spanContext().getSpanId();
        ThreadContext.put("authorization", "Bearer " + JWT);
        ThreadContext.put("aws_key", AWS);
        for (String name : new String[] {"redacted", "bare"}) {
          Logger log = context.getLogger(name);
          log.info("calling {} with token={}", "https://api.example.com", GITHUB);
          log.error("deploy of {} failed", SHA, Canaries.failure());
          log.info(BENIGN);
        }
        ThreadContext.clearMap();
      }
      assertThat(telemetry.flush(Duration.ofSeconds(10))).isTrue();
    } finally {
      ThreadContext.clearMap();
      Configurator.shutdown(context);
      telemetry.close();
      received.addAll(receiver.records());
      receiver.close();
      PROPERTIES.forEach(System::clearProperty);
    }
  }

  @AfterAll
  static void clear() {
    received.clear();
  }

  @Test
  void everyRecordArrivesWithNoCanaryAndTheStepsIds() {
    assertThat(received).hasSize(6);
    for (LogRecord record : received) {
      String text = record.toString();
      for (String secret : SECRETS) {
        assertThat(text).doesNotContain(secret);
      }
      assertThat(HexFormat.of().formatHex(record.getTraceId().toByteArray())).isEqualTo(traceId);
      assertThat(HexFormat.of().formatHex(record.getSpanId().toByteArray())).isEqualTo(stepSpanId);
    }
  }

  @Test
  void bodiesAttributesAndStackTracesAreRedactedInPlaceAndIdsPass() {
    List<String> bodies = received.stream().map(r -> r.getBody().getStringValue()).toList();
    assertThat(bodies).containsExactly(
        "calling https://api.example.com with token=[REDACTED]", "deploy of " + SHA + " failed", BENIGN,
        "calling https://api.example.com with token=[REDACTED]", "deploy of " + SHA + " failed", BENIGN);
    for (LogRecord failed : List.of(received.get(1), received.get(4))) {
      Map<String, String> attributes = attributes(failed);
      assertThat(attributes).containsEntry("authorization", "[REDACTED]").containsEntry("aws_key", "[REDACTED]");
      assertThat(attributes.get("exception.message")).isEqualTo("login failed password=[REDACTED]");
      // behind the rewrite policy the appender sees the redacted twin; Runtrail's exporter names the original
      assertThat(attributes.get("exception.type")).isEqualTo("java.lang.IllegalStateException");
      assertThat(attributes.get("exception.stacktrace"))
          .contains("Caused by: java.io.IOException: token [REDACTED]")
          .contains("Suppressed: java.lang.RuntimeException: while closing: Bearer [REDACTED]")
          .contains("at dev.runtrail.logging.log4j2.Canaries.failure(Canaries.java:");
    }
  }

  private static Map<String, String> attributes(LogRecord record) {
    Map<String, String> out = new java.util.TreeMap<>();
    record.getAttributesList().forEach(a -> out.put(a.getKey(), a.getValue().getStringValue()));
    return out;
  }
}
