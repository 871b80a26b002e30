package dev.runtrail.telemetry.propagation;

import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.context.Scope;
import java.util.Map;

/** An incoming request being served: a SERVER span current on this thread until closed. */
public interface ServerScope extends Scope {

  /** The request's correlation id (the caller's, or a fresh one). */
  String correlationId();

  /** The SERVER span's context (invalid when disabled). */
  SpanContext spanContext();

  /** Records the response status; 5xx marks the span failed with {@code error.type} = the code. */
  ServerScope status(int httpStatus);

  /** Marks the request failed with an error code (the exception is recorded redacted). */
  ServerScope fail(String errorCode, Throwable cause);

  /** Headers to send back so the caller can correlate ({@code X-Correlation-ID}). */
  Map<String, String> responseHeaders();

  /** Ends the span and restores what was current before. */
  @Override
  void close();
}
