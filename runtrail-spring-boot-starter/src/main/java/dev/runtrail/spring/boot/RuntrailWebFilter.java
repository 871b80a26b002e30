package dev.runtrail.spring.boot;

import dev.runtrail.telemetry.Telemetry;
import dev.runtrail.telemetry.propagation.Incoming;
import dev.runtrail.telemetry.propagation.Propagation;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The reactive twin of {@link RuntrailCorrelationFilter}: reads each request's trace context and
 * correlation id ({@code X-Correlation-ID}, {@code X-Request-ID} or W3C baggage; a fresh one otherwise),
 * answers with {@code X-Correlation-ID}, and puts the request into the Reactor context under
 * {@link RequestAccessor#KEY}, from where Micrometer's context-propagation restores it on whichever thread
 * handles the request ({@code spring.reactor.context-propagation=auto}, which Boot's tracing needs too).
 * Runs started there nest under Boot's server span when one is current, else under the caller's span,
 * and carry the request's correlation id.
 */
public class RuntrailWebFilter implements WebFilter, Ordered {

  /** Early, like the servlet filter; Boot's server observation wraps every filter anyway. */
  static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

  private final Telemetry telemetry;

  /** A filter for runs of this telemetry. */
  public RuntrailWebFilter(Telemetry telemetry) {
    this.telemetry = telemetry;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    Incoming incoming = telemetry.propagation().extract(exchange.getRequest().getHeaders()::getFirst);
    exchange.getResponse().getHeaders().set(Propagation.CORRELATION_ID_HEADER, incoming.correlationId());
    return chain.filter(exchange).contextWrite(context -> context.put(RequestAccessor.KEY, incoming));
  }

  @Override
  public int getOrder() {
    return ORDER;
  }
}
