package dev.runtrail.logging.logback;

import static dev.runtrail.logging.logback.RedactingAppenderTest.AWS;
import static dev.runtrail.logging.logback.RedactingAppenderTest.GITHUB;
import static dev.runtrail.logging.logback.RedactingAppenderTest.JWT;
import static dev.runtrail.logging.logback.RedactingAppenderTest.PASSWORD;
import static dev.runtrail.logging.logback.RedactingAppenderTest.RUN_ID;
import static dev.runtrail.logging.logback.RedactingAppenderTest.SECRETS;
import static dev.runtrail.logging.logback.RedactingAppenderTest.SHA;
import static dev.runtrail.logging.logback.RedactingAppenderTest.TRACE_ID;
import static dev.runtrail.logging.logback.RedactingAppenderTest.UUID;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import dev.runtrail.redaction.RedactedThrowable;
import dev.runtrail.telemetry.RunContext;
import dev.runtrail.telemetry.Step;
import dev.runtrail.telemetry.core.Runtrail;
import dev.runtrail.telemetry.core.RuntrailTelemetry;
import dev.runtrail.telemetry.core.config.RuntrailConfig;
import dev.runtrail.telemetry.core.config.Setting;
import dev.runtrail.testsupport.OtlpLogReceiver;
import io.opentelemetry.instrumentation.logback.appender.v1_0.OpenTelemetryAppender;
import io.opentelemetry.proto.logs.v1.LogRecord;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.MDC;

/**
 * OpenTelemetry's Logback appender into Runtrail's SDK with {@code otel.logs.exporter=otlp}, received by a
 * real OTLP/HTTP endpoint on 127.0.0.1: behind {@link RedactingAppender}, and bare (where telemetry-core's
 * redacting log record exporter is the backstop).
 */
class OtlpLogsTest {
  private static final List<String> PROPERTIES = List.of("otel.logs.exporter", "otel.traces.exporter",
      "otel.exporter.otlp.protocol", "otel.exporter.otlp.endpoint", "otel.service.name");
  static final String BENIGN = "trace " + TRACE_ID + " sha " + SHA + " id " + UUID + " run " + RUN_ID;

  @TempDir static Path runsDir;
  static List<LogRecord> received;
  static String traceId;
  static String stepSpanId;

  @BeforeAll
  static void logInAStep() throws IOException {
    try (OtlpLogReceiver receiver = OtlpLogReceiver.start()) {
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
      LoggerContext context = new LoggerContext();
      context.setMDCAdapter(MDC.getMDCAdapter());
      context.start();
      try {
        OpenTelemetryAppender otel = new OpenTelemetryAppender();
        otel.setContext(context);
        otel.setCaptureMdcAttributes("*");
        otel.setCaptureKeyValuePairAttributes(true);
        otel.setCaptureArguments(true);
        otel.setOpenTelemetry(telemetry.openTelemetry());
        otel.start();
        RedactingAppender redacting = new RedactingAppender();
        redacting.setContext(context);
        redacting.addAppender(otel);
        redacting.start();
        logger(context, "redacted").addAppender(redacting);
        logger(context, "bare").addAppender(otel);
        try (RunContext run = telemetry.run("deploy").start(); Step step = run.step("main/build")) {
          traceId = step.spanContext().getTraceId();
          stepSpanId = step.spanContext().getSpanId();
          MDC.put("authorization", "Bearer " + JWT);
          MDC.put("aws_key", AWS);
          for (String name : new String[] {"redacted", "bare"}) {
            Logger log = context.getLogger(name);
            log.atInfo().addKeyValue("api_token", GITHUB).addKeyValue("commit", SHA)
                .log("calling {} with token={}", "https://api.example.com", GITHUB);
            log.atError().addKeyValue("path", name).setCause(failure()).log("deploy of {} failed", SHA);
            log.info(BENIGN);
          }
          MDC.remove("authorization");
          MDC.remove("aws_key");
        }
        assertThat(telemetry.flush(Duration.ofSeconds(10))).isTrue();
      } finally {
        MDC.clear();
        context.stop();
        telemetry.close();
        PROPERTIES.forEach(System::clearProperty);
      }
      received = receiver.records();
    }
  }

