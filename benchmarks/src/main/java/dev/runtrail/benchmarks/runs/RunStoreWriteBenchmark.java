package dev.runtrail.benchmarks.runs;

import dev.runtrail.runs.RunStoreExporter;
import dev.runtrail.telemetry.RunStatus;
import dev.runtrail.telemetry.core.config.RuntrailConfig;
import dev.runtrail.telemetry.core.config.Setting;
import dev.runtrail.telemetry.core.export.FinishedRun;
import dev.runtrail.telemetry.core.export.RunStoreLayout;
import dev.runtrail.telemetry.core.export.StepRecord;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Finished runs per second through {@link RunStoreExporter#exportAll}, as core's export thread calls it:
 * each operation is one batch of {@code batch} new runs (new run ids, so new folders and index rows), of
 * {@code steps} steps each, with a span per step and the run's span, three trail events, a plan. Each
 * operation also does what core does before the store sees a run: creates the run's folder and writes
 * its trail.jsonl (pre-rendered), so the figure is pessimistic for the store alone. Read the {@code runs}
 * counter (runs/s); the primary score is batches/s. Files go to a fresh folder under java.io.tmpdir per
 * iteration (a real disk, not tmpfs, on the recorded machine), removed after it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class RunStoreWriteBenchmark {

  private static final String PLAN_HASH = "5f6c0e9d8b7a69584736251403f2e1d0c9b8a7968574635241302f1e0d9c8b7a";
  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

  @Param({"1", "10"})
  public int steps;

  @Param({"1", "512"})
  public int batch;

  /**
   * The index: empty = the local SQLite {@code runs.db}; a {@code jdbc:postgresql://...} URL = a shared
   * index ({@code -p indexUrl=jdbc:postgresql://127.0.0.1:5432/postgres?user=runtrail}). Its tables are
   * emptied before each iteration.
   */
  @Param({""})
  public String indexUrl;

  private List<SpanData> spans;
  private List<StepRecord> stepRecords;
  private Path runsDir;
  private RunStoreLayout layout;
  private RunStoreExporter exporter;
  private long next;

  /** Runs written, for runs/s. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Counters {
    public long runs;
  }

  @Setup(Level.Trial)
  public void spans() {
    spans = spans(steps);
    stepRecords = new ArrayList<>();
    for (int i = 0; i < steps; i++) {
      stepRecords.add(new StepRecord("main/step-" + i, null, String.format("%016x", i + 1), START.plusSeconds(i),
          START.plusSeconds(i + 1), RunStatus.OK, 0, null, null, List.of(), null, Map.of()));
    }
  }

  @Setup(Level.Iteration)
  public void store() throws IOException {
    runsDir = Files.createTempDirectory("runtrail-store-bench");
    layout = new RunStoreLayout(runsDir);
    if (indexUrl.isEmpty()) {
      exporter = RunStoreExporter.create(runsDir);
    } else {
      emptySharedIndex();
      exporter = RunStoreExporter.create(runsDir, RuntrailConfig.of(Map.of(Setting.INDEX_URL, indexUrl)));
    }
  }

  private void emptySharedIndex() throws IOException {
    try (Connection connection = DriverManager.getConnection(indexUrl);
        Statement statement = connection.createStatement()) {
      statement.execute("DROP TABLE IF EXISTS trail_events, steps, runs, schema_version");
    } catch (SQLException e) {
      throw new IOException("cannot empty the index at " + indexUrl + ": " + e.getMessage(), e);
    }
  }

  @TearDown(Level.Iteration)
  public void removeStore() throws IOException {
    exporter.close();
    StoreFixtures.deleteTree(runsDir);
  }

  @Benchmark
  public void exportAll(Counters counters) throws Exception {
    List<FinishedRun> runs = new ArrayList<>(batch);
    for (int i = 0; i < batch; i++) {
      runs.add(run(next++));
    }
    exporter.exportAll(runs);
    counters.runs += batch;
  }

  private FinishedRun run(long n) throws IOException {
    String runId = String.format("run-20260101-000000-%08x", n);
    Path dir = layout.runDirectory("prod", "api", PLAN_HASH, runId);
    Files.createDirectories(dir);
    Path trail = dir.resolve(RunStoreLayout.TRAIL_FILE);
    Files.writeString(trail, StoreFixtures.trailOfThreeEvents(runId), StandardCharsets.UTF_8);
    return FinishedRun.builder().runId(runId).name("deploy").env("prod").target("api")
        .plan(PLAN_HASH, "{\"version\":\"1.0\",\"steps\":[{\"id\":\"main/step-0\",\"command\":\"make deploy\"}]}",
            List.of("@var.REPLICAS \u2192 3"))
        .timing(START, START.plusSeconds(steps)).outcome(RunStatus.OK, null, null, null).runner("runner-1")
        .git("abc123", "main").steps(stepRecords).spans(spans, true).files(dir, trail).build();
  }

  /** A run span with one child span per step. */
  private static List<SpanData> spans(int steps) {
    List<SpanData> finished = new ArrayList<>();
    SpanExporter collect = new SpanExporter() {
      @Override
      public io.opentelemetry.sdk.common.CompletableResultCode export(Collection<SpanData> spans) {
        finished.addAll(spans);
        return io.opentelemetry.sdk.common.CompletableResultCode.ofSuccess();
      }

      @Override
      public io.opentelemetry.sdk.common.CompletableResultCode flush() {
        return io.opentelemetry.sdk.common.CompletableResultCode.ofSuccess();
      }

      @Override
      public io.opentelemetry.sdk.common.CompletableResultCode shutdown() {
        return io.opentelemetry.sdk.common.CompletableResultCode.ofSuccess();
      }
    };
    try (SdkTracerProvider provider = SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(collect))
        .build()) {
      Tracer tracer = provider.get("dev.runtrail");
      Span run = tracer.spanBuilder("deploy").startSpan();
      try (io.opentelemetry.context.Scope ignored = run.makeCurrent()) {
        for (int i = 0; i < steps; i++) {
          tracer.spanBuilder("main/step-" + i).setAttribute("runtrail.step.path", "main/step-" + i)
              .setAttribute("process.exit.code", 0L).startSpan().end();
        }
      } finally {
        run.end();
      }
    }
    return List.copyOf(finished);
  }
}
