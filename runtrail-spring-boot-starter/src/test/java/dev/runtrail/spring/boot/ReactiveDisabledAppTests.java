package dev.runtrail.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * {@link DisabledAppTests} on a reactive app, set up as {@link ReactiveWebAppTests} is: with Runtrail off
 * there is no {@link RuntrailWebFilter} and Boot's server span and meters are as without Runtrail.
 */
@TestPropertySource(properties = "spring.reactor.context-propagation=auto")
public abstract class ReactiveDisabledAppTests extends DisabledAppTests {

  @Test
  public void theAppIsReactiveWithoutTheWebFilter() {
    assertThat(context.getClass().getName()).contains("Reactive");
    assertThat(context.getBeansOfType(RuntrailWebFilter.class)).isEmpty();
  }
}
