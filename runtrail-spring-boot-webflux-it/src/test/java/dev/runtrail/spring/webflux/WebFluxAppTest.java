package dev.runtrail.spring.webflux;

import dev.runtrail.spring.boot.ReactiveWebAppTests;
import dev.runtrail.spring.boot.RuntrailWebFilter;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.micrometer.tracing.test.autoconfigure.AutoConfigureTracing;

/**
 * The starter's web tests on a reactive Boot 4.0 app (Reactor Netty, no servlet class on the class path):
 * the run started in the handler nests under Boot's server span, carries the caller's correlation id (carried
 * by {@link RuntrailWebFilter} through the Reactor context), has the canary redacted, and shows on Prometheus.
 */
@AutoConfigureTracing
@AutoConfigureMetrics
class WebFluxAppTest extends ReactiveWebAppTests {}
