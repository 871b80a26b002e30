package dev.runtrail.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;

/**
 * {@link WebAppTests} on a reactive app (a class path with WebFlux and no servlet class), with Reactor's
 * automatic context propagation, which carries Boot's server span and {@link RuntrailWebFilter}'s correlation
 * id onto the thread that runs the handler. The same setting on Boot 3.5 and 4.0.
 */
@TestPropertySource(properties = "spring.reactor.context-propagation=auto")
public abstract class ReactiveWebAppTests extends WebAppTests {

  @Autowired ApplicationContext context;

  @Test
  public void theAppIsReactiveAndGetsTheWebFilter() {
    assertThat(context.getClass().getName()).contains("Reactive");
    assertThat(context.getBeansOfType(RuntrailWebFilter.class)).hasSize(1);
  }
}
