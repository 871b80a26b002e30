package dev.runtrail.telemetry.core.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;

/**
 * Runtrail's run metrics (names, tags and buckets in {@code docs/metrics.md}), recorded as runs and
 * steps happen. Bind them to your app's registry like any Micrometer binder:
 *
 * <pre>{@code
 * RuntrailTelemetry telemetry = (RuntrailTelemetry) Runtrail.fromEnvironment();
 * telemetry.metrics().bindTo(meterRegistry);
 * }</pre>
 *
 * <p>or pass the registry to {@code Runtrail.builder().meterRegistry(registry)}. Meters are recorded
 * on an internal composite, so a registry bound later still receives every meter (counting from the
 * moment it is bound).
 */
public final class RuntrailMetrics implements MeterBinder {

  private final CompositeMeterRegistry composite = new CompositeMeterRegistry();

  /** Adds a registry that receives Runtrail's meters. */
  @Override
  public void bindTo(MeterRegistry registry) {
    composite.add(registry);
  }

  /** The composite Runtrail records on. */
  public MeterRegistry registry() {
    return composite;
  }
}
