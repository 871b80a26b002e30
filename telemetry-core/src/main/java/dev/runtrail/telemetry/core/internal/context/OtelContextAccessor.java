package dev.runtrail.telemetry.core.internal.context;

import io.micrometer.context.ThreadLocalAccessor;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.util.ArrayDeque;

/**
 * Lets context-propagation carry the OpenTelemetry {@link Context} (and with it the current run,
 * step and baggage) to another thread: setting a value makes it current, restoring closes that scope
 * so the thread gets back exactly what it had.
 */
final class OtelContextAccessor implements ThreadLocalAccessor<Context> {

  static final String KEY = "runtrail.otel-context";
  private static final ThreadLocal<ArrayDeque<Scope>> SCOPES = ThreadLocal.withInitial(ArrayDeque::new);

  @Override
  public Object key() {
    return KEY;
  }

  @Override
  public Context getValue() {
    return Context.current();
  }

  @Override
  public void setValue(Context value) {
    SCOPES.get().push(value.makeCurrent());
  }

  @Override
  public void setValue() {
    SCOPES.get().push(Context.root().makeCurrent());
  }

  @Override
  public void restore(Context previousValue) {
    closeLatest();
  }

  @Override
  public void restore() {
    closeLatest();
  }

  private static void closeLatest() {
    Scope scope = SCOPES.get().poll();
    if (scope != null) {
      scope.close();
    }
  }
}
