package dev.runtrail.spring.boot3.webflux;

import dev.runtrail.spring.boot.ReactiveDisabledAppTests;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;

/** {@code runtrail.enabled=false} on a reactive Boot 3.5 app: Boot's own server span and meters only. */
@AutoConfigureObservability
class Boot3WebFluxDisabledTest extends ReactiveDisabledAppTests {}
