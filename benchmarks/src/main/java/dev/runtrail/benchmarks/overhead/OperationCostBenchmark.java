package dev.runtrail.benchmarks.overhead;

import dev.runtrail.redaction.Redactor;
import dev.runtrail.telemetry.RunContext;
import dev.runtrail.telemetry.Step;
import dev.runtrail.telemetry.Telemetry;
import dev.runtrail.telemetry.core.trail.JsonlTrailSink;
import dev.runtrail.telemetry.core.trail.Slf4jTrailSink;
import dev.runtrail.telemetry.trail.TrailEvent;
import dev.runtrail.telemetry.trail.TrailSink;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * What each Runtrail operation costs on the calling thread (run with {@code -prof gc} for bytes per
 * operation): the disabled path, a run, a step, a trail event per sink, redaction of a typical event's
 * data, an MDC scope; and what the asynchronous sinks then spend per event on their own threads.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Threads(1)
@Fork(value = 3, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class OperationCostBenchmark {

  /** The data of a typical tool call: a command line with a credentialed URL and a token in it. */
  static Map<String, Object> toolCallData() {
    Map<String, Object> args = new LinkedHashMap<>();
    args.put("command", InstrumentedStep.TOOL_COMMAND);
    args.put("timeout_s", 300);
    return args;
  }

  /** Runtrail disabled: {@code RUNTRAIL_ENABLED} unset. */
  @Benchmark
  public void disabledRunAndStep(Blackhole bh) {
    Telemetry telemetry = Telemetry.noop();
    try (RunContext run = telemetry.run("deploy").env("prod").target("api").start();
        Step step = run.step("main/deploy/render")) {
      bh.consume(run.trail().toolCall("helm", toolCallData()));
      step.exitCode(0);
    }
  }

  /** Enabled telemetry with inline span events only, and an open run to work in. */
  @State(Scope.Thread)
  public static class InRun {
    public TelemetryFixture fixture;
    public RollingRun runs;

    @Setup(Level.Trial)
    public void setUp() {
      fixture = TelemetryFixture.start(TelemetryFixture.SPAN);
      runs = new RollingRun(fixture.telemetry(), 1024, false);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      runs.close();
      fixture.close();
    }
  }

  /** A run with no step: start (ids, root span, baggage, MDC, metrics) and close (status, timers, trail hand-off). */
  @Benchmark
  public RunContext enabledRun(InRun state) {
    try (RunContext run = state.fixture.telemetry().run("deploy").env("prod").target("api")
        .runner("runner-12").start()) {
      return run;
    }
  }

  /** One step inside an open run: span with the run's attributes, context, MDC, step timer. */
  @Benchmark
  public Step enabledStep(InRun state) {
    try (Step step = state.runs.next().step("main/deploy/render")) {
      step.exitCode(0);
      return step;
    }
  }

  /** Making a step current again on this thread: OpenTelemetry context and the five MDC keys, then restored. */
  @State(Scope.Thread)
  public static class InStep {
    TelemetryFixture fixture;
    RunContext run;
    Step step;

    @Setup(Level.Trial)
    public void setUp() {
      fixture = TelemetryFixture.start(TelemetryFixture.SPAN);
      run = fixture.telemetry().run("deploy").env("prod").target("api").start();
      step = run.step("main/deploy/render");
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      step.close();
      run.close();
      fixture.close();
    }
  }

  @Benchmark
  public void mdcScope(InStep state) {
    try (io.opentelemetry.context.Scope scope = state.step.makeCurrent()) {
      // attached: MDC holds trace_id, span_id, trace_flags, run_id, correlation_id
    }
  }

  /** Enabled telemetry with one built-in trail sink ({@code none}: the recording path alone). */
  @State(Scope.Thread)
  public static class WithSink {
    @Param({"none", "span", "log", "jsonl"})
    public String sink;
    TelemetryFixture fixture;
    RollingRun runs;

    @Setup(Level.Trial)
    public void setUp() {
      fixture = TelemetryFixture.start(sink);
      // 100 events per step: a span keeps 128 events; beyond that the SDK would drop them cheaply.
      runs = new RollingRun(fixture.telemetry(), 100, true);
    }

    @TearDown(Level.Iteration)
    public void deleteRunFolders() {
      fixture.deleteRunFolders();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      runs.close();
      fixture.close();
    }
  }

  /**
   * One trail event with secrets in its data, on the recording thread: copy, redaction, sequence,
   * delivery (inline sinks run here; asynchronous ones only get a queue offer), trail metrics.
   */
  @Benchmark
  public long trailEvent(WithSink state) {
    return state.runs.next().trail().toolCall("helm", toolCallData());
  }

  /** The work an asynchronous sink then does per event on its own thread. */
  @State(Scope.Thread)
  public static class SinkThread {
    @Param({"log", "jsonl"})
    public String sink;
    TrailSink target;
    Path dir;
    TrailEvent[] events;
    int next;
    int run;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
      TelemetryFixture fixture = TelemetryFixture.start("none");
      dir = fixture.runsDirectory();
      fixture.telemetry().close();
      target = sink.equals("log") ? new Slf4jTrailSink()
          : new JsonlTrailSink(runId -> dir.resolve(runId).resolve("trail.jsonl"));
      Map<String, Object> data = Redactor.defaults().redactTree(toolCallData()) instanceof Map<?, ?> m
          ? cast(m) : Map.of();
      events = new TrailEvent[1024];
      for (int i = 0; i < events.length; i++) {
        events[i] = new TrailEvent(i + 1, Instant.now(), "tool_call", "run-20261125-101500-a1b2c3", null,
            "5f0c6f1e-8f0e-4f7e-9b0a-2c1d3e4f5a6b", "4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7",
            "main/deploy/render", data);
      }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> map) {
      return (Map<String, Object>) map;
    }

    @TearDown(Level.Iteration)
    public void rotate() throws Exception {
      target.runEnded(events[0].runId());
      TelemetryFixture.deleteBelow(dir, false);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
      target.close();
      TelemetryFixture.deleteBelow(dir, true);
    }
  }

  @Benchmark
  public void sinkAccept(SinkThread state) throws Exception {
    TrailEvent event = state.events[state.next];
    state.target.accept(event);
    if (++state.next == state.events.length) {
      state.next = 0;
      state.target.flush(); // as the sink thread does whenever its queue runs empty
    }
  }

  /** A typical trail event's data through the redactor: with secrets, and clean (returned as is). */
  @State(Scope.Thread)
  public static class EventData {
    @Param({"secrets", "clean"})
    public String data;
    Redactor redactor;
    Map<String, Object> map;

    @Setup(Level.Trial)
    public void setUp() {
      redactor = Redactor.defaults();
      map = new LinkedHashMap<>();
      map.put("tool", "helm");
      if (data.equals("secrets")) {
        map.put("args", toolCallData());
        map.put("stdout", InstrumentedStep.TOOL_OUTPUT);
      } else {
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("command", "helm upgrade api ./chart --set image.tag=1.4.2 --repo https://charts.example.com/stable");
        args.put("timeout_s", 300);
        map.put("args", args);
        map.put("stdout", "Release \"api\" has been upgraded. Happy Helming! request: GET /v2/status 200 OK");
      }
    }
  }

  @Benchmark
  public Object redactEventData(EventData state) {
    return state.redactor.redactTree(state.map);
  }
}
