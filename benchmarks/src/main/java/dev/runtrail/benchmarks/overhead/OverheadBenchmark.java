package dev.runtrail.benchmarks.overhead;

import dev.runtrail.redaction.Redactor;
import dev.runtrail.telemetry.Telemetry;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The overhead ratio: the reference workload (one step's worth of real work, {@link ReferenceWorkload})
 * bare, and the same work inside a fully instrumented run ({@link InstrumentedStep}), in the same JMH
 * run. {@code disabled} is the instrumented code against the no-op telemetry ({@code RUNTRAIL_ENABLED}
 * unset).
 *
 * <p>Trail sinks ({@code sinks}): {@code span} keeps everything on the measured thread; {@code span+log}
 * adds the structured log line, written by the log sink's own thread (Logback, to /dev/null);
 * {@code span+log+jsonl} are the defaults, adding each run's durable trail.jsonl (in tmpfs). The
 * asynchronous sinks' threads, the BatchSpanProcessor's and the GC's compete with the measured thread
 * for the machine's cores, as they would in an app.
 *
 * <p>{@code paired} is the ratio made robust to a noisy machine: each operation runs the bare workload
 * and the instrumented one back to back (alternating which goes first) and adds each one's
 * {@code System.nanoTime()} duration to its own counter ({@code bareNanos}, {@code instrumentedNanos}),
 * so a slower or faster stretch of the machine falls on both halves alike; the report divides the two
 * per iteration. Its {@code instrumentation} also covers two reference floors ({@link FloorWorkloads}):
 * the OpenTelemetry SDK's part of the job alone and the redaction engine's part alone.
 *
 * <p>The JIT is warmed before the first warm-up iteration ({@link #warmJit}): at a few
 * thousand operations a second it would need 10–20 s to finish compiling the telemetry path, and
 * measured sooner the overhead looks up to twice as large as in a long-running app.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Threads(1)
@Fork(value = 3, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 10, time = 2)
@Measurement(iterations = 10, time = 2)
public class OverheadBenchmark {

  /** Operations of the telemetry path around no work run before the first warm-up iteration. */
  static final int JIT_WARM_UP = 50_000;

  /**
   * Runs the telemetry path {@link #JIT_WARM_UP} times around no work, so that the JIT has compiled it
   * before measuring: at a few thousand real operations a second that takes it 10–20 s, which a
   * long-running app has long behind it but a JMH warm-up of a few seconds does not.
   */
  static void warmJit(BiFunction<String, UnaryOperator<String>, String> instrumented) {
    for (int i = 0; i < JIT_WARM_UP; i++) {
      instrumented.apply("{}", UnaryOperator.identity());
    }
  }

  /** The manifest every variant processes. */
  @State(Scope.Thread)
  public static class Work {
    @Param({"34"})
    public int services;
    public String manifest;

    @Setup(Level.Trial)
    public void setUp() {
      manifest = ReferenceWorkload.manifest(services);
    }
  }

  /**
   * Runtrail enabled with the given trail sinks ({@code +} separates them); with {@code @n}, each
   * operation is one step of a run of n steps.
   */
  @State(Scope.Benchmark)
  public static class Enabled {
    @Param({"span", "span+log", "span+log+jsonl", "span+log+jsonl@10"})
    public String sinks;
    public TelemetryFixture fixture;
    RollingRun rolling;

    @Setup(Level.Trial)
    public void setUp() {
      start();
      warmJit(this::run);
      fixture.deleteRunFolders();
    }

    /** Starts the telemetry {@link #sinks} names (and the rolling run of {@code @n}). */
    void start() {
      String[] sinksAndSteps = sinks.split("@");
      fixture = TelemetryFixture.start(sinksAndSteps[0].replace('+', ','));
      if (sinksAndSteps.length > 1) {
        rolling = new RollingRun(fixture.telemetry(), Integer.parseInt(sinksAndSteps[1]), false);
      }
    }

    String run(String manifest, UnaryOperator<String> work) {
      return rolling != null ? InstrumentedStep.stepInRun(rolling, manifest, work)
          : InstrumentedStep.run(fixture.telemetry(), manifest, work);
    }

    @TearDown(Level.Iteration)
    public void deleteRunFolders() {
      fixture.deleteRunFolders();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      if (rolling != null) {
        rolling.close();
      }
      fixture.close();
    }
  }

  @Benchmark
  public String bare(Work work) {
    return ReferenceWorkload.process(work.manifest);
  }

  @Benchmark
  public String instrumented(Work work, Enabled enabled) {
    return enabled.run(work.manifest, ReferenceWorkload::process);
  }

  @Benchmark
  public String disabled(Work work) {
    return InstrumentedStep.run(Telemetry.noop(), work.manifest);
  }

  /** What the instrumented half of {@link #paired} runs. */
  @State(Scope.Benchmark)
  public static class Paired {
    /**
     * {@code disabled}: the no-op telemetry (a control: should be 1.00); {@code span}, {@code span+log},
     * {@code span+log+jsonl}: Runtrail with those trail sinks, a whole run per operation; {@code
     * span+log+jsonl@10}: the defaults, each operation one step of a 10-step run; {@code otel-spans-only} and
     * {@code redaction-only}: the reference floors of {@link FloorWorkloads}.
     */
    @Param({"disabled", "span", "span+log", "span+log+jsonl", "span+log+jsonl@10", "otel-spans-only",
        "redaction-only"})
    public String instrumentation;
    /** Runtrail's configurations, as in {@link Enabled}; null for the others. */
    Enabled enabled;
    SdkTracerProvider tracerProvider;
    Tracer tracer;
    Redactor redactor;
    final Object[] redacted = new Object[2];

    @Setup(Level.Trial)
    public void setUp() {
      switch (instrumentation) {
        case "disabled":
          break;
        case "otel-spans-only":
          tracerProvider = SdkTracerProvider.builder()
              .addSpanProcessor(BatchSpanProcessor.builder(new DiscardingSpanExporter()).build())
              .build();
          tracer = tracerProvider.get("dev.runtrail");
          break;
        case "redaction-only":
          redactor = Redactor.defaults();
          break;
        default:
          enabled = new Enabled();
          enabled.sinks = instrumentation;
          enabled.start();
      }
      warmJit(this::run);
      deleteRunFolders();
    }

    String run(String manifest, UnaryOperator<String> work) {
      if (tracer != null) {
        return FloorWorkloads.otelSpansOnly(tracer, manifest, work);
      }
      if (redactor != null) {
        return FloorWorkloads.redactionOnly(redactor, manifest, work, redacted);
      }
      if (enabled != null) {
        return enabled.run(manifest, work);
      }
      return InstrumentedStep.run(Telemetry.noop(), manifest, work);
    }

    @TearDown(Level.Iteration)
    public void deleteRunFolders() {
      if (enabled != null) {
        enabled.deleteRunFolders();
      }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      if (enabled != null) {
        enabled.tearDown();
      }
      if (tracerProvider != null) {
        tracerProvider.close();
      }
    }
  }

  /** Time spent in each half of {@link #paired}, per iteration. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.EVENTS)
  public static class PairedNanos {
    public long bareNanos;
    public long instrumentedNanos;
    int turn;

    @Setup(Level.Iteration)
    public void reset() {
      bareNanos = 0;
      instrumentedNanos = 0;
    }
  }

  @Benchmark
  public void paired(Work work, Paired paired, PairedNanos nanos, Blackhole bh) {
    if ((nanos.turn++ & 1) == 0) {
      nanos.bareNanos += timeBare(work, bh);
      nanos.instrumentedNanos += timeInstrumented(work, paired, bh);
    } else {
      nanos.instrumentedNanos += timeInstrumented(work, paired, bh);
      nanos.bareNanos += timeBare(work, bh);
    }
  }

  private static long timeBare(Work work, Blackhole bh) {
    long start = System.nanoTime();
    bh.consume(ReferenceWorkload.process(work.manifest));
    return System.nanoTime() - start;
  }

  private static long timeInstrumented(Work work, Paired paired, Blackhole bh) {
    long start = System.nanoTime();
    bh.consume(paired.run(work.manifest, ReferenceWorkload::process));
    return System.nanoTime() - start;
  }
}
