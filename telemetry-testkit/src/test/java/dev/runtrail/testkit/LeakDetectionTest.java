package dev.runtrail.testkit;

import static dev.runtrail.testkit.RuntrailAssertions.assertThat;

import dev.runtrail.telemetry.RunContext;
import dev.runtrail.telemetry.Step;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** The canary check: what truly bypasses Runtrail's redactor is caught, and where; the rest passes. */
@SuppressWarnings("try") // runs and steps are opened for their scope
@RuntrailTest
class LeakDetectionTest {

  static final Logger LOG = LoggerFactory.getLogger("com.example.Agent");

  private static List<String> locations(Captured captured) {
    return captured.scanForLeaks().leaks().stream().map(Leak::location).toList();
  }

  @Test
  void everyKindOfCanaryThroughEveryRuntrailPathLeaksNothing(Captured captured) {
    List<Canary> canaries = captured.canary().all();
    try (RunContext run = captured.telemetry().run("deploy").env("prod").target("api")
        .resolvedValue("@env.API_TOKEN", canaries.get(0).text())
        .start()) {
      for (int i = 0; i < canaries.size(); i++) {
        Canary canary = canaries.get(i);
        run.attribute(AttributeKey.stringKey("detail." + i), canary.text());
        try (Step step = run.step("main/use-" + canary.kind())) {
          step.attribute(AttributeKey.stringKey("cmd"), "deploy " + canary.text());
          step.stderrTail("fatal: " + canary.text() + "\n");
          run.trail().toolCall("cli", Map.of("args", List.of("login", canary.text()), "env", Map.of("note", canary.text())));
          run.trail().record("custom_event", Map.of("text", "used " + canary.text()));
          step.fail("E_USE", new IllegalStateException("failed with " + canary.text(),
              new RuntimeException("cause carries " + canary.text())));
        }
      }
      run.fail("E_DEPLOY", "deploy failed: " + canaries.get(1).text());
    }
    assertThat(captured).leaksNoCanaries();
  }

  @Test
  void aTokenTheAppLogsItselfIsCaughtInTheMessage(Captured captured) {
    Canary token = captured.canary().githubToken();
    try (RunContext run = captured.telemetry().run("agent").start()) {
      LOG.info("calling the API with {}", token);
    }
    assertThat(locations(captured)).containsExactly(
        "log line #1 INFO com.example.Agent 'calling the API with " + token.secret() + "' (message)");
  }

  @Test
  void aSecretTheAppPutsInTheMdcIsCaught(Captured captured) {
    Canary key = captured.canary().awsAccessKeyId();
    try (RunContext run = captured.telemetry().run("agent").start()) {
      MDC.put("aws_key", key.secret());
      try {
        LOG.info("uploading");
      } finally {
        MDC.remove("aws_key");
      }
    }
    assertThat(locations(captured)).containsExactly("log line #1 INFO com.example.Agent 'uploading' MDC 'aws_key'");
  }

  @Test
  void anExceptionTheAppLogsIsCaughtInTheStackTrace(Captured captured) {
    Canary jwt = captured.canary().jwt();
    LOG.warn("call failed", new IllegalStateException("401 for " + jwt));
    assertThat(locations(captured)).containsExactly("log line #1 WARN com.example.Agent 'call failed' (stack trace)");
  }

  @Test
  void aKeyValueTheAppLogsIsCaught(Captured captured) {
    Canary header = captured.canary().authorizationHeader();
    LOG.atInfo().addKeyValue("authorization", header.text()).log("calling");
    assertThat(locations(captured)).containsExactly("log line #1 INFO com.example.Agent 'calling' key-value 'authorization'");
  }

  @Test
  void aMetricTagTheAppSetsIsCaught(Captured captured) {
    Canary token = captured.canary().npmToken();
    captured.meters().counter("app.publishes", "token", token.secret()).increment();
    assertThat(locations(captured)).containsExactly("meter 'app.publishes' tag 'token'");
  }

  @Test
  void aSecretWithNoShapeOfItsOwnLeaksUnderAnInnocentKeyAndIsFoundEverywhere(Captured captured) {
    Canary password = captured.canary().password();
    try (RunContext run = captured.telemetry().run("agent").start(); Step step = run.step("agent/login")) {
      run.trail().record("login", Map.of("note", password.secret()));
    }
    assertThat(locations(captured)).as("only a sensitive key tells Runtrail that this value is secret")
        .anyMatch(where -> where.startsWith("span 'agent/login' event 'login' attribute 'note'"))
        .anyMatch(where -> where.matches("trail event #1 'login' of run-.* data 'note'"))
        .anyMatch(where -> where.startsWith("log line #1 INFO runtrail.trail 'action_trail:login' key-value 'data'"))
        .anyMatch(where -> where.matches("file '_/_/_/run-.*/trail.jsonl' line 1"));
  }

  @Test
  void theSameSecretUnderASensitiveKeyDoesNotLeak(Captured captured) {
    Canary password = captured.canary().password();
    try (RunContext run = captured.telemetry().run("agent").start(); Step step = run.step("agent/login")) {
      run.trail().record("login", Map.of("password", password.secret()));
    }
    assertThat(captured).leaksNoCanaries();
  }

  @Test
  void attributesSetDirectlyOnARuntrailSpanNeverReachRunExportersRaw(Captured captured) {
    Canary token = captured.canary().githubToken();
    try (RunContext run = captured.telemetry().run("deploy").start()) {
      Span.current().setAttribute("cmd", "git push https://x:" + token.secret() + "@github.com/org/repo");
    }
    assertThat(captured).hasSpan("deploy").hasAttribute(AttributeKey.stringKey("cmd"),
        "git push https://x:[REDACTED]@github.com/org/repo");
    assertThat(captured).leaksNoCanaries();
  }
}
