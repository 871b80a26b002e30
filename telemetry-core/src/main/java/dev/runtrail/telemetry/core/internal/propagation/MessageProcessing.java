package dev.runtrail.telemetry.core.internal.propagation;

import dev.runtrail.telemetry.attributes.RunAttributes;
import dev.runtrail.telemetry.attributes.StepAttributes;
import dev.runtrail.telemetry.core.internal.redact.TelemetryRedactor;
import dev.runtrail.telemetry.propagation.Incoming;
import dev.runtrail.telemetry.propagation.Message;
import dev.runtrail.telemetry.propagation.MessageHandler;
import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;

/**
 * One processing span per consumed message (seed 003 rule 3): kind CONSUMER, linked to the producer,
 * with the correlation id and the message's CloudEvents identity.
 */
final class MessageProcessing {

  static final AttributeKey<String> EVENT_TYPE = AttributeKey.stringKey("cloudevents.event.type");
  static final AttributeKey<String> EVENT_ID = AttributeKey.stringKey("cloudevents.event.id");
  static final AttributeKey<String> EVENT_SUBJECT = AttributeKey.stringKey("cloudevents.event.subject");
  static final AttributeKey<String> MESSAGE_ID = AttributeKey.stringKey("messaging.message.id");
  static final AttributeKey<String> OPERATION_TYPE = AttributeKey.stringKey("messaging.operation.type");
  static final AttributeKey<String> SYSTEM = AttributeKey.stringKey("messaging.system");
  static final AttributeKey<String> DESTINATION = AttributeKey.stringKey("messaging.destination.name");
  private static final AttributeKey<String> EXCEPTION_TYPE = AttributeKey.stringKey("exception.type");
  private static final AttributeKey<String> EXCEPTION_MESSAGE = AttributeKey.stringKey("exception.message");
  private static final AttributeKey<String> EXCEPTION_STACKTRACE = AttributeKey.stringKey("exception.stacktrace");

  private MessageProcessing() {}

  static <R> R process(SdkPropagation propagation, Message message, Incoming incoming, MessageHandler<R> handler)
      throws Exception {
    TelemetryRedactor r = propagation.redactor;
    String type = r.text(message.type());
    SpanContext producer = Span.fromContext(incoming.context()).getSpanContext();
    // The processing span belongs to the consumer's own trace and links to the producer's.
    Context base = Baggage.fromContext(incoming.context()).storeInContext(Context.current());
    SpanBuilder builder = propagation.tracer.spanBuilder(type == null ? "process" : "process " + type)
        .setSpanKind(SpanKind.CONSUMER)
        .setParent(base)
        .setAttribute(OPERATION_TYPE, "process")
        .setAttribute(RunAttributes.CORRELATION_ID, incoming.correlationId());
    putIfSet(builder, EVENT_TYPE, type);
    putIfSet(builder, EVENT_ID, r.text(message.id()));
    putIfSet(builder, MESSAGE_ID, r.text(message.id()));
    putIfSet(builder, EVENT_SUBJECT, r.text(message.subject()));
    putIfSet(builder, SYSTEM, r.text(message.system()));
    putIfSet(builder, DESTINATION, r.text(message.destination()));
    if (producer.isValid()) {
      builder.addLink(producer);
    }
    Span span = builder.startSpan();
    try (Scope ignored = SdkPropagation.attach(base.with(span), span, incoming.correlationId())) {
      return handler.handle(incoming.correlationId());
    } catch (Exception | Error e) {
      recordFailure(span, e.getClass().getName(), e, r);
      throw e;
    } finally {
      span.end();
    }
  }

  static void recordFailure(Span span, String errorCode, Throwable cause, TelemetryRedactor redactor) {
    String code = errorCode == null || errorCode.isBlank() ? "_OTHER" : redactor.text(errorCode);
    span.setAttribute(StepAttributes.ERROR_TYPE, code);
    String message = cause == null ? null : redactor.text(String.valueOf(cause.getMessage()));
    span.setStatus(StatusCode.ERROR, message == null ? code : code + ": " + message);
    if (cause != null) {
      span.addEvent("exception", Attributes.of(EXCEPTION_TYPE, cause.getClass().getName(),
          EXCEPTION_MESSAGE, message, EXCEPTION_STACKTRACE, redactor.throwable(cause)));
    }
  }

  private static void putIfSet(SpanBuilder builder, AttributeKey<String> key, String value) {
    if (value != null && !value.isEmpty()) {
      builder.setAttribute(key, value);
    }
  }
}
