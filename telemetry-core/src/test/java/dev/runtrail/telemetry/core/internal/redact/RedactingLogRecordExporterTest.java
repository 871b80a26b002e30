package dev.runtrail.telemetry.core.internal.redact;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtrail.redaction.RedactedThrowable;
import dev.runtrail.redaction.Redactor;
import dev.runtrail.telemetry.core.internal.SelfMonitor;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.KeyValue;
import io.opentelemetry.api.common.Value;
import io.opentelemetry.api.logs.Logger;
import io.opentelemetry.api.logs.Severity;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.logs.export.SimpleLogRecordProcessor;
import io.opentelemetry.sdk.testing.exporter.InMemoryLogRecordExporter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RedactingLogRecordExporterTest {

  static final String GITHUB = "ghp_" + "aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3zA5";
  static final String AWS = "AKIA" + "QX7R2M5TPLK9WZ3D";
  static final String PASSWORD = "hunter2Correct";
  static final String JWT = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9"
      + ".eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4ifQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";
  static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
  static final String SHA = "9fceb02d0ae598e95dc970b74767f19372d61af8";
  static final String UUID = "123e4567-e89b-12d3-a456-426614174000";

  private final InMemoryLogRecordExporter memory = InMemoryLogRecordExporter.create();
  private final TelemetryRedactor redactor = new TelemetryRedactor(Redactor.defaults());
  private final SelfMonitor monitor = new SelfMonitor(redactor);
  private SdkLoggerProvider provider;

  @AfterEach
  void close() {
    provider.close();
  }

  private Logger logger(RedactingLogRecordExporter exporter) {
    provider = SdkLoggerProvider.builder().addLogRecordProcessor(SimpleLogRecordProcessor.create(exporter)).build();
    return provider.get("test");
  }

  private static String stackTrace() {
    return "java.lang.IllegalStateException: login failed password=" + PASSWORD + "\n\tat app.Main.run(Main.java:3)\n"
        + "Caused by: java.io.IOException: token " + GITHUB + "\n\tat app.Client.call(Client.java:9)\n";
  }

  @Test
  void redactsBodyAttributesExceptionTextAndEventNameAndKeepsIds() {
    Logger logger = logger(new RedactingLogRecordExporter(memory, redactor, monitor));
    logger.logRecordBuilder()
        .setSeverity(Severity.ERROR)
        .setBody("calling api with " + GITHUB + " key " + AWS + " trace " + TRACE_ID + " sha " + SHA + " id " + UUID)
        .setAttribute(AttributeKey.stringKey("auth"), "Bearer " + JWT)
        .setAttribute(AttributeKey.stringKey("git.sha"), SHA)
        .setAttribute(AttributeKey.stringKey("request.id"), UUID)
        .setAttribute(AttributeKey.stringKey("exception.message"), "login failed password=" + PASSWORD)
        .setAttribute(AttributeKey.stringKey("exception.stacktrace"), stackTrace())
        .setAttribute(AttributeKey.longKey("attempt"), 3L)
        .setEventName("deploy " + AWS)
        .emit();

    LogRecordData log = memory.getFinishedLogRecordItems().get(0);
    String everything = log.getBodyValue().asString() + log.getAttributes() + log.getEventName();
    assertThat(everything).doesNotContain(GITHUB, AWS, PASSWORD, JWT);
    assertThat(log.getBodyValue().asString())
        .isEqualTo("calling api with [REDACTED] key [REDACTED] trace " + TRACE_ID + " sha " + SHA + " id " + UUID);
    assertThat(log.getAttributes().get(AttributeKey.stringKey("git.sha"))).isEqualTo(SHA);
    assertThat(log.getAttributes().get(AttributeKey.stringKey("request.id"))).isEqualTo(UUID);
    assertThat(log.getAttributes().get(AttributeKey.longKey("attempt"))).isEqualTo(3L);
    assertThat(log.getAttributes().get(AttributeKey.stringKey("exception.stacktrace")))
        .contains("at app.Client.call(Client.java:9)", "Caused by: java.io.IOException: token [REDACTED]");
    assertThat(log.getEventName()).isEqualTo("deploy [REDACTED]");
    assertThat(log.getSeverity()).isEqualTo(Severity.ERROR);
    assertThat(monitor.droppedCounts()).isEmpty();
  }

  @Test
  void redactsStructuredBodiesByKey() {
    Logger logger = logger(new RedactingLogRecordExporter(memory, redactor, monitor));
    logger.logRecordBuilder()
        .setBody(Value.of(KeyValue.of("password", Value.of(PASSWORD)), KeyValue.of("sha", Value.of(SHA)),
            KeyValue.of("notes", Value.of(Value.of("key " + AWS), Value.of(UUID)))))
        .emit();

    Value<?> body = memory.getFinishedLogRecordItems().get(0).getBodyValue();
    assertThat(body.asString()).doesNotContain(PASSWORD, AWS).contains(SHA, UUID);
    @SuppressWarnings("unchecked")
    List<KeyValue> entries = (List<KeyValue>) body.getValue();
    assertThat(entries.get(0).getValue().asString()).isEqualTo("[REDACTED]");
    assertThat(entries.get(1).getValue().asString()).isEqualTo(SHA);
  }

  @Test
  void aFailingRedactorStillExportsTheRecordMaskedAndCountsItOnce() {
    Logger logger = logger(new RedactingLogRecordExporter(memory, log -> {
      throw new IllegalStateException("redactor broke");
    }, monitor));
    logger.logRecordBuilder()
        .setBody("token " + GITHUB)
        .setAttribute(AttributeKey.stringKey("exception.stacktrace"), stackTrace())
        .setAttribute(AttributeKey.longKey("attempt"), 2L)
        .emit();

    List<LogRecordData> logs = memory.getFinishedLogRecordItems();
    assertThat(logs).hasSize(1);
    assertThat(logs.get(0).getBodyValue().asString()).isEqualTo("[REDACTED]");
    assertThat(logs.get(0).getAttributes()).isEqualTo(Attributes.of(
        AttributeKey.stringKey("exception.stacktrace"), "[REDACTED]", AttributeKey.longKey("attempt"), 2L));
    assertThat(monitor.droppedCounts()).isEqualTo(Map.of("log_redaction", 1L));
  }

  @Test
  void theRedactedTwinsTypeBecomesTheOriginalClassItsStackTraceStartsWith() {
    Logger logger = logger(new RedactingLogRecordExporter(memory, redactor, monitor));
    logger.logRecordBuilder()
        .setAttribute(AttributeKey.stringKey("exception.type"), RedactedThrowable.class.getName())
        .setAttribute(AttributeKey.stringKey("exception.stacktrace"), stackTrace())
        .emit();
    logger.logRecordBuilder()
        .setAttribute(AttributeKey.stringKey("exception.type"), RedactedThrowable.class.getName())
        .setAttribute(AttributeKey.stringKey("exception.stacktrace"), "Outer$Inner\n\tat app.Main.run(Main.java:3)\n")
        .emit();

    List<LogRecordData> logs = memory.getFinishedLogRecordItems();
    assertThat(logs.get(0).getAttributes().get(AttributeKey.stringKey("exception.type")))
        .isEqualTo("java.lang.IllegalStateException");
    assertThat(logs.get(1).getAttributes().get(AttributeKey.stringKey("exception.type"))).isEqualTo("Outer$Inner");
  }

  @Test
  void anExceptionTypeIsKeptWhenItIsNotTheTwinsOrTheTraceStartsWithNoClassName() {
    Logger logger = logger(new RedactingLogRecordExporter(memory, redactor, monitor));
    logger.logRecordBuilder()
        .setAttribute(AttributeKey.stringKey("exception.type"), "app.DeployFailed")
        .setAttribute(AttributeKey.stringKey("exception.stacktrace"), stackTrace())
        .emit();
    logger.logRecordBuilder()
        .setAttribute(AttributeKey.stringKey("exception.type"), RedactedThrowable.class.getName())
        .setAttribute(AttributeKey.stringKey("exception.stacktrace"), "deploy failed (custom toString)\n\tat a.B.c(B.java:1)")
        .emit();
    logger.logRecordBuilder()
        .setAttribute(AttributeKey.stringKey("exception.type"), RedactedThrowable.class.getName())
        .setAttribute(AttributeKey.stringKey("exception.stacktrace"), "app.: broken\n")
        .emit();

    List<String> types = memory.getFinishedLogRecordItems().stream()
        .map(log -> log.getAttributes().get(AttributeKey.stringKey("exception.type"))).toList();
    assertThat(types).containsExactly("app.DeployFailed", RedactedThrowable.class.getName(),
        RedactedThrowable.class.getName());
  }
}
