package dev.runtrail.telemetry.core.trail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtrail.telemetry.RunContext;
import dev.runtrail.telemetry.Step;
import dev.runtrail.telemetry.core.RuntrailTelemetry;
import dev.runtrail.telemetry.core.export.FinishedRun;
import dev.runtrail.telemetry.core.export.RunExporter;
import dev.runtrail.telemetry.trail.TrailSink;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** flush() waits for everything done in the background for what was recorded before it, like OTel's forceFlush. */
class FlushTest {

  @TempDir Path runsDir;

  /** A run exporter that takes its time, as a run store on a slow disk does. */
  static final class SlowExporter implements RunExporter {
    final List<String> exported = new CopyOnWriteArrayList<>();

    @Override
    public void export(FinishedRun run) throws InterruptedException {
      Thread.sleep(200);
      exported.add(run.runId());
    }
  }

  @Test
  void flushReturnsOnceSinksSpansAndRunExportersHaveEverythingRecordedBefore() throws Exception {
    KeptSpans spans = new KeptSpans();
    SlowExporter exporter = new SlowExporter();
    HeldSink async = new HeldSink(TrailSink.Delivery.ASYNC, new CountDownLatch(0));
    RuntrailTelemetry telemetry = (RuntrailTelemetry) HeldSink.telemetry(runsDir, new SimpleMeterRegistry(), spans,
        "span,jsonl", Map.of(), async).addRunExporter(exporter).build();
    try {
      String runId;
      try (RunContext run = telemetry.run("deploy").env("prod").target("api").start()) {
        runId = run.runId();
        try (Step step = run.step("main/apply")) {
          run.trail().toolCall("helm", Map.of("command", "helm upgrade api"));
        }
      }

      assertThat(telemetry.flush(Duration.ofSeconds(10))).isTrue();

      assertThat(exporter.exported).as("the run store has the run").containsExactly(runId);
      assertThat(async.events).as("the asynchronous sink has the event").hasSize(1);
      assertThat(spans.getFinishedSpanItems()).as("both spans were exported").hasSize(2);
      Path trail;
      try (var files = Files.walk(runsDir)) {
        trail = files.filter(p -> p.getFileName().toString().equals("trail.jsonl")).findFirst().orElseThrow();
      }
      assertThat(Files.readString(trail)).as("trail.jsonl is written out").contains("\"tool_call\"");
    } finally {
      telemetry.close();
    }
  }

  @Test
  void flushSaysSoWhenARunExporterIsNotDoneInTime() throws Exception {
    SlowExporter exporter = new SlowExporter();
    RuntrailTelemetry telemetry = (RuntrailTelemetry) HeldSink.telemetry(runsDir, new SimpleMeterRegistry(),
        new KeptSpans(), "span", Map.of()).addRunExporter(exporter).build();
    try {
      for (int i = 0; i < 3; i++) {
        telemetry.run("deploy").start().close();
      }

      assertThat(telemetry.flush(Duration.ofMillis(100))).as("600 ms of exports left").isFalse();
      assertThat(telemetry.flush(Duration.ofSeconds(10))).isTrue();
      assertThat(exporter.exported).hasSize(3);
    } finally {
      telemetry.close();
    }
  }
}
