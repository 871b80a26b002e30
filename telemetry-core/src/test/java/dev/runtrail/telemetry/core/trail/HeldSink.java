package dev.runtrail.telemetry.core.trail;

import dev.runtrail.telemetry.core.Runtrail;
import dev.runtrail.telemetry.core.RuntrailBuilder;
import dev.runtrail.telemetry.core.config.RuntrailConfig;
import dev.runtrail.telemetry.core.config.Setting;
import dev.runtrail.telemetry.trail.TrailEvent;
import dev.runtrail.telemetry.trail.TrailSink;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

/**
 * A sink that records events and the threads they arrived on, and can be held shut by a latch to stand
 * for a stuck disk; and the telemetry the trail tests build around it.
 */
final class HeldSink implements TrailSink {
  final List<TrailEvent> events = new CopyOnWriteArrayList<>();
  final List<String> threads = new CopyOnWriteArrayList<>();
  final Delivery delivery;
  final CountDownLatch open;

  HeldSink(Delivery delivery, CountDownLatch open) {
    this.delivery = delivery;
    this.open = open;
  }

  @Override
  public String name() {
    return "test-" + delivery.name().toLowerCase();
  }

  @Override
  public Delivery delivery() {
    return delivery;
  }

  @Override
  public void accept(TrailEvent event) throws InterruptedException {
    open.await();
    threads.add(Thread.currentThread().getName());
    events.add(event);
  }

  /** Enabled telemetry as in production (no synchronous export) with these sinks and settings. */
  static RuntrailBuilder telemetry(Path runsDir, MeterRegistry meters, KeptSpans spans, String sinks,
      Map<Setting, String> more, TrailSink... extra) {
    Map<Setting, String> settings = new EnumMap<>(Setting.class);
    settings.put(Setting.ENABLED, "true");
    settings.put(Setting.TRAIL_SINKS, sinks);
    settings.putAll(more);
    RuntrailBuilder builder = Runtrail.builder()
        .config(RuntrailConfig.of(settings))
        .spanExporter(spans)
        .runsDirectory(runsDir)
        .meterRegistry(meters)
        .discoverRunExporters(false)
        .shutdownHook(false);
    for (TrailSink sink : extra) {
      builder.addTrailSink(sink);
    }
    return builder;
  }
}
