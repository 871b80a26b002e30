package dev.runtrail.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtrail.telemetry.RunStatus;
import dev.runtrail.telemetry.core.export.FinishedRun;
import dev.runtrail.telemetry.core.export.StepRecord;
import dev.runtrail.telemetry.trail.TrailEvent;
import dev.runtrail.testkit.Canary;
import dev.runtrail.testkit.Leak;
import dev.runtrail.testkit.LeakReport;
import dev.runtrail.testkit.LogLine;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.sdk.testing.trace.TestSpanData;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LeakScannerTest {

  static final Canary TOKEN = new Canary("github-token", "ghp_TOKENtoken0123456789abcdefghijklmnop",
      "ghp_TOKENtoken0123456789abcdefghijklmnop");
  static final Canary PEM = new Canary("pem-private-key", "-----BEGIN PRIVATE KEY-----\nab/cd+ef\n",
      "ab/cd+ef");

  static final SpanContext CONTEXT = SpanContext.create("0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331",
      TraceFlags.getSampled(), TraceState.getDefault());

  @TempDir Path runsDirectory;
  final SimpleMeterRegistry meters = new SimpleMeterRegistry();

  private LeakReport scan(List<SpanData> spans, List<FinishedRun> runs, List<TrailEvent> trail, List<LogLine> lines,
      Canary... canaries) {
    return LeakScanner.scan(List.of(canaries), new LeakScanner.Sources(spans, runs, trail, lines, List.of(),
        "log capture: complete", meters, runsDirectory));
  }

  private static List<String> where(LeakReport report) {
    return report.leaks().stream().map(Leak::location).toList();
  }

  private static SpanData span(String name, Attributes attributes, List<EventData> events, String status) {
    return TestSpanData.builder().setName(name).setKind(SpanKind.INTERNAL)
        .setSpanContext(CONTEXT)
        .setStartEpochNanos(1).setEndEpochNanos(2).setHasEnded(true)
        .setAttributes(attributes).setEvents(events).setTotalRecordedEvents(events.size())
        .setStatus(status == null ? StatusData.ok() : StatusData.error()).build();
  }

  @Test
  void findsCanariesInSpanNamesAttributesEventsAndStatus() {
    SpanData leaky = TestSpanData.builder().setName("call " + TOKEN.secret()).setKind(SpanKind.INTERNAL)
        .setSpanContext(CONTEXT)
        .setStartEpochNanos(1).setEndEpochNanos(2).setHasEnded(true)
        .setAttributes(Attributes.builder().put("cmd", "push " + TOKEN.secret()).build())
        .setEvents(List.of(EventData.create(1, "retry", Attributes.builder().put("why", TOKEN.secret()).build())))
        .setTotalRecordedEvents(1)
        .setStatus(StatusData.create(io.opentelemetry.api.trace.StatusCode.ERROR, "denied for " + TOKEN.secret()))
        .build();
    LeakReport report = scan(List.of(leaky), List.of(), List.of(), List.of(), TOKEN);
    assertThat(where(report)).containsExactly(
        "span 'call " + TOKEN.secret() + "' (its name)",
        "span 'call " + TOKEN.secret() + "' attribute 'cmd'",
        "span 'call " + TOKEN.secret() + "' event 'retry' attribute 'why'",
        "span 'call " + TOKEN.secret() + "' status description");
  }

  @Test
  void findsCanariesInWhatRunExportersGetIncludingTheirSpans() {
    StepRecord step = new StepRecord("main/push", null, "b7ad6b7169203331", Instant.EPOCH, Instant.EPOCH,
        RunStatus.FAILED, 1, "E_PUSH", "denied " + TOKEN.secret(), List.of(), null, Map.of("remote", TOKEN.secret()));
    FinishedRun run = FinishedRun.builder().runId("run-1").name("deploy").timing(Instant.EPOCH, Instant.EPOCH)
        .steps(List.of(step))
        .spans(List.of(span("deploy", Attributes.builder().put("cmd", TOKEN.secret()).build(), List.of(), null)), true)
        .build();
    LeakReport report = scan(List.of(), List.of(run), List.of(), List.of(), TOKEN);
    String prefix = "finished run 'deploy' (run-1, as run exporters got it) ";
    assertThat(where(report)).containsExactly(
        prefix + "step 'main/push' error message",
        prefix + "step 'main/push' attribute 'remote'",
        prefix + "span 'deploy' attribute 'cmd'");
  }

  @Test
  void namesTheDataPathInsideTrailEvents() {
    Map<String, Object> data = Map.of("args", Map.of("headers", List.of("Accept: */*", "token " + TOKEN.secret())));
    TrailEvent event = new TrailEvent(3, Instant.EPOCH, "tool_call", "run-1", null, "corr", null, null, null, data);
    assertThat(where(scan(List.of(), List.of(), List.of(event), List.of(), TOKEN)))
        .containsExactly("trail event #3 'tool_call' of run-1 data 'args.headers[1]'");
  }

  @Test
  void checksLogMessagesMdcKeyValuesAndStackTraces() {
    LogLine line = new LogLine(Instant.EPOCH, "WARN", "com.example.App", "main", "using " + TOKEN.secret(),
        Map.of("auth", TOKEN.secret()), Map.of("header", TOKEN.secret()), "java.lang.Exception: " + TOKEN.secret());
    assertThat(where(scan(List.of(), List.of(), List.of(), List.of(line), TOKEN))).containsExactly(
        "log line #1 WARN com.example.App 'using " + TOKEN.secret() + "' (message)",
        "log line #1 WARN com.example.App 'using " + TOKEN.secret() + "' MDC 'auth'",
        "log line #1 WARN com.example.App 'using " + TOKEN.secret() + "' key-value 'header'",
        "log line #1 WARN com.example.App 'using " + TOKEN.secret() + "' (stack trace)");
  }

  @Test
  void checksMeterNamesTagKeysAndTagValues() {
    meters.counter("app.calls", "user", TOKEN.secret()).increment();
    meters.counter("app." + TOKEN.secret()).increment();
    assertThat(where(scan(List.of(), List.of(), List.of(), List.of(), TOKEN))).containsExactlyInAnyOrder(
        "meter 'app.calls' tag 'user'", "meter 'app." + TOKEN.secret() + "' (its name)");
  }

  @Test
  void findsSecretsInFilesRawOrJsonEscapedWithTheirLine() throws Exception {
    Path run = Files.createDirectories(runsDirectory.resolve("prod/api/_/run-1"));
    Files.writeString(run.resolve("summary.json"), "{\n  \"key\": \"ab\\/cd+ef\"\n}\n");
    Files.write(run.resolve("runs.db"), concat(new byte[] {0, 1, 2, '\n'}, TOKEN.secret().getBytes(StandardCharsets.UTF_8),
        new byte[] {0}));
    LeakReport report = scan(List.of(), List.of(), List.of(), List.of(), TOKEN, PEM);
    assertThat(where(report)).containsExactlyInAnyOrder(
        "file 'prod/api/_/run-1/runs.db' line 2", "file 'prod/api/_/run-1/summary.json' line 2");
    assertThat(report.scanned()).contains("2 files under the runs directory");
  }

  @Test
  void aCleanScanSaysWhatItLookedAt() {
    LeakReport report = scan(List.of(span("deploy", Attributes.empty(), List.of(), null)), List.of(), List.of(),
        List.of(), TOKEN);
    assertThat(report.isClean()).isTrue();
    assertThat(report.describe()).isEqualTo("No canary leaked (1 canaries looked for)\nScanned 1 exported span,"
        + " 0 finished runs (with their spans and steps), 0 trail events, 0 log lines (+0 unattributed; log capture:"
        + " complete), 0 meters, 0 files under the runs directory");
  }

  @Test
  void listsAtMostFiftyLeaks() {
    List<SpanData> spans = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      spans.add(span("span-" + i, Attributes.builder().put("cmd", TOKEN.secret()).build(), List.of(), null));
    }
    LeakReport report = scan(spans, List.of(), List.of(), List.of(), TOKEN);
    assertThat(report.leaks()).hasSize(LeakReport.MAX_LEAKS);
    assertThat(report.describe()).startsWith("At least 50 leaks of test canaries");
  }

  private static byte[] concat(byte[]... parts) {
    int length = 0;
    for (byte[] part : parts) {
      length += part.length;
    }
    byte[] all = new byte[length];
    int at = 0;
    for (byte[] part : parts) {
      System.arraycopy(part, 0, all, at, part.length);
      at += part.length;
    }
    return all;
  }
}
