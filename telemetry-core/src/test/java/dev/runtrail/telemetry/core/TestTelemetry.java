package dev.runtrail.telemetry.core;

import dev.runtrail.telemetry.core.config.RuntrailConfig;
import dev.runtrail.telemetry.core.config.Setting;
import dev.runtrail.telemetry.core.trail.InMemoryTrailSink;
import dev.runtrail.telemetry.trail.TrailSink;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An enabled telemetry wired to memory, for core's own tests. */
public final class TestTelemetry implements AutoCloseable {

  public final InMemorySpanExporter spans = InMemorySpanExporter.create();
  public final InMemoryTrailSink trail = new InMemoryTrailSink();
  public final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  public final RuntrailTelemetry telemetry;
  public final Path runsDir;

  private TestTelemetry(Path runsDir, Map<Setting, String> settings, List<TrailSink> extraSinks) {
    this.runsDir = runsDir;
    Map<Setting, String> all = new EnumMap<>(Setting.class);
    all.put(Setting.TRAIL_SINKS, "span,jsonl");
    all.putAll(settings);
    RuntrailBuilder builder = Runtrail.builder()
        .enabled(true)
        .config(RuntrailConfig.of(all))
        .spanExporter(spans)
        .synchronousExport(true)
        .meterRegistry(meters)
        .runsDirectory(runsDir)
        .discoverRunExporters(false)
        .shutdownHook(false)
        .addTrailSink(trail);
    extraSinks.forEach(builder::addTrailSink);
    this.telemetry = (RuntrailTelemetry) builder.build();
  }

  public static TestTelemetry create(Path runsDir) {
    return new TestTelemetry(runsDir, Map.of(), List.of());
  }

  public static TestTelemetry create(Path runsDir, Map<Setting, String> settings, TrailSink... extraSinks) {
    return new TestTelemetry(runsDir, settings, List.of(extraSinks));
  }

  public List<SpanData> finishedSpans() {
    return spans.getFinishedSpanItems();
  }

  public SpanData span(String name) {
    return findSpan(name).orElseThrow(() -> new AssertionError("no span named '" + name + "' among "
        + finishedSpans().stream().map(SpanData::getName).toList()));
  }

  public Optional<SpanData> findSpan(String name) {
    return finishedSpans().stream().filter(s -> s.getName().equals(name)).findFirst();
  }

  @Override
  public void close() {
    telemetry.close();
  }
}
