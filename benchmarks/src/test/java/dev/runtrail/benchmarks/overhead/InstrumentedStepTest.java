package dev.runtrail.benchmarks.overhead;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtrail.telemetry.Telemetry;
import dev.runtrail.telemetry.core.trail.InMemoryTrailSink;
import dev.runtrail.telemetry.trail.TrailEvent;
import dev.runtrail.telemetry.trail.TrailSink;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.MDC;

/** The benchmark workloads do what they claim, so a benchmark cannot silently measure nothing. */
class InstrumentedStepTest {

  private static final String MANIFEST = ReferenceWorkload.manifest(34);
  private static final String[] SECRETS = {"hunter2-s3cr3t", "ghp_R8f2kLq9ZpX4vT7mN1bC6yD3sH5jW0aE8uIo",
      "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJkZXBsb3kifQ.Hk2fX8n3qVb7Lw1sYt6RzP0cMd4eJa9uGo5iNh2kQfE"};

  @Test
  void theReferenceWorkloadIsATenKilobyteDocumentTransformed() {
    assertThat(MANIFEST.length()).isBetween(9_000, 11_000);
    String out = ReferenceWorkload.process(MANIFEST);
    assertThat(out).startsWith("{\"environment\":\"prod\"").contains("\"totalReplicas\":")
        .contains("registry.example.com/platform/app-1:1.1.1");
    assertThat(ReferenceWorkload.process(MANIFEST)).isEqualTo(out);
  }

  @Test
  void instrumentedAndDisabledRunsReturnWhatTheBareWorkloadReturns() {
    String bare = ReferenceWorkload.process(MANIFEST);
    assertThat(InstrumentedStep.run(Telemetry.noop(), MANIFEST)).isEqualTo(bare);
    try (TelemetryFixture fixture = TelemetryFixture.start(TelemetryFixture.SPAN)) {
      assertThat(InstrumentedStep.run(fixture.telemetry(), MANIFEST)).isEqualTo(bare);
    }
  }

