package dev.runtrail.benchmarks.overhead;

import java.time.Duration;
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
import org.openjdk.jmh.infra.IterationParams;

/**
 * What a busy service pays: as many app threads as cores, each doing the reference step (about 70–80 µs
 * of CPU-bound work) as fast as it can, bare in one phase and fully instrumented in the next, alternating
 * in the same JVM. A phase is {@value #PHASE_OPS} steps per thread (JMH's batch size); an instrumented phase ends only when
 * {@link dev.runtrail.telemetry.core.RuntrailTelemetry#flush flush} says Runtrail's own threads are done
 * with everything recorded in it (trail sinks, span export, run store), so work handed to a background
 * thread cannot fall outside the measurement: on a saturated machine it is paid with the app's cores.
 *
 * <p>Each iteration is one phase (JMH's single-shot time of a batch, per thread); even iterations are bare,
 * odd ones instrumented. The report divides each instrumented phase's time by the bare phase before it:
 * bare ÷ instrumented throughput, five pairs per trial, median and range. {@code config}: the trail sinks
 * ({@code +} separated, {@code RUNTRAIL_TRAIL_SINKS} names) and {@code store} for the run store
 * (telemetry-runs' artifacts and index, on the machine's disk); {@code steps}: steps per run (1: a whole
 * run per step; 10: each run's start and close shared by its ten steps).
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Threads(Threads.MAX)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 4, batchSize = SaturatedBenchmark.PHASE_OPS)
@Measurement(iterations = 10, batchSize = SaturatedBenchmark.PHASE_OPS)
public class SaturatedBenchmark {

  /** Steps per thread and phase: about 1.5 s of bare work at 70–80 µs a step. */
  public static final int PHASE_OPS = 20_000;

  /** How long an instrumented phase may wait for Runtrail to catch up at its end. */
  private static final Duration CATCH_UP = Duration.ofMinutes(2);

  /** The telemetry, and which kind of phase runs now. */
  @State(Scope.Benchmark)
  public static class Phases {
    @Param({"span", "span+log", "span+log+jsonl", "span+log+jsonl+store"})
    public String config;
    @Param({"1", "10"})
    public int steps;

    TelemetryFixture fixture;
    volatile boolean instrumented;
    private int phase;

    @Setup(Level.Trial)
    public void setUp() {
      String sinks = config.replace("+store", "").replace('+', ',');
      fixture = config.endsWith("+store") ? TelemetryFixture.startWithRunStore(sinks) : TelemetryFixture.start(sinks);
      OverheadBenchmark.warmJit((manifest, work) -> InstrumentedStep.run(fixture.telemetry(), manifest, work));
      fixture.telemetry().flush(CATCH_UP);
      fixture.deleteRunFolders();
    }

    /** Phases alternate, bare first (JMH runs this before each iteration's first operation). */
    @Setup(Level.Iteration)
    public void nextPhase() {
      instrumented = phase++ % 2 == 1;
    }

    /** Moved aside, not deleted: see {@link TelemetryFixture#moveRunFoldersAside()}. */
    @TearDown(Level.Iteration)
    public void moveRunFoldersAside() {
      fixture.moveRunFoldersAside();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      fixture.close();
    }
  }

  /** One app thread: its manifest, its open run (10-step runs) and how far into the phase it is. */
  @State(Scope.Thread)
  public static class AppThread {
    String manifest;
    RollingRun rolling;
    int done;
    int phaseOps;

    @Setup(Level.Trial)
    public void setUp(Phases phases) {
      manifest = ReferenceWorkload.manifest(34);
      if (phases.steps > 1) {
        rolling = new RollingRun(phases.fixture.telemetry(), phases.steps, false);
      }
    }

    @Setup(Level.Iteration)
    public void startPhase(IterationParams iteration) {
      done = 0;
      phaseOps = iteration.getBatchSize(); // PHASE_OPS, or JMH's -bs
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      if (rolling != null) {
        rolling.close();
      }
    }
  }

  @Benchmark
  public String step(Phases phases, AppThread app) {
    if (!phases.instrumented) {
      return ReferenceWorkload.process(app.manifest);
    }
    String out = app.rolling == null
        ? InstrumentedStep.run(phases.fixture.telemetry(), app.manifest, ReferenceWorkload::process)
        : InstrumentedStep.stepInRun(app.rolling, app.manifest, ReferenceWorkload::process);
    if (++app.done == app.phaseOps && !phases.fixture.telemetry().flush(CATCH_UP)) {
      throw new IllegalStateException("Runtrail did not catch up within " + CATCH_UP + " after the phase");
    }
    return out;
  }
}
