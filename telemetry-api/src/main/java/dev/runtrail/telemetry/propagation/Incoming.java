package dev.runtrail.telemetry.propagation;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;

/** What an incoming carrier held: the caller's context (if any) and the correlation id to use. */
public interface Incoming {

  /** The caller's trace and baggage (with the correlation id), on top of the current context. */
  Context context();

  /** The caller's correlation id, or a fresh one when the carrier had none (or only malformed ones). */
  String correlationId();

  /** Whether the carrier held a valid trace context to continue. */
  boolean continuesTrace();

  /** Makes {@link #context()} current on this thread until the scope is closed. */
  Scope makeCurrent();
}
