package dev.runtrail.spring.boot;

import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;

/** {@link WebAppTests} on Boot 3.5. */
@AutoConfigureObservability
class RuntrailAutoConfigurationTest extends WebAppTests {}
