package dev.runtrail.telemetry.core.internal.propagation;

import dev.runtrail.telemetry.attributes.RunAttributes;
import dev.runtrail.telemetry.attributes.StepAttributes;
import dev.runtrail.telemetry.propagation.Incoming;
import dev.runtrail.telemetry.propagation.Propagation;
import dev.runtrail.telemetry.propagation.ServerScope;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/** A SERVER span for one incoming request, current on the serving thread. */
final class SdkServerScope implements ServerScope {

  private static final AttributeKey<Long> HTTP_STATUS = AttributeKey.longKey("http.response.status_code");

  private final SdkPropagation propagation;
  private final Span span;
  private final String correlationId;
  private final Scope attachment;
  private final AtomicBoolean closed = new AtomicBoolean();

  private SdkServerScope(SdkPropagation propagation, Span span, String correlationId, Scope attachment) {
    this.propagation = propagation;
    this.span = span;
    this.correlationId = correlationId;
    this.attachment = attachment;
  }

  static SdkServerScope open(SdkPropagation propagation, String name, Incoming incoming) {
    Span span = propagation.tracer.spanBuilder(name)
        .setSpanKind(SpanKind.SERVER)
        .setParent(incoming.context())
        .setAttribute(RunAttributes.CORRELATION_ID, incoming.correlationId())
        .startSpan();
    Scope attachment = SdkPropagation.attach(incoming.context().with(span), span, incoming.correlationId());
    return new SdkServerScope(propagation, span, incoming.correlationId(), attachment);
  }

  @Override
  public String correlationId() {
    return correlationId;
  }

  @Override
  public SpanContext spanContext() {
    return span.getSpanContext();
  }

  @Override
  public ServerScope status(int httpStatus) {
    span.setAttribute(HTTP_STATUS, (long) httpStatus);
    if (httpStatus >= 500) {
      span.setAttribute(StepAttributes.ERROR_TYPE, Integer.toString(httpStatus));
      span.setStatus(StatusCode.ERROR);
    }
    return this;
  }

  @Override
  public ServerScope fail(String errorCode, Throwable cause) {
    MessageProcessing.recordFailure(span, errorCode, cause, propagation.redactor);
    return this;
  }

  @Override
  public Map<String, String> responseHeaders() {
    return Map.of(Propagation.CORRELATION_ID_HEADER, correlationId);
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      attachment.close();
      span.end();
    }
  }
}