  @Test
  void everyRecordArrivesWithNoCanaryAndTheStepsIds() {
    assertThat(received).hasSize(6);
    for (LogRecord record : received) {
      String text = record.toString();
      SECRETS.forEach(secret -> assertThat(text).doesNotContain(secret));
      assertThat(HexFormat.of().formatHex(record.getTraceId().toByteArray())).isEqualTo(traceId);
      assertThat(HexFormat.of().formatHex(record.getSpanId().toByteArray())).isEqualTo(stepSpanId);
    }
  }

  @Test
  void bodiesArgumentsMdcAndKeyValuesAreRedactedInPlaceAndIdsPass() {
    List<String> bodies = received.stream().map(r -> r.getBody().getStringValue()).toList();
    assertThat(bodies).containsExactlyInAnyOrder(
        "calling https://api.example.com with token=[REDACTED]", "deploy of " + SHA + " failed", BENIGN,
        "calling https://api.example.com with token=[REDACTED]", "deploy of " + SHA + " failed", BENIGN);
    for (LogRecord first : received.stream().filter(r -> r.getBody().getStringValue().startsWith("calling")).toList()) {
      Map<String, String> attributes = attributes(first);
      assertThat(attributes).containsEntry("authorization", "[REDACTED]")
          .containsEntry("aws_key", "[REDACTED]").containsEntry("api_token", "[REDACTED]")
          .containsEntry("commit", SHA);
    }
  }

  @Test
  void behindTheRedactingAppenderTheExceptionArrivesRedactedAsItsTwin() {
    Map<String, String> redacted = failed("redacted");
    assertThat(redacted.get("exception.message")).isEqualTo("login failed password=[REDACTED]");
    // OpenTelemetry's appender names the twin's class; Runtrail's log exporter puts back the original's.
    assertThat(redacted.get("exception.type")).isEqualTo("java.lang.IllegalStateException");
    assertThat(redacted.get("exception.stacktrace"))
        .startsWith("java.lang.IllegalStateException: login failed password=[REDACTED]\n")
        .contains("Caused by: java.io.IOException: token [REDACTED]")
        .contains("Suppressed: java.lang.RuntimeException: while closing: Bearer [REDACTED]")
        .contains("at dev.runtrail.logging.logback.OtlpLogsTest.failure(OtlpLogsTest.java:")
        .doesNotContain(RedactedThrowable.class.getName() + ":");
  }

  @Test
  void bareTheBackstopRedactsTheExceptionText() {
    Map<String, String> bare = failed("bare");
    assertThat(bare.get("exception.message")).isEqualTo("login failed password=[REDACTED]");
    assertThat(bare.get("exception.type")).isEqualTo("java.lang.IllegalStateException");
    assertThat(bare.get("exception.stacktrace"))
        .startsWith("java.lang.IllegalStateException: login failed password=[REDACTED]\n")
        .contains("Caused by: java.io.IOException: token [REDACTED]")
        .contains("Suppressed: java.lang.RuntimeException: while closing: Bearer [REDACTED]")
        .contains("at dev.runtrail.logging.logback.OtlpLogsTest.failure(OtlpLogsTest.java:");
  }

  /** The attributes of the failure record logged through logger {@code path}. */
  private static Map<String, String> failed(String path) {
    List<Map<String, String>> failed = received.stream()
        .filter(r -> r.getBody().getStringValue().startsWith("deploy of")).map(OtlpLogsTest::attributes)
        .filter(a -> path.equals(a.get("path"))).toList();
    assertThat(failed).hasSize(1);
    return failed.get(0);
  }

  private static Exception failure() {
    Exception cause = new IOException("token " + GITHUB);
    Exception e = new IllegalStateException("login failed password=" + PASSWORD, cause);
    e.addSuppressed(new RuntimeException("while closing: Bearer " + JWT));
    return e;
  }

  private static Logger logger(LoggerContext context, String name) {
    Logger logger = context.getLogger(name);
    logger.setAdditive(false);
    return logger;
  }

  private static Map<String, String> attributes(LogRecord record) {
    Map<String, String> out = new TreeMap<>();
    record.getAttributesList().forEach(a -> out.put(a.getKey(), a.getValue().hasStringValue()
        ? a.getValue().getStringValue() : a.getValue().toString()));
    return out;
  }
}
