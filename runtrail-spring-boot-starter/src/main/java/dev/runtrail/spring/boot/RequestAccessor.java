package dev.runtrail.spring.boot;

import dev.runtrail.telemetry.core.context.CurrentRequest;
import dev.runtrail.telemetry.propagation.Incoming;
import io.micrometer.context.ThreadLocalAccessor;

/**
 * Lets Micrometer's context-propagation carry the request {@link RuntrailWebFilter} read from the Reactor
 * context to the thread handling it ({@link CurrentRequest}). Registered through
 * {@code META-INF/services/io.micrometer.context.ThreadLocalAccessor}, as Micrometer's own accessors are.
 */
public final class RequestAccessor implements ThreadLocalAccessor<Incoming> {

  /** The key of the request in the Reactor context. */
  public static final String KEY = "runtrail.request";

  @Override
  public Object key() {
    return KEY;
  }

  @Override
  public Incoming getValue() {
    return CurrentRequest.get();
  }

  @Override
  public void setValue(Incoming value) {
    CurrentRequest.set(value);
  }

  @Override
  public void setValue() {
    CurrentRequest.set(null);
  }
}
