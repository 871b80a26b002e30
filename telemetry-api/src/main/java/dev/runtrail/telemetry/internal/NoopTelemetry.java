package dev.runtrail.telemetry.internal;

import dev.runtrail.telemetry.RunContext;
import dev.runtrail.telemetry.Telemetry;
import dev.runtrail.telemetry.propagation.Propagation;

/** Records nothing, allocates nothing. Not public API: use {@link Telemetry#noop()}. */
public final class NoopTelemetry implements Telemetry {

  public static final NoopTelemetry INSTANCE = new NoopTelemetry();

  private NoopTelemetry() {}

  @Override
  public RunContext.Builder run(String name) {
    return NoopRunBuilder.INSTANCE;
  }

  @Override
  public boolean isEnabled() {
    return false;
  }

  @Override
  public Propagation propagation() {
    return NoopPropagation.INSTANCE;
  }

  @Override
  public void close() {}

  @Override
  public String toString() {
    return "Telemetry.noop()";
  }
}
