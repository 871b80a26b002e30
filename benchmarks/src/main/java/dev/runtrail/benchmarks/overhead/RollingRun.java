package dev.runtrail.benchmarks.overhead;

import dev.runtrail.telemetry.RunContext;
import dev.runtrail.telemetry.Step;
import dev.runtrail.telemetry.Telemetry;

/**
 * An open run (and optionally an open step) for benchmarks of what happens inside one, replaced every
 * {@code opsPerRun} operations: a run keeps a record of each finished step until it ends, and a span
 * keeps at most 128 events, so an operation repeated millions of times inside one run would measure a
 * growing heap or the SDK's drop path instead. The replacement costs 1/{@code opsPerRun} of a run per
 * operation (a few nanoseconds), which the figures include.
 */
public final class RollingRun implements AutoCloseable {

  private final Telemetry telemetry;
  private final int opsPerRun;
  private final boolean withStep;
  private RunContext run;
  private Step step;
  private int ops;

  public RollingRun(Telemetry telemetry, int opsPerRun, boolean withStep) {
    this.telemetry = telemetry;
    this.opsPerRun = opsPerRun;
    this.withStep = withStep;
    open();
  }

  private void open() {
    run = telemetry.run("deploy").env("prod").target("api")
        .git("4f9c2d1e8b7a6f5e4d3c2b1a0f9e8d7c6b5a4f3e", "release/1.4.2")
        .runner("runner-12")
        .start();
    step = withStep ? run.step("main/deploy/render") : null;
  }

  /** The current run, after replacing it when it has served {@code opsPerRun} operations. */
  public RunContext next() {
    if (ops == opsPerRun) {
      ops = 0;
      close();
      open();
    }
    ops++;
    return run;
  }

  @Override
  public void close() {
    if (step != null) {
      step.close();
    }
    run.close();
  }
}
