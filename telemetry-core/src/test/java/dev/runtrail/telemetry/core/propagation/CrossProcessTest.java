package dev.runtrail.telemetry.core.propagation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtrail.telemetry.RunContext;
import dev.runtrail.telemetry.Step;
import dev.runtrail.telemetry.core.TestTelemetry;
import dev.runtrail.telemetry.core.trail.TrailReader;
import dev.runtrail.telemetry.trail.TrailEvent;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A second JVM continues the trace over a real socket; both trails carry one correlation id. */
class CrossProcessTest {

  @TempDir Path parentRuns;
  @TempDir Path childRuns;

  @Test
  void secondProcessContinuesTheTraceAndTheCorrelationId() throws Exception {
    try (ChildJvm child = ChildJvm.start(ChildJvm.currentJavaHome(), RemoteWorker.class, childRuns.toString());
        TestTelemetry t = TestTelemetry.create(parentRuns)) {
      int port = Integer.parseInt(child.await("READY ").substring("READY ".length()).trim());
      String responseCorrelation;
      String parentCorrelation;
      try (RunContext run = t.telemetry.run("dispatch").start(); Step step = run.step("dispatch/call-worker")) {
        parentCorrelation = run.correlationId();
        run.trail().pipelineTriggered("remote-work", "HTTP");
        HttpURLConnection connection = (HttpURLConnection) new URL("http://127.0.0.1:" + port + "/work").openConnection();
        connection.setRequestMethod("POST");
        Map<String, String> headers = new HashMap<>();
        t.telemetry.propagation().inject(headers);
        headers.forEach(connection::setRequestProperty);
        assertThat(connection.getResponseCode()).isEqualTo(200);
        responseCorrelation = connection.getHeaderField("X-Correlation-ID");
      }
      List<String> lines = child.linesUntilExit();
      assertThat(child.waitFor()).isZero();

      SpanData callerStep = t.span("dispatch/call-worker");
      Map<String, String[]> childSpans = new HashMap<>();
      lines.stream().filter(l -> l.startsWith("SPAN ")).map(l -> l.split(" "))
          .forEach(parts -> childSpans.put(parts[1], parts));
      assertThat(childSpans).containsKeys("POST_/work", "remote-work", "remote/execute");
      for (String[] span : childSpans.values()) {
        assertThat(span[3]).as("child span %s shares the trace id", span[1]).isEqualTo(callerStep.getTraceId());
      }
      String[] server = childSpans.get("POST_/work");
      assertThat(server[2]).isEqualTo("SERVER");
      assertThat(server[5]).as("the server span's parent is the caller's step").isEqualTo(callerStep.getSpanId());
      assertThat(childSpans.get("remote-work")[5]).isEqualTo(server[4]);
      assertThat(childSpans.get("remote/execute")[5]).isEqualTo(childSpans.get("remote-work")[4]);

      String[] childRun = lines.stream().filter(l -> l.startsWith("RUN ")).findFirst().orElseThrow().split(" ");
      assertThat(childRun[2]).isEqualTo(parentCorrelation);
      assertThat(responseCorrelation).isEqualTo(parentCorrelation);

      t.telemetry.close();
      List<TrailEvent> parentTrail = TrailReader.read(trailFile(parentRuns)).events();
      List<TrailEvent> childTrail = TrailReader.read(trailFile(childRuns)).events();
      assertThat(parentTrail).singleElement().extracting(TrailEvent::correlationId).isEqualTo(parentCorrelation);
      assertThat(childTrail).singleElement().satisfies(event -> {
        assertThat(event.correlationId()).isEqualTo(parentCorrelation);
        assertThat(event.traceId()).isEqualTo(callerStep.getTraceId());
        assertThat(event.runId()).isEqualTo(childRun[1]);
      });
    }
  }

  private static Path trailFile(Path runsDir) throws Exception {
    try (Stream<Path> files = Files.walk(runsDir)) {
      return files.filter(p -> p.getFileName().toString().equals("trail.jsonl")).findFirst().orElseThrow();
    }
  }
}
