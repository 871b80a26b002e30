package dev.runtrail.spring.boot4;

import dev.runtrail.spring.boot.WebAppTests;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.micrometer.tracing.test.autoconfigure.AutoConfigureTracing;

/** The starter's servlet tests on Boot 4.0: trace continuation, correlation, redaction, Prometheus. */
@AutoConfigureTracing
@AutoConfigureMetrics
class Boot4ServletTest extends WebAppTests {}
