package dev.runtrail.telemetry.core.redact;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.runtrail.telemetry.RunContext;
import dev.runtrail.telemetry.Step;
import dev.runtrail.telemetry.core.TestTelemetry;
import dev.runtrail.telemetry.core.config.Setting;
import dev.runtrail.telemetry.core.trail.Slf4jTrailSink;
import io.micrometer.core.instrument.Meter;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** Every path out of core goes through the redactor: canary secrets never come out. */
class RedactionEnforcementTest {

  // Fake secrets in real formats (a GitHub classic token, an AWS access key id, a JWT, a password).
  static final String GITHUB = "ghp_" + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8";
  static final String AWS = "AKIA" + "Q3EXAMPLE7ZK4ABC";
  static final String JWT = "eyJhbGciOiJIUzI1NiJ9" + ".eyJzdWIiOiJjYW5hcnkiLCJpYXQiOjE3MDAwMDAwMDB9"
      + ".c2lnbmF0dXJlLW9mLWEtY2FuYXJ5LXRva2Vu";
  static final String PASSWORD = "Tr0ub4dor&3-canary";
  static final List<String> CANARIES = List.of(GITHUB, AWS, JWT, PASSWORD);

  @TempDir Path runsDir;
  TestTelemetry t;
  ListAppender<ILoggingEvent> logs;
  Logger root;

  @BeforeEach
  void setUp() {
    t = TestTelemetry.create(runsDir, Map.of(Setting.TRAIL_SINKS, "span,log,jsonl"));
    root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    logs = new ListAppender<>() {
      @Override
      protected void append(ILoggingEvent event) {
        event.prepareForDeferredProcessing();
        super.append(event);
      }
    };
    logs.start();
    root.addAppender(logs);
    ((Logger) LoggerFactory.getLogger(Slf4jTrailSink.LOGGER_NAME)).setLevel(ch.qos.logback.classic.Level.INFO);
  }

  @AfterEach
  void tearDown() {
    t.close();
    root.detachAppender(logs);
    ((Logger) LoggerFactory.getLogger(Slf4jTrailSink.LOGGER_NAME)).setLevel(null);
  }

  private void assertNoCanaryIn(String where, String text) {
    for (String canary : CANARIES) {
      assertThat(text).as("canary in " + where).doesNotContain(canary);
    }
  }

  @Test
  void canariesNeverLeaveThroughAnyPath() throws Exception {
    try (RunContext run = t.telemetry.run("deploy " + GITHUB)
        .env("prod").target("api")
        .correlationId(AWS)
        .plan("{\"token\":\"" + GITHUB + "\",\"steps\":[]}")
        .resolvedValue("@env.API_TOKEN", GITHUB)
        .attribute(AttributeKey.stringKey("cmd"), "deploy --password " + PASSWORD)
        .start()) {
      assertNoCanaryIn("MDC", String.valueOf(MDC.getCopyOfContextMap()));
      try (Step step = run.step("main/push-" + AWS)) {
        step.attribute(AttributeKey.stringKey("authorization"), "Bearer " + JWT);
        step.stderrTail("fatal: could not read from https://deploy:" + PASSWORD + "@git.example.com/repo.git\n"
            + "token=" + GITHUB + "\n");
        run.trail().toolCall("curl", Map.of("headers", Map.of("Authorization", "Bearer " + JWT),
            "args", List.of("login", "--password", PASSWORD), "env", Map.of("AWS_ACCESS_KEY_ID", AWS)));
        run.trail().record("custom_event", Map.of("note", "used " + GITHUB));
        step.fail("E_PUSH_" + AWS, new IllegalStateException("push failed with token " + GITHUB,
            new RuntimeException("cause carries " + JWT)));
      }
      run.fail("E_DEPLOY", "deploy failed: password=" + PASSWORD);
    }
    String spans = String.valueOf(t.finishedSpans());
    t.telemetry.close();
    assertNoCanaryIn("spans (names, attributes, events, status)", spans);
    assertNoCanaryIn("trail events", String.valueOf(t.trail.events()));
    assertNoCanaryIn("log lines", logs.list.stream()
        .map(e -> e.getFormattedMessage() + " " + e.getKeyValuePairs() + " " + e.getMDCPropertyMap()
            + " " + (e.getThrowableProxy() == null ? "" : e.getThrowableProxy().getMessage()))
        .collect(Collectors.joining("\n")));
    assertNoCanaryIn("metric names and tags", t.meters.getMeters().stream().map(Meter::getId)
        .map(String::valueOf).collect(Collectors.joining("\n")));
    try (Stream<Path> files = Files.walk(runsDir)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        assertNoCanaryIn(file.toString(), file.toString() + Files.readString(file));
      }
    }
    assertThat(t.trail.events()).as("the events themselves were recorded, redacted").hasSize(2);
    assertThat(spans).contains("[REDACTED]");
  }

  @Test
  void spansMadeOutsideTheApiAreRedactedByTheExporterBackstop() {
    Tracer tracer = t.telemetry.openTelemetry().getTracer("app");
    try (RunContext run = t.telemetry.run("deploy").start()) {
      Span.current().setAttribute("db.connection_string", "postgres://app:" + PASSWORD + "@db:5432/prod");
      Span own = tracer.spanBuilder("call with " + GITHUB).startSpan();
      try (Scope ignored = own.makeCurrent()) {
        own.setAttribute("http.request.header.authorization", "Bearer " + JWT);
        own.addEvent("retrying with key " + AWS);
      } finally {
        own.end();
      }
    }
    assertNoCanaryIn("exported spans", String.valueOf(t.finishedSpans()));
    assertThat(t.finishedSpans()).hasSize(2);
  }

  @Test
  void redactionsAreCountedByRule() {
    try (RunContext run = t.telemetry.run("deploy").start()) {
      run.trail().record("x", Map.of("note", "token " + GITHUB));
    }
    double redactions = t.meters.find("runtrail.redactions").counters().stream()
        .mapToDouble(io.micrometer.core.instrument.Counter::count).sum();
    assertThat(redactions).isGreaterThanOrEqualTo(1);
    assertNoCanaryIn("metric tags", t.meters.getMeters().stream().map(m -> m.getId().toString())
        .collect(Collectors.joining()));
  }
}
