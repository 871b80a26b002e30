package dev.runtrail.spring.boot;

import dev.runtrail.telemetry.Telemetry;
import dev.runtrail.telemetry.core.Runtrail;
import dev.runtrail.telemetry.core.RuntrailBuilder;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Creates Runtrail's {@link Telemetry} bean from the app's own {@link OpenTelemetry} bean (Boot's, when
 * its OpenTelemetry support is on; else the Java agent's or Runtrail's own SDK, as without Spring) and
 * its {@link MeterRegistry} (Runtrail's meters then show on Actuator's endpoints), and closes it with the
 * context. In servlet apps it adds {@link RuntrailCorrelationFilter}, in reactive ones
 * {@link RuntrailWebFilter}. {@code runtrail.enabled=false} creates none of these beans.
 *
 * <p>One class for Boot 3.5 and 4.0: it names Boot's classes only where both have them (conditions,
 * {@code FilterRegistrationBean}) and the auto-configurations it follows by name, both generations' names.
 *
 * <pre>{@code
 * @RestController
 * class DeployController {
 *   private final Telemetry telemetry;
 *   DeployController(Telemetry telemetry) { this.telemetry = telemetry; }
 *
 *   @PostMapping("/deploy")
 *   void deploy() {
 *     try (RunContext run = telemetry.run("deploy").start()) { ... }   // continues the caller's trace
 *   }
 * }
 * }</pre>
 */
@AutoConfiguration(afterName = {
    // Boot 3.5
    "org.springframework.boot.actuate.autoconfigure.opentelemetry.OpenTelemetryAutoConfiguration",
    "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration",
    "org.springframework.boot.actuate.autoconfigure.metrics.export.prometheus.PrometheusMetricsExportAutoConfiguration",
    "org.springframework.boot.actuate.autoconfigure.metrics.export.simple.SimpleMetricsExportAutoConfiguration",
    // Boot 4.0: the same auto-configurations, moved to their own modules
    "org.springframework.boot.opentelemetry.autoconfigure.OpenTelemetrySdkAutoConfiguration",
    "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
    "org.springframework.boot.micrometer.metrics.autoconfigure.export.prometheus.PrometheusMetricsExportAutoConfiguration",
    "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration"})
@ConditionalOnBooleanProperty(name = "runtrail.enabled", matchIfMissing = true)
@EnableConfigurationProperties(RuntrailProperties.class)
public class RuntrailAutoConfiguration {

  /** Runtrail's telemetry on the app's OpenTelemetry and MeterRegistry, closed with the context. */
  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  public Telemetry runtrailTelemetry(RuntrailProperties properties, ObjectProvider<OpenTelemetry> openTelemetry,
      ObjectProvider<MeterRegistry> meterRegistry) {
    RuntrailBuilder builder = Runtrail.builder()
        .enabled(true)
        .config(properties.toConfig())
        .shutdownHook(false); // the context closes it
    openTelemetry.ifUnique(builder::openTelemetry);
    meterRegistry.ifUnique(builder::meterRegistry);
    return builder.build();
  }

  /** The correlation filter, early in the chain but after Boot's server observation filter. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
  @ConditionalOnClass(name = "org.springframework.web.filter.OncePerRequestFilter")
  @ConditionalOnBooleanProperty(name = "runtrail.correlation-filter", matchIfMissing = true)
  static class Servlet {

    @Bean
    @ConditionalOnMissingBean
    FilterRegistrationBean<RuntrailCorrelationFilter> runtrailCorrelationFilter(Telemetry telemetry) {
      FilterRegistrationBean<RuntrailCorrelationFilter> registration =
          new FilterRegistrationBean<>(new RuntrailCorrelationFilter(telemetry));
      // Boot's ServerHttpObservationFilter runs at HIGHEST_PRECEDENCE + 1.
      registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
      return registration;
    }
  }

  /** The reactive correlation filter; its request reaches handlers through context-propagation. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
  @ConditionalOnClass(name = {"org.springframework.web.server.WebFilter", "io.micrometer.context.ThreadLocalAccessor"})
  @ConditionalOnBooleanProperty(name = "runtrail.correlation-filter", matchIfMissing = true)
  static class Reactive {

    @Bean
    @ConditionalOnMissingBean
    RuntrailWebFilter runtrailWebFilter(Telemetry telemetry) {
      return new RuntrailWebFilter(telemetry);
    }
  }
}
