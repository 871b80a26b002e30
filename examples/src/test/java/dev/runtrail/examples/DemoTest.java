package dev.runtrail.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtrail.telemetry.RunContext;
import dev.runtrail.telemetry.RunStatus;
import dev.runtrail.telemetry.core.Runtrail;
import dev.runtrail.telemetry.core.RuntrailTelemetry;
import dev.runtrail.telemetry.core.trail.InMemoryTrailSink;
import dev.runtrail.telemetry.core.trail.TrailReader;
import dev.runtrail.telemetry.trail.TrailEvent;
import dev.runtrail.telemetry.trail.TrailEventTypes;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo does what the README says: a realistic deploy and agent trail, and no secret leaks. */
class DemoTest {

  @TempDir Path runsDir;

  @Test
  void demoRecordsARealisticTrailAndLeaksNoSecret() throws Exception {
    InMemorySpanExporter spans = InMemorySpanExporter.create();
    InMemoryTrailSink trail = new InMemoryTrailSink();
    RuntrailTelemetry telemetry = (RuntrailTelemetry) Runtrail.builder().enabled(true)
        .spanExporter(spans).synchronousExport(true).runsDirectory(runsDir)
        .addTrailSink(trail).shutdownHook(false).build();
    RunContext deploy = DeployDemo.deploy(telemetry, DeployDemo.Release.V1_2_0);
    RunContext agent = AgentDemo.remediate(telemetry);
    List<SpanData> finished = spans.getFinishedSpanItems();
    telemetry.close();

    assertThat(deploy.status()).isEqualTo(RunStatus.FAILED);
    assertThat(agent.status()).isEqualTo(RunStatus.OK);
    assertThat(trail.events(agent.runId())).extracting(TrailEvent::type).contains(
        TrailEventTypes.TOOL_CALL, TrailEventTypes.TOOL_RESULT, TrailEventTypes.CREDENTIAL_ISSUED,
        TrailEventTypes.POLICY_EVALUATED, TrailEventTypes.PIPELINE_TRIGGERED, TrailEventTypes.PR_CREATED);
    assertThat(trail.events(deploy.runId())).extracting(TrailEvent::type)
        .contains(TrailEventTypes.DECORATOR_USED, TrailEventTypes.CREDENTIAL_ISSUED, TrailEventTypes.ERROR);
    assertThat(finished).extracting(SpanData::getName)
        .contains("deploy", "main/verify/healthz", "agent.process_task", "agent/run/analyze/network");
    SpanData analyze = finished.stream().filter(s -> s.getName().equals("agent/run/analyze/network")).findFirst()
        .orElseThrow();
    SpanData agentRun = finished.stream().filter(s -> s.getName().equals("agent/run")).findFirst().orElseThrow();
    assertThat(analyze.getParentSpanId()).as("fanned-out work nests under its step").isEqualTo(agentRun.getSpanId());

    assertThat(String.valueOf(finished)).doesNotContain(DeployDemo.API_TOKEN);
    assertThat(String.valueOf(trail.events())).doesNotContain(DeployDemo.API_TOKEN);
    try (Stream<Path> files = Files.walk(runsDir)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        assertThat(new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1)).as(file.toString()).doesNotContain(DeployDemo.API_TOKEN);
        if (file.getFileName().toString().equals("trail.jsonl")) {
          assertThat(TrailReader.read(file).isIntact()).isTrue();
        }
      }
    }
  }
}
