package dev.runtrail.telemetry.propagation;

import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Carries runs across processes: W3C {@code traceparent}/{@code tracestate}, W3C {@code baggage}
 * (with {@code correlation_id} and {@code run_id}), and {@code X-Correlation-ID} /
 * {@code X-Request-ID} for peers that only know those. Works with any string-map carrier: HTTP
 * headers, message headers, environment variables of a child process.
 *
 * <pre>{@code
 * // client: carry the current run or step to the next service
 * telemetry.propagation().inject(request::setHeader);
 *
 * // server: continue it
 * try (ServerScope scope = telemetry.propagation().serve("POST /deploy", request::getHeader)) {
 *   response.setHeader("X-Correlation-ID", scope.correlationId());
 *   ...
 * }
 * }</pre>
 *
 * <p>Malformed incoming headers are ignored (the request starts a fresh trace); an incoming request
 * without any correlation header gets a fresh correlation id.
 */
public interface Propagation {

  /** Header carrying a correlation id for peers without W3C baggage. */
  String CORRELATION_ID_HEADER = "X-Correlation-ID";

  /** Header some peers use instead of {@link #CORRELATION_ID_HEADER}; read, never written. */
  String REQUEST_ID_HEADER = "X-Request-ID";

  /** Writes the current context (trace, baggage, correlation id) into an outgoing carrier. */
  void inject(BiConsumer<String, String> carrier);

  /** Writes the current context into a map of outgoing headers. */
  default void inject(Map<String, String> headers) {
    inject(headers::put);
  }

  /**
   * Reads an incoming carrier.
   *
   * @param headers looks a header up by name (e.g. {@code request::getHeader}); should ignore case
   *     for HTTP headers
   */
  Incoming extract(Function<String, String> headers);

  /** Reads incoming headers from a map, ignoring the case of header names. */
  default Incoming extract(Map<String, String> headers) {
    return extract(HeaderLookup.ignoringCase(headers));
  }

  /**
   * Opens a SERVER span for an incoming request, continuing the caller's trace and correlation id,
   * current on this thread (context and MDC) until closed.
   *
   * @param name the span name, e.g. {@code POST /deploy}
   */
  ServerScope serve(String name, Function<String, String> headers);

  /** {@link #serve(String, Function)} with a map of headers, ignoring case. */
  default ServerScope serve(String name, Map<String, String> headers) {
    return serve(name, HeaderLookup.ignoringCase(headers));
  }

  /**
   * Processes one consumed message in its own CONSUMER span ({@code process <type>}) linked to the
   * producer's context, with {@code runtrail.correlation.id}, the CloudEvents {@code type}, {@code id}
   * and {@code subject}, current while the handler runs. A handler that throws marks the span failed
   * ({@code error.type}) and the exception is rethrown.
   */
  <R> R consume(Message message, MessageHandler<R> handler) throws Exception;
}
