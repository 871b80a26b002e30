package dev.runtrail.benchmarks.remote;

import dev.runtrail.benchmarks.runs.StoreFixtures;
import dev.runtrail.runs.RunStoreExporter;
import dev.runtrail.telemetry.RunStatus;
import dev.runtrail.telemetry.core.export.FinishedRun;
import dev.runtrail.telemetry.core.export.RunStoreLayout;
import dev.runtrail.telemetry.core.export.StepRecord;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Run folders as the local store writes them (the real {@link RunStoreExporter}: plan, summary, trail,
 * OTLP traces, report), one step and three trail events each; their keys relative to the runs dir.
 */
record StoreFolders(Path runsDir, List<String> keys) {

  private static final String PLAN_HASH = "5f6c0e9d8b7a69584736251403f2e1d0c9b8a7968574635241302f1e0d9c8b7a";
  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

  static StoreFolders write(Path runsDir, int count) throws Exception {
    RunStoreLayout layout = new RunStoreLayout(runsDir);
    List<SpanData> spans = spans();
    List<StepRecord> steps = List.of(new StepRecord("main/step-0", null, "0000000000000001", START,
        START.plusSeconds(1), RunStatus.OK, 0, null, null, List.of(), null, Map.of()));
    List<FinishedRun> runs = new ArrayList<>();
    List<String> keys = new ArrayList<>();
    for (int n = 0; n < count; n++) {
      String runId = String.format("run-20260101-000000-%08x", n);
      Path dir = Files.createDirectories(layout.runDirectory("prod", "api", PLAN_HASH, runId));
      Path trail = dir.resolve(RunStoreLayout.TRAIL_FILE);
      Files.writeString(trail, StoreFixtures.trailOfThreeEvents(runId), StandardCharsets.UTF_8);
      runs.add(FinishedRun.builder().runId(runId).name("deploy").env("prod").target("api")
          .plan(PLAN_HASH, "{\"version\":\"1.0\",\"steps\":[{\"id\":\"main/step-0\",\"command\":\"make deploy\"}]}",
              List.of())
          .timing(START, START.plusSeconds(1)).outcome(RunStatus.OK, null, null, null).runner("runner-1")
          .git("abc123", "main").steps(steps).spans(spans, true).files(dir, trail).build());
      keys.add(runsDir.relativize(dir).toString().replace(java.io.File.separatorChar, '/'));
    }
    RunStoreExporter exporter = RunStoreExporter.create(runsDir);
    try {
      exporter.exportAll(runs);
    } finally {
      exporter.close();
    }
    return new StoreFolders(runsDir, List.copyOf(keys));
  }

  /** A run span with one step span under it. */
  private static List<SpanData> spans() {
    List<SpanData> finished = new ArrayList<>();
    SpanExporter collect = new SpanExporter() {
      @Override
      public CompletableResultCode export(Collection<SpanData> spans) {
        finished.addAll(spans);
        return CompletableResultCode.ofSuccess();
      }

      @Override
      public CompletableResultCode flush() {
        return CompletableResultCode.ofSuccess();
      }

      @Override
      public CompletableResultCode shutdown() {
        return CompletableResultCode.ofSuccess();
      }
    };
    try (SdkTracerProvider provider = SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(collect))
        .build()) {
      Span run = provider.get("dev.runtrail").spanBuilder("deploy").startSpan();
      try (io.opentelemetry.context.Scope ignored = run.makeCurrent()) {
        provider.get("dev.runtrail").spanBuilder("main/step-0").setAttribute("runtrail.step.path", "main/step-0")
            .startSpan().end();
      } finally {
        run.end();
      }
    }
    return List.copyOf(finished);
  }
}
