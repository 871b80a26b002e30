package dev.runtrail.spring.webflux;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtrail.spring.boot.RuntrailWebFilter;
import dev.runtrail.spring.boot.WebAppTests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.micrometer.tracing.test.autoconfigure.AutoConfigureTracing;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;

/**
 * The starter's web tests on a reactive Boot 4.0 app (Reactor Netty, no servlet class on the class path):
 * the run started in the handler nests under Boot's server span, carries the caller's correlation id (carried
 * by {@link RuntrailWebFilter} through the Reactor context), has the canary redacted, and shows on Prometheus.
 */
@AutoConfigureTracing
@AutoConfigureMetrics
@TestPropertySource(properties = "spring.reactor.context-propagation=auto")
class WebFluxAppTest extends WebAppTests {

  @Autowired ApplicationContext context;

  @Test
  public void theAppIsReactiveAndGetsTheWebFilter() {
    assertThat(context.getClass().getName()).contains("Reactive");
    assertThat(context.getBeansOfType(RuntrailWebFilter.class)).hasSize(1);
  }
}
