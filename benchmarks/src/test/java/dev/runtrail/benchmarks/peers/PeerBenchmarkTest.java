package dev.runtrail.benchmarks.peers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtrail.benchmarks.overhead.TelemetryFixture;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.sdk.trace.ReadableSpan;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The peers do the job they are compared on. */
class PeerBenchmarkTest {

  @Test
  void theOtelPeerSpanCarriesTheAttributeKeysOfARuntrailStepSpan() {
    PeerBenchmark benchmark = new PeerBenchmark();
    PeerBenchmark.OpenTelemetrySdk otel = new PeerBenchmark.OpenTelemetrySdk();
    otel.setUp();
    PeerBenchmark.Runtrail runtrail = new PeerBenchmark.Runtrail();
    runtrail.setUp();
    try {
      Span peer = benchmark.otelSpan(otel);
      var ours = benchmark.runtrailStep(runtrail);
      ReadableSpan peerData = (ReadableSpan) peer;
      assertThat(peerData.hasEnded()).isTrue();
      assertThat(peerData.getParentSpanContext().isValid()).isTrue();
      assertThat(peerData.getName()).isEqualTo(ours.path());
      assertThat(peerData.toSpanData().getAttributes().asMap().keySet())
          .extracting(k -> k.getKey())
          .contains("cicd.pipeline.run.id", "deployment.environment.name", "runtrail.target", "cicd.worker.id",
              "runtrail.correlation.id", "runtrail.step.path", "cicd.pipeline.task.name",
              "cicd.pipeline.task.run.result", "process.exit.code");
      Span withEvents = benchmark.otelSpanWithEvents(otel);
      assertThat(((ReadableSpan) withEvents).toSpanData().getEvents()).hasSize(2);
    } finally {
      otel.tearDown();
      runtrail.tearDown();
    }
  }

  @Test
  void theObservationPeerRecordsATimerAndCountsItsEvents() {
    PeerBenchmark benchmark = new PeerBenchmark();
    PeerBenchmark.Micrometer micrometer = new PeerBenchmark.Micrometer();
    micrometer.setUp();
    benchmark.observation(micrometer);
    benchmark.observationWithEvents(micrometer);
    Timer timer = micrometer.meters.get("runtrail.step").timer();
    assertThat(timer.count()).isEqualTo(2);
    assertThat(timer.getId().getTag("step")).isEqualTo("main/deploy/render");
    assertThat(micrometer.meters.get("runtrail.step.tool_call").counter().count()).isEqualTo(1);
  }

  @Test
  void theTrailedRuntrailStepRecordsTwoEventsOnItsSpan() {
    PeerBenchmark benchmark = new PeerBenchmark();
    PeerBenchmark.Runtrail runtrail = new PeerBenchmark.Runtrail();
    runtrail.setUp();
    try {
      benchmark.runtrailTrailedStep(runtrail);
      TelemetryFixture fixture = runtrail.fixture;
      assertThat(fixture.telemetry().flush(Duration.ofSeconds(10))).isTrue();
      assertThat(fixture.registry().get("runtrail.trail.events").counters()).hasSize(2);
      assertThat(fixture.registry().get("runtrail.agent.tool.calls").counter().count()).isEqualTo(1);
      assertThat(fixture.registry().get("runtrail.redactions").counters()).isNotEmpty();
    } finally {
      runtrail.tearDown();
    }
  }
}
