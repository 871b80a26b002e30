package dev.runtrail.telemetry.core.internal.redact;

import dev.runtrail.telemetry.core.internal.SelfMonitor;
import dev.runtrail.telemetry.core.internal.trail.SpanEventTrailSink;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.DelegatingSpanData;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The backstop: redacts every span on its way to the real exporter — names, attributes, event names
 * and attributes, link attributes and status messages — including spans made outside Runtrail's API
 * and values set directly on Runtrail's spans. Counts failed exports as dropped telemetry and never
 * throws.
 */
public final class RedactingSpanExporter implements SpanExporter {

  private final SpanExporter delegate;
  private final TelemetryRedactor redactor;
  private final SelfMonitor monitor;

  public RedactingSpanExporter(SpanExporter delegate, TelemetryRedactor redactor, SelfMonitor monitor) {
    this.delegate = delegate;
    this.redactor = redactor;
    this.monitor = monitor;
  }

  @Override
  public CompletableResultCode export(Collection<SpanData> spans) {
    int count = spans.size();
    try {
      List<SpanData> redacted = new ArrayList<>(count);
      for (SpanData span : spans) {
        redacted.add(redact(span, redactor));
      }
      CompletableResultCode result = delegate.export(redacted);
      result.whenComplete(
          () -> {
            if (!result.isSuccess()) {
              monitor.dropped("span_export", count, "the span exporter " + delegate + " failed"
                  + (result.getFailureThrowable() == null ? "" : ": " + result.getFailureThrowable().getMessage()));
            }
          });
      return result;
    } catch (RuntimeException | LinkageError e) {
      monitor.dropped("span_export", count, "the span exporter threw " + e);
      return CompletableResultCode.ofFailure();
    }
  }

  /** A span with its names, attributes, events, links and status message redacted. */
  public static SpanData redact(SpanData span, TelemetryRedactor redactor) {
    return new RedactedSpanData(span, redactor);
  }

  @Override
  public CompletableResultCode flush() {
    return RedactingSpanExporter.guarded(monitor, "span exporter flush", delegate::flush);
  }

  @Override
  public CompletableResultCode shutdown() {
    return RedactingSpanExporter.guarded(monitor, "span exporter shutdown", delegate::shutdown);
  }

  @Override
  public String toString() {
    return "RedactingSpanExporter{" + delegate + "}";
  }

  /** A delegate's flush or shutdown; one that throws is reported and fails the result, never the caller. */
  static CompletableResultCode guarded(SelfMonitor monitor, String what,
      java.util.function.Supplier<CompletableResultCode> call) {
    try {
      return call.get();
    } catch (RuntimeException e) {
      monitor.failure(what, e);
      return CompletableResultCode.ofFailure();
    }
  }

  /** A span with its values redacted, computed once. */
  static final class RedactedSpanData extends DelegatingSpanData {
    private final String name;
    private final Attributes attributes;
    private final List<EventData> events;
    private final List<LinkData> links;
    private final StatusData status;

    RedactedSpanData(SpanData span, TelemetryRedactor redactor) {
      super(span);
      this.name = redactor.text(span.getName());
      this.attributes = redactor.attributes(span.getAttributes());
      this.events = redactEvents(span.getEvents(), redactor);
      this.links = redactLinks(span.getLinks(), redactor);
      StatusData original = span.getStatus();
      String description = redactor.text(original.getDescription());
      this.status = description.equals(original.getDescription())
          ? original
          : StatusData.create(original.getStatusCode() == null ? StatusCode.UNSET : original.getStatusCode(), description);
    }

    private static List<EventData> redactEvents(List<EventData> events, TelemetryRedactor redactor) {
      if (events.isEmpty()) {
        return events;
      }
      List<EventData> out = new ArrayList<>(events.size());
      for (EventData event : events) {
        String name = redactor.text(event.getName());
        // A trail event's attributes were redacted by the trail as it wrote them: not twice.
        Attributes attributes = SpanEventTrailSink.isRedactedTrailEvent(event.getAttributes())
            ? event.getAttributes() : redactor.attributes(event.getAttributes());
        if (name.equals(event.getName()) && attributes == event.getAttributes()) {
          out.add(event);
        } else {
          out.add(EventData.create(event.getEpochNanos(), name, attributes, event.getTotalAttributeCount()));
        }
      }
      return out;
    }

    private static List<LinkData> redactLinks(List<LinkData> links, TelemetryRedactor redactor) {
      if (links.isEmpty()) {
        return links;
      }
      List<LinkData> out = new ArrayList<>(links.size());
      for (LinkData link : links) {
        Attributes attributes = redactor.attributes(link.getAttributes());
        out.add(attributes == link.getAttributes()
            ? link
            : LinkData.create(link.getSpanContext(), attributes, link.getTotalAttributeCount()));
      }
      return out;
    }

    @Override
    public String getName() {
      return name;
    }

    @Override
    public Attributes getAttributes() {
      return attributes;
    }

    @Override
    public List<EventData> getEvents() {
      return events;
    }

    @Override
    public List<LinkData> getLinks() {
      return links;
    }

    @Override
    public StatusData getStatus() {
      return status;
    }
  }
}
