package dev.runtrail.benchmarks.overhead;

import dev.runtrail.redaction.Redactor;
import dev.runtrail.telemetry.Telemetry;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import java.util.concurrent.TimeUnit;
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
 * <p>The JIT is warmed before the first warm-up iteration ({@link InstrumentedStep#warmUp}): at a few
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

  /** Runtrail enabled with the given trail sinks ({@code +} separates them). */
  @State(Scope.Benchmark)
  public static class Enabled {
    @Param({"span", "span+log", "span+log+jsonl"})
    public String sinks;
    public TelemetryFixture fixture;

    @Setup(Level.Trial)
    public void setUp() {
      fixture = TelemetryFixture.start(sinks.replace('+', ','));
      InstrumentedStep.warmUp(fixture.telemetry(), JIT_WARM_UP);
      fixture.deleteRunFolders();
    }

    @TearDown(Level.Iteration)
    public void deleteRunFolders() {
      fixture.deleteRunFolders();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      fixture.close();
    }
  }

  @Benchmark
  public String bare(Work work) {
    return ReferenceWorkload.process(work.manifest);
  }

  @Benchmark
  public String instrumented(Work work, Enabled enabled) {
    return InstrumentedStep.run(enabled.fixture.telemetry(), work.manifest);
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
    /** With {@code @n}: each operation is one step of a run of n steps (started and closed every n operations). */
    RollingRun rolling;
    TelemetryFixture fixture;
    Telemetry telemetry;
    SdkTracerProvider tracerProvider;
    Tracer tracer;
    Redactor redactor;
    final Object[] redacted = new Object[2];

    @Setup(Level.Trial)
    public void setUp() {
      switch (instrumentation) {
        case "disabled":
          telemetry = Telemetry.noop();
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
          String[] sinksAndSteps = instrumentation.split("@");
          fixture = TelemetryFixture.start(sinksAndSteps[0].replace('+', ','));
          telemetry = fixture.telemetry();
          if (sinksAndSteps.length > 1) {
            rolling = new RollingRun(telemetry, Integer.parseInt(sinksAndSteps[1]), false);
          }
      }
      for (int i = 0; i < JIT_WARM_UP; i++) {
        run("{}", UnaryOperator.identity());
      }
      deleteRunFolders();
    }

    String run(String manifest, UnaryOperator<String> work) {
      if (tracer != null) {
        return FloorWorkloads.otelSpansOnly(tracer, manifest, work);
      }
      if (redactor != null) {
        return FloorWorkloads.redactionOnly(redactor, manifest, work, redacted);
      }
      if (rolling != null) {
        return InstrumentedStep.stepInRun(rolling, manifest, work);
      }
      return InstrumentedStep.run(telemetry, manifest, work);
    }

    @TearDown(Level.Iteration)
    public void deleteRunFolders() {
      if (fixture != null) {
        fixture.deleteRunFolders();
      }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      if (rolling != null) {
        rolling.close();
      }
      if (fixture != null) {
        fixture.close();
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
