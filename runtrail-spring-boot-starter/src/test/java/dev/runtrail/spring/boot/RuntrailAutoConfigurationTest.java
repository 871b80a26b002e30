package dev.runtrail.spring.boot;

import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;

/** {@link ServletAppTests} on Boot 3.5. */
@AutoConfigureObservability
class RuntrailAutoConfigurationTest extends ServletAppTests {}
