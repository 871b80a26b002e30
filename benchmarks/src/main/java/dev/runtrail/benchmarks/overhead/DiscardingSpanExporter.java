package dev.runtrail.benchmarks.overhead;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Collection;
import java.util.concurrent.atomic.LongAdder;

/**
 * A span exporter that drops every batch and only counts the spans: behind the BatchSpanProcessor it
 * leaves what a benchmark measures to the instrumentation itself, not to a network or a disk.
 */
public final class DiscardingSpanExporter implements SpanExporter {

  private final LongAdder spans = new LongAdder();

  @Override
  public CompletableResultCode export(Collection<SpanData> batch) {
    spans.add(batch.size());
    return CompletableResultCode.ofSuccess();
  }

  /** Spans exported (and dropped) so far. */
  public long exportedSpans() {
    return spans.sum();
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
