package dev.runtrail.examples.prometheus;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PrometheusBinariesTest {

    @Test
    void missingBinaryFailsWithInstallInstructions() {
        assertThatThrownBy(() -> PrometheusBinaries.locate("runtrail-no-such-binary"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("runtrail-no-such-binary")
                .hasMessageContaining("apt-get install -y --no-install-recommends prometheus");
    }
}
