package dev.runtrail.examples.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import dev.runtrail.testsupport.RequiresTool;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The harness against a real Prometheus: it scrapes a hand-written exposition served by the JDK's
 * HttpServer, and {@link PrometheusServer#query} returns what was served.
 */
@Tag("prometheus")
@RequiresTool(value = "prometheus", debianPackage = "prometheus")
class PrometheusServerTest {

    private static final String JOB = "selftest";

    private static SelfTestTarget target;
    private static PrometheusServer prometheus;

    @BeforeAll
    static void start() {
        target = new SelfTestTarget();
        prometheus = PrometheusServer.scraping(JOB, target.port());
        prometheus.waitForScrape(JOB);
    }

    @AfterAll
    static void stop() {
        try {
            if (prometheus != null) {
                prometheus.close();
            }
        } finally {
            if (target != null) {
                target.close();
            }
        }
    }

    @Test
    void queryReturnsTheServedCounterWithTargetLabels() {
        assertThat(prometheus.query("harness_selftest_requests_total"))
                .singleElement()
                .satisfies(sample -> {
                    assertThat(sample.value()).isEqualTo(42.0);
                    assertThat(sample.labels()).containsExactlyInAnyOrderEntriesOf(Map.of(
                            "__name__", "harness_selftest_requests_total",
                            "env", "test",
                            "target", "harness",
                            "job", JOB,
                            "instance", "127.0.0.1:" + target.port()));
                });
        assertThat(target.scrapes()).isPositive();
    }

    @Test
    void queryEvaluatesPromqlOverScrapedSeries() {
        assertThat(prometheus.query("sum(harness_selftest_queue_depth)"))
                .singleElement()
                .satisfies(sample -> {
                    assertThat(sample.labels()).isEmpty();
                    assertThat(sample.value()).isEqualTo(7.5);
                });
        // Half of the 4 observations are <= 0.5s: the median is the first bucket's upper bound.
        assertThat(prometheus.query("histogram_quantile(0.5, harness_selftest_duration_seconds_bucket)"))
                .singleElement()
                .satisfies(sample -> assertThat(sample.value()).isCloseTo(0.5, within(1e-9)));
    }

    @Test
    void scalarResultIsOneSampleWithoutLabels() {
        assertThat(prometheus.query("scalar(harness_selftest_queue_depth) * 2"))
                .singleElement()
                .isEqualTo(new Sample(Map.of(), 15.0));
    }

    @Test
    void queryOfAnUnknownSeriesIsEmpty() {
        assertThat(prometheus.query("harness_selftest_never_served_total")).isEmpty();
    }

    @Test
    void awaitQueryReturnsOnceTheResultIsThere() {
        assertThat(prometheus.awaitQuery("harness_selftest_requests_total > 40", Duration.ofSeconds(30)))
                .extracting(Sample::value)
                .containsExactly(42.0);
    }

    @Test
    void invalidPromqlIsRejectedWithPrometheusReason() {
        assertThatThrownBy(() -> prometheus.query("sum(harness_selftest_queue_depth"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sum(harness_selftest_queue_depth")
                .hasMessageContaining("bad_data");
    }

    @Test
    void rangeVectorIsRejectedAsNotAnInstantResult() {
        assertThatThrownBy(() -> prometheus.query("harness_selftest_requests_total[1m]"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("matrix");
    }
}
