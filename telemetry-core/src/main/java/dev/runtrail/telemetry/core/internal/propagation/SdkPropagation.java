package dev.runtrail.telemetry.core.internal.propagation;

import dev.runtrail.telemetry.RunContext;
import dev.runtrail.telemetry.core.internal.SelfMonitor;
import dev.runtrail.telemetry.core.internal.context.ThreadAttachments;
import dev.runtrail.telemetry.core.internal.redact.TelemetryRedactor;
import dev.runtrail.telemetry.internal.ContextKeys;
import dev.runtrail.telemetry.propagation.Incoming;
import dev.runtrail.telemetry.propagation.Message;
import dev.runtrail.telemetry.propagation.MessageHandler;
import dev.runtrail.telemetry.propagation.Propagation;
import dev.runtrail.telemetry.propagation.ServerScope;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;

/** Propagation over the telemetry's OpenTelemetry propagators plus the correlation headers. */
public final class SdkPropagation implements Propagation {

  private static final TextMapGetter<Function<String, String>> GETTER = new TextMapGetter<>() {
    @Override
    public Iterable<String> keys(Function<String, String> carrier) {
      return List.of();
    }

    @Override
    public String get(Function<String, String> carrier, String key) {
      if (carrier == null) {
        return null;
      }
      try {
        return carrier.apply(key);
      } catch (RuntimeException e) {
        return null; // a carrier that cannot answer has no such header
      }
    }
  };

  final TextMapPropagator propagator;
  final Tracer tracer;
  final TelemetryRedactor redactor;
  final SelfMonitor monitor;
  private final Supplier<String> newCorrelationId;

  public SdkPropagation(TextMapPropagator propagator, Tracer tracer, TelemetryRedactor redactor,
      SelfMonitor monitor, Supplier<String> newCorrelationId) {
    this.propagator = propagator;
    this.tracer = tracer;
    this.redactor = redactor;
    this.monitor = monitor;
    this.newCorrelationId = newCorrelationId;
  }

  @Override
  public void inject(BiConsumer<String, String> carrier) {
    Context context = Context.current();
    try {
      propagator.inject(context, carrier, (c, key, value) -> c.accept(key, value));
      String correlationId = CorrelationIds.fromBaggage(context);
      if (correlationId == null) {
        RunContext run = context.get(ContextKeys.RUN);
        correlationId = run == null ? null : CorrelationIds.acceptable(run.correlationId());
      }
      if (correlationId != null) {
        carrier.accept(CORRELATION_ID_HEADER, correlationId);
      }
    } catch (RuntimeException e) {
      monitor.failure("injecting context into an outgoing carrier", e);
    }
  }

  @Override
  public Incoming extract(Function<String, String> headers) {
    Context base = Context.current();
    Context context;
    try {
      context = propagator.extract(base, headers, GETTER);
    } catch (RuntimeException e) {
      monitor.failure("reading incoming trace headers (ignored)", e);
      context = base;
    }
    SpanContext remote = Span.fromContext(context).getSpanContext();
    boolean continues = remote.isValid() && remote.isRemote();
    String correlationId = CorrelationIds.fromBaggage(context);
    if (correlationId == null) {
      correlationId = CorrelationIds.acceptable(GETTER.get(headers, CORRELATION_ID_HEADER));
    }
    if (correlationId == null) {
      correlationId = CorrelationIds.acceptable(GETTER.get(headers, REQUEST_ID_HEADER));
    }
    correlationId = correlationId == null ? newCorrelationId.get() : redactor.text(correlationId);
    return new SdkIncoming(CorrelationIds.withCorrelationId(context, correlationId), correlationId, continues);
  }

  @Override
  public ServerScope serve(String name, Function<String, String> headers) {
    return SdkServerScope.open(this, redactor.text(name == null ? "request" : name), extract(headers));
  }

  @Override
  public <R> R consume(Message message, MessageHandler<R> handler) throws Exception {
    return MessageProcessing.process(this, message, extract(message.headers()), handler);
  }

  /** Makes a context current with the MDC of its span and correlation id (no run id). */
  static io.opentelemetry.context.Scope attach(Context context, Span span, String correlationId) {
    return ThreadAttachments.attach(context, span.getSpanContext(), null, correlationId);
  }

  /** The extracted context. */
  private static final class SdkIncoming implements Incoming {
    private final Context context;
    private final String correlationId;
    private final boolean continues;

    SdkIncoming(Context context, String correlationId, boolean continues) {
      this.context = context;
      this.correlationId = correlationId;
      this.continues = continues;
    }

    @Override
    public Context context() {
      return context;
    }

    @Override
    public String correlationId() {
      return correlationId;
    }

    @Override
    public boolean continuesTrace() {
      return continues;
    }

    @Override
    public io.opentelemetry.context.Scope makeCurrent() {
      return ThreadAttachments.attach(context, Span.fromContext(context).getSpanContext(), null, correlationId);
    }
  }
}
