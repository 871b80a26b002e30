package dev.runtrail.spring.boot;

import dev.runtrail.telemetry.Telemetry;
import dev.runtrail.telemetry.propagation.Propagation;
import dev.runtrail.telemetry.propagation.ServerScope;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.function.Function;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts each request's trace context and correlation id ({@code X-Correlation-ID}, {@code X-Request-ID} or
 * W3C baggage; a fresh one otherwise) where runs started while serving it find them, and answers with
 * {@code X-Correlation-ID}. When a server span is already current (Boot's observation filter, the Java
 * agent) runs nest under it; otherwise this filter opens the SERVER span, continuing the caller's
 * {@code traceparent}.
 */
public class RuntrailCorrelationFilter extends OncePerRequestFilter {

  private final Telemetry telemetry;

  /** A filter for runs of this telemetry. */
  public RuntrailCorrelationFilter(Telemetry telemetry) {
    this.telemetry = telemetry;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (Span.current().getSpanContext().isValid()) {
      // The server span's context wins over the caller's traceparent, which it already continues.
      Function<String, String> headers = name -> isTraceHeader(name) ? null : request.getHeader(name);
      var incoming = telemetry.propagation().extract(headers);
      response.setHeader(Propagation.CORRELATION_ID_HEADER, incoming.correlationId());
      try (Scope scope = incoming.makeCurrent()) {
        chain.doFilter(request, response);
      }
      return;
    }
    try (ServerScope scope = telemetry.propagation().serve(request.getMethod() + " " + request.getRequestURI(),
        request::getHeader)) {
      scope.responseHeaders().forEach(response::setHeader);
      chain.doFilter(request, response);
      scope.status(response.getStatus());
    }
  }

  private static boolean isTraceHeader(String name) {
    return name.equalsIgnoreCase("traceparent") || name.equalsIgnoreCase("tracestate");
  }
}
