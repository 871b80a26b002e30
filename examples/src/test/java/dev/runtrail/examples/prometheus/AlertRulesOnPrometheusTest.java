package dev.runtrail.examples.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import dev.runtrail.testsupport.RequiresTool;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * alerts/runtrail-alerts.yml loaded into a real Prometheus that scrapes live, growing run counters:
 * the recording rules compute from real scrapes and the error-rate alert goes pending.
 */
@Tag("prometheus")
@RequiresTool(value = "prometheus", debianPackage = "prometheus")
class AlertRulesOnPrometheusTest {

    private static final String JOB = "runs";
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private static SelfTestTarget target;
    private static PrometheusServer prometheus;

    /** Per scrape, 3 more runs ok and 1 more failed, tagged as docs/metrics.md says: a 25% error ratio. */
    private static String runCounters(int scrape) {
        return """
                # HELP runtrail_runs_completed_total Runs completed.
                # TYPE runtrail_runs_completed_total counter
                runtrail_runs_completed_total{env="prod",target="api",plan_id="deploy",status="ok",error_code="none"} %d.0
                runtrail_runs_completed_total{env="prod",target="api",plan_id="deploy",status="failed",error_code="E_HEALTH_TIMEOUT"} %d.0
                """.formatted(3 * scrape, scrape);
    }

    @BeforeAll
    static void start() {
        target = new SelfTestTarget(AlertRulesOnPrometheusTest::runCounters);
        prometheus = PrometheusServer.builder()
                .scrape(JOB, target.port())
                .ruleFile(RepositoryRoot.find().resolve(RepositoryRoot.ALERT_RULES))
                .start();
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
    void errorAndAvailabilityRatiosAreRecordedFromLiveScrapes() {
        assertThat(prometheus.awaitQuery("runtrail:run_error_ratio:rate5m", TIMEOUT))
                .singleElement()
                .satisfies(sample -> {
                    assertThat(sample.label("env")).isEqualTo("prod");
                    assertThat(sample.label("target")).isEqualTo("api");
                    assertThat(sample.value()).isCloseTo(0.25, within(1e-9));
                });
        assertThat(prometheus.awaitQuery("runtrail:run_availability_ratio:rate4h", TIMEOUT))
                .singleElement()
                .satisfies(sample -> assertThat(sample.value()).isCloseTo(0.75, within(1e-9)));
    }

    @Test
    void errorRateAlertGoesPendingWithItsLabels() {
        assertThat(prometheus.awaitQuery("ALERTS{alertname=\"RuntrailRunErrorRateHigh\"}", TIMEOUT))
                .singleElement()
                .satisfies(alert -> {
                    // for: 10m keeps it pending for the length of a test run.
                    assertThat(alert.label("alertstate")).isEqualTo("pending");
                    assertThat(alert.label("severity")).isEqualTo("ticket");
                    assertThat(alert.label("priority")).isEqualTo("P2");
                    assertThat(alert.label("env")).isEqualTo("prod");
                    assertThat(alert.label("target")).isEqualTo("api");
                });
    }
}
