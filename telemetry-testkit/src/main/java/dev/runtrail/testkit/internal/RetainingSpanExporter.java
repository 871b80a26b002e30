package dev.runtrail.testkit.internal;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Collection;
import java.util.List;

/**
 * Hands spans to an {@link InMemorySpanExporter} but ignores shutdown, which would clear it: the
 * telemetry is closed before the leak scan, and the scan must still see every span.
 */
public final class RetainingSpanExporter implements SpanExporter {

  private final InMemorySpanExporter memory = InMemorySpanExporter.create();

  @Override
  public CompletableResultCode export(Collection<SpanData> spans) {
    return memory.export(spans);
  }

  @Override
  public CompletableResultCode flush() {
    return memory.flush();
  }

  @Override
  public CompletableResultCode shutdown() {
    return CompletableResultCode.ofSuccess();
  }

  /** The spans exported so far, in the order they ended. */
  public List<SpanData> spans() {
    return memory.getFinishedSpanItems();
  }

  /** Forgets everything (when the test is over). */
  public void release() {
    memory.shutdown();
  }
}
