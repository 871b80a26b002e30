package dev.runtrail.telemetry.internal;

import dev.runtrail.telemetry.propagation.Incoming;
import dev.runtrail.telemetry.propagation.Message;
import dev.runtrail.telemetry.propagation.MessageHandler;
import dev.runtrail.telemetry.propagation.Propagation;
import dev.runtrail.telemetry.propagation.ServerScope;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;

/** Propagation of a disabled telemetry: writes nothing, opens nothing, runs handlers as they are. */
public final class NoopPropagation implements Propagation, Incoming, ServerScope {

  public static final NoopPropagation INSTANCE = new NoopPropagation();

  private NoopPropagation() {}

  @Override
  public void inject(BiConsumer<String, String> carrier) {}

  @Override
  public Incoming extract(Function<String, String> headers) {
    return this;
  }

  @Override
  public ServerScope serve(String name, Function<String, String> headers) {
    return this;
  }

  @Override
  public <R> R consume(Message message, MessageHandler<R> handler) throws Exception {
    return handler.handle("");
  }

  @Override
  public Context context() {
    return Context.current();
  }

  @Override
  public String correlationId() {
    return "";
  }

  @Override
  public boolean continuesTrace() {
    return false;
  }

  @Override
  public Scope makeCurrent() {
    return Scope.noop();
  }

  @Override
  public SpanContext spanContext() {
    return SpanContext.getInvalid();
  }

  @Override
  public ServerScope status(int httpStatus) {
    return this;
  }

  @Override
  public ServerScope fail(String errorCode, Throwable cause) {
    return this;
  }

  @Override
  public Map<String, String> responseHeaders() {
    return Map.of();
  }

  @Override
  public void close() {}
}
