package dev.runtrail.spring.boot4;

import dev.runtrail.spring.boot.DisabledAppTests;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.micrometer.tracing.test.autoconfigure.AutoConfigureTracing;

/** {@code runtrail.enabled=false} on Boot 4.0: Boot's own server span and meters, nothing of Runtrail's. */
@AutoConfigureTracing
@AutoConfigureMetrics
class Boot4DisabledTest extends DisabledAppTests {}
