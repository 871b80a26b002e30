package dev.runtrail.runs.internal.artifacts;

import io.opentelemetry.exporter.internal.otlp.traces.TraceRequestMarshaler;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * Writes a run's spans as {@code otlp-traces.json}: the OTLP/JSON file format that the Collector's
 * {@code otlpjsonfile} receiver reads — one {@code TracesData} ({@code {"resourceSpans":[...]}}) per
 * line — marshalled by OpenTelemetry's own OTLP marshaler, not by hand.
 *
 * <p>The spans are already redacted: core redacts the spans it hands to run exporters with the
 * configured policy, including values other instrumentation set on them directly.
 */
public final class OtlpTracesFile {

  /**
   * Writes the spans as one line; writes nothing for no spans (an empty file).
   *
   * @throws IOException if writing fails
   */
  public void write(List<SpanData> spans, OutputStream out) throws IOException {
    if (spans.isEmpty()) {
      return;
    }
    TraceRequestMarshaler.create(spans).writeJsonTo(out);
    out.write('\n');
  }
}
