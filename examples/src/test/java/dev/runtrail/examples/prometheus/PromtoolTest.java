package dev.runtrail.examples.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtrail.testsupport.RequiresTool;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** {@link Promtool#checkMetrics} tells a clean exposition from a bad one. */
@Tag("prometheus")
@RequiresTool(value = "promtool", debianPackage = "prometheus")
class PromtoolTest {

    private final Promtool promtool = Promtool.locate();

    @Test
    void checkMetricsAcceptsTheSelfTestExposition() {
        Promtool.Result result = promtool.checkMetrics(SelfTestTarget.EXPOSITION);

        assertThat(result.exitCode()).withFailMessage("%s", result).isZero();
    }

    @Test
    void checkMetricsReportsLintProblems() {
        Promtool.Result result = promtool.checkMetrics("""
                # TYPE runs counter
                runs 3
                """);

        assertThat(result.exitCode()).withFailMessage("expected lint problems, got %s", result).isNotZero();
        assertThat(result.output()).contains("_total").contains("no help text");
    }

    @Test
    void checkMetricsRejectsUnparseableText() {
        Promtool.Result result = promtool.checkMetrics("runs{env=\"prod\" 3\n");

        assertThat(result.exitCode()).withFailMessage("expected a parse error, got %s", result).isNotZero();
        assertThat(result.output()).contains("parsing error");
    }
}