  @Test
  void anInstrumentedOperationIsARunSpanAStepSpanAndTwoRedactedTrailEvents() {
    RecordingSpanExporter spans = new RecordingSpanExporter();
    InMemoryTrailSink trail = new InMemoryTrailSink();
    Map<String, String> mdcSeen = new ConcurrentHashMap<>();
    TrailSink mdcProbe = new TrailSink() {
      @Override
      public Delivery delivery() {
        return Delivery.INLINE; // called on the recording thread, inside the step
      }

      @Override
      public void accept(TrailEvent event) {
        mdcSeen.put("run_id", String.valueOf(MDC.get("run_id")));
        mdcSeen.put("span_id", String.valueOf(MDC.get("span_id")));
        mdcSeen.put("step", String.valueOf(event.step()));
      }
    };
    String runId;
    try (TelemetryFixture fixture = TelemetryFixture.start(TelemetryFixture.SPAN, spans, trail, mdcProbe)) {
      InstrumentedStep.run(fixture.telemetry(), MANIFEST);
      List<TrailEvent> events = trail.events();
      assertThat(events).extracting(TrailEvent::type).containsExactly("tool_call", "tool_result");
      assertThat(events).extracting(TrailEvent::sequence).containsExactly(1L, 2L);
      runId = events.get(0).runId();
      String data = events.toString();
      for (String secret : SECRETS) {
        assertThat(data).doesNotContain(secret);
      }
      assertThat(data).contains("[REDACTED]").contains("helm upgrade api ./chart");
      assertThat(mdcSeen).containsEntry("run_id", runId).containsEntry("step", "main/deploy/render")
          .containsEntry("span_id", events.get(0).spanId());
      assertThat(MDC.get("run_id")).as("MDC restored after the run").isNull();
      assertThat(fixture.registry().get("runtrail.step.duration").timer().count()).isEqualTo(1);
      assertThat(fixture.registry().get("runtrail.run.duration").timer().count()).isEqualTo(1);
      assertThat(fixture.registry().get("runtrail.trail.events").counters())
          .extracting(c -> c.count()).containsOnly(1.0);
      assertThat(fixture.registry().get("runtrail.runs.completed").counter().count()).isEqualTo(1);
    }
    List<SpanData> exported = spans.spans();
    assertThat(exported).extracting(SpanData::getName).containsExactlyInAnyOrder("deploy", "main/deploy/render");
    SpanData run = exported.stream().filter(s -> s.getName().equals("deploy")).findFirst().orElseThrow();
    SpanData step = exported.stream().filter(s -> s.getName().equals("main/deploy/render")).findFirst().orElseThrow();
    assertThat(step.getParentSpanId()).isEqualTo(run.getSpanContext().getSpanId());
    assertThat(step.getEvents()).extracting(e -> e.getName()).containsExactly("tool_call", "tool_result");
    assertThat(step.getAttributes().asMap().toString()).contains(runId);
    for (String secret : SECRETS) {
      assertThat(exported.toString()).doesNotContain(secret);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {TelemetryFixture.SPAN, TelemetryFixture.SPAN_LOG, TelemetryFixture.DEFAULTS})
  void everySinkConfigurationExportsTwoSpansPerOperation(String sinks) throws IOException {
    int operations = 5;
    TelemetryFixture fixture = TelemetryFixture.start(sinks);
    Path runs = fixture.runsDirectory();
    for (int i = 0; i < operations; i++) {
      InstrumentedStep.run(fixture.telemetry(), MANIFEST);
    }
    fixture.telemetry().close(); // flushes spans and trail files; the folder is deleted by fixture.close()
    assertThat(fixture.exportedSpans()).isEqualTo(2L * operations);
    assertThat(fixture.telemetry().droppedCounts()).isEmpty();
    if (sinks.contains("jsonl")) {
      try (Stream<Path> files = Files.walk(runs)) {
        List<Path> trails = files.filter(p -> p.getFileName().toString().equals("trail.jsonl")).toList();
        assertThat(trails).hasSize(operations);
        for (Path file : trails) {
          assertThat(Files.readAllLines(file)).hasSize(2);
        }
      }
    }
    fixture.close();
    assertThat(runs).doesNotExist();
  }

  @Test
  void aStepOfALongerRunSharesItsRunWithTheNextSteps() {
    RecordingSpanExporter spans = new RecordingSpanExporter();
    String bare = ReferenceWorkload.process(MANIFEST);
    try (TelemetryFixture fixture = TelemetryFixture.start(TelemetryFixture.DEFAULTS, spans)) {
      RollingRun runs = new RollingRun(fixture.telemetry(), 10, false);
      for (int i = 0; i < 25; i++) {
        assertThat(InstrumentedStep.stepInRun(runs, MANIFEST, ReferenceWorkload::process)).isEqualTo(bare);
      }
      runs.close();
    }
    List<SpanData> steps = spans.spans().stream().filter(s -> s.getName().equals("main/deploy/render")).toList();
    List<SpanData> roots = spans.spans().stream().filter(s -> s.getName().equals("deploy")).toList();
    assertThat(steps).hasSize(25);
    assertThat(roots).hasSize(3);
    assertThat(steps).allSatisfy(step -> assertThat(step.getEvents()).hasSize(2));
    Map<String, Long> stepsPerRun = steps.stream()
        .collect(java.util.stream.Collectors.groupingBy(SpanData::getParentSpanId, java.util.stream.Collectors.counting()));
    assertThat(stepsPerRun.values()).containsExactlyInAnyOrder(10L, 10L, 5L);
    assertThat(stepsPerRun.keySet()).isSubsetOf(roots.stream().map(SpanData::getSpanId).toList());
  }

  @Test
  void rollingRunReplacesItsRunAfterTheGivenNumberOfOperations() {
    try (TelemetryFixture fixture = TelemetryFixture.start("none")) {
      RollingRun runs = new RollingRun(fixture.telemetry(), 3, true);
      String first = runs.next().runId();
      assertThat(runs.next().runId()).isEqualTo(first);
      assertThat(runs.next().runId()).isEqualTo(first);
      assertThat(runs.next().runId()).isNotEqualTo(first);
      runs.close();
      assertThat(fixture.telemetry().flush(Duration.ofSeconds(10))).isTrue();
      assertThat(fixture.registry().get("runtrail.runs.completed").counter().count()).isEqualTo(2);
    }
  }
}
