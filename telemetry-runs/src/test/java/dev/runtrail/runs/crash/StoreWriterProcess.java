package dev.runtrail.runs.crash;

import dev.runtrail.runs.RunStoreExporter;
import dev.runtrail.runs.fixtures.SeedRun;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The writer that {@link RunStoreCrashTest} kills: writes the seed run over and over (new run ids, with
 * spans and a trail) through the real {@link RunStoreExporter}, in batches, until it is killed. Like
 * core, it has the next batch's runs in progress (folder and trail.jsonl on disk, no summary.json yet)
 * while it exports the current one.
 *
 * <pre>java -cp TEST_CLASS_PATH dev.runtrail.runs.crash.StoreWriterProcess RUNS_DIR BATCH_SIZE</pre>
 */
public final class StoreWriterProcess {

  static final Instant FIRST_START = Instant.parse("2026-01-01T00:00:00Z");

  private StoreWriterProcess() {}

  public static void main(String[] args) throws Exception {
    Path runsDir = Path.of(args[0]);
    int batchSize = Integer.parseInt(args[1]);
    List<SpanData> spans = spans();
    RunStoreExporter exporter = RunStoreExporter.create(runsDir);
    long next = 0;
    List<dev.runtrail.telemetry.core.export.FinishedRun> inProgress = new ArrayList<>();
    while (true) {
      List<dev.runtrail.telemetry.core.export.FinishedRun> ended = inProgress;
      inProgress = new ArrayList<>(batchSize);
      for (int i = 0; i < batchSize; i++, next++) {
        inProgress.add(SeedRun.builder(runsDir, runId(next), FIRST_START.plusSeconds(next)).spans(spans, true).build());
      }
      exporter.exportAll(ended);
    }
  }

  static String runId(long n) {
    return String.format("run-20260101-000000-%06x", n);
  }

  /** A run span with its two steps' spans, like core hands over. */
  private static List<SpanData> spans() {
    InMemorySpanExporter exported = InMemorySpanExporter.create();
    try (SdkTracerProvider provider = SdkTracerProvider.builder()
        .addSpanProcessor(SimpleSpanProcessor.create(exported)).build()) {
      Tracer tracer = provider.get("dev.runtrail");
      Span run = tracer.spanBuilder("deploy").startSpan();
      try (Scope ignored = run.makeCurrent()) {
        tracer.spanBuilder("main/deploy/api").setAttribute("runtrail.step.path", "main/deploy/api").startSpan().end();
        tracer.spanBuilder("main/verify/healthz").setAttribute("runtrail.step.path", "main/verify/healthz")
            .setAttribute("process.exit.code", 137L).startSpan().end();
      } finally {
        run.end();
      }
      return exported.getFinishedSpanItems(); // before the provider's shutdown empties the exporter
    }
  }
}
