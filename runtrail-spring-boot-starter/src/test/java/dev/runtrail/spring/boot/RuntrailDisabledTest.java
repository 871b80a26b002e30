package dev.runtrail.spring.boot;

import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;

/** {@link DisabledAppTests} on Boot 3.5. */
@AutoConfigureObservability
class RuntrailDisabledTest extends DisabledAppTests {}
