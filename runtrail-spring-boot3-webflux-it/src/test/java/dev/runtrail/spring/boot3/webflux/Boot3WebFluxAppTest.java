package dev.runtrail.spring.boot3.webflux;

import dev.runtrail.spring.boot.ReactiveWebAppTests;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;

/**
 * The starter's web tests on a reactive Boot 3.5 app (Reactor Netty, no servlet class on the class path): the
 * run nests under Boot's server span, carries the caller's correlation id, has the canary redacted, and shows
 * on Prometheus.
 */
@AutoConfigureObservability
class Boot3WebFluxAppTest extends ReactiveWebAppTests {}
