package dev.runtrail.benchmarks.overhead;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Keeps every exported span, for tests, also after shutdown (the tests read what a closed telemetry
 * flushed; OpenTelemetry's {@code InMemorySpanExporter} clears its spans on shutdown).
 */
final class RecordingSpanExporter implements SpanExporter {

  private final List<SpanData> spans = new ArrayList<>();

  @Override
  public synchronized CompletableResultCode export(Collection<SpanData> batch) {
    spans.addAll(batch);
    return CompletableResultCode.ofSuccess();
  }

  synchronized List<SpanData> spans() {
    return List.copyOf(spans);
  }

  @Override
  public CompletableResultCode flush() {
    return CompletableResultCode.ofSuccess();
  }

  @Override
  public CompletableResultCode shutdown() {
    return CompletableResultCode.ofSuccess();
  }
}
