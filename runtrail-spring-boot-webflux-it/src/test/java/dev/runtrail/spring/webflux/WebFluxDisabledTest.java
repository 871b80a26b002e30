package dev.runtrail.spring.webflux;

import dev.runtrail.spring.boot.ReactiveDisabledAppTests;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.micrometer.tracing.test.autoconfigure.AutoConfigureTracing;

/** {@code runtrail.enabled=false} on a reactive Boot 4.0 app: Boot's own server span and meters only. */
@AutoConfigureTracing
@AutoConfigureMetrics
class WebFluxDisabledTest extends ReactiveDisabledAppTests {}
