package dev.runtrail.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtrail.examples.prometheus.PrometheusServer;
import dev.runtrail.examples.prometheus.Promtool;
import dev.runtrail.examples.prometheus.Sample;
import dev.runtrail.telemetry.core.Runtrail;
import dev.runtrail.telemetry.core.RuntrailTelemetry;
import dev.runtrail.telemetry.core.config.RuntrailConfig;
import dev.runtrail.telemetry.core.config.Setting;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import dev.runtrail.testsupport.RequiresTool;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real Prometheus scrapes the demo's endpoint; the run counters and buckets have the right values. */
@Tag("prometheus")
@RequiresTool(value = "prometheus", debianPackage = "prometheus")
class DemoOnPrometheusTest {

  @TempDir Path runsDir;
  RuntrailTelemetry telemetry;
  int port;

  @BeforeEach
  void runTheDemo() {
    telemetry = (RuntrailTelemetry) Runtrail.builder()
        .config(RuntrailConfig.of(Map.of(Setting.ENABLED, "true", Setting.PROMETHEUS_PORT, "0")))
        .spanExporter(InMemorySpanExporter.create())
        .runsDirectory(runsDir)
        .shutdownHook(false)
        .build();
    port = telemetry.prometheusEndpoint().orElseThrow().port();
    DeployDemo.deploy(telemetry, DeployDemo.Release.V1_2_0);
    AgentDemo.remediate(telemetry);
    AgentDemo.remediate(telemetry);
  }

  @AfterEach
  void stop() {
    telemetry.close();
  }

  private static double value(List<Sample> samples) {
    assertThat(samples).as("exactly one series").hasSize(1);
    return samples.get(0).value();
  }

  @Test
  void prometheusSeesRunCountersAndHistogramBuckets() {
    try (PrometheusServer prometheus = PrometheusServer.scraping("demo", port)) {
      prometheus.waitForScrape("demo");
      assertThat(value(prometheus.query("runtrail_runs_started_total{env=\"prod\",target=\"api\","
          + "plan_id=\"plan-api\",plan_version=\"1.2.0\"}"))).isEqualTo(1);
      assertThat(value(prometheus.query("sum(runtrail_runs_started_total{env=\"prod\",target=\"infra-repo\"})")))
          .isEqualTo(2);
      assertThat(value(prometheus.query(
          "runtrail_runs_completed_total{status=\"failed\",error_code=\"E_HEALTH_TIMEOUT\",env=\"prod\"}")))
          .isEqualTo(1);
      assertThat(value(prometheus.query("sum(runtrail_runs_completed_total{status=\"ok\"})"))).isEqualTo(2);
      assertThat(value(prometheus.query("sum(runtrail_runs_in_flight)"))).isZero();
      // Every demo run takes well under half a second: all three land in the first bucket and in +Inf.
      assertThat(value(prometheus.query("sum(runtrail_run_duration_seconds_bucket{le=\"0.5\"})"))).isEqualTo(3);
      assertThat(value(prometheus.query("sum(runtrail_run_duration_seconds_bucket{le=\"+Inf\"})"))).isEqualTo(3);
      assertThat(prometheus.query("runtrail_run_duration_seconds_bucket{env=\"prod\",target=\"api\"}"))
          .extracting(sample -> sample.label("le"))
          .containsExactlyInAnyOrder("0.5", "1.0", "2.0", "5.0", "10.0", "30.0", "60.0", "+Inf");
      assertThat(value(prometheus.query(
          "runtrail_step_retries_total{step=\"main/verify/healthz\",cause=\"timeout\"}"))).isEqualTo(2);
      assertThat(value(prometheus.query("runtrail_step_duration_seconds_count{step=\"main/verify/healthz\","
          + "status=\"failed\"}"))).isEqualTo(1);
      assertThat(value(prometheus.query("runtrail_trail_events_total{type=\"pr_created\"}"))).isEqualTo(2);
      assertThat(value(prometheus.query("sum(runtrail_agent_tokens_total{direction=\"input\"})")))
          .isEqualTo(2 * 18_400);
      assertThat(prometheus.query("{__name__=~\"runtrail_.*\",run_id!=\"\"}")).as("run ids are never labels").isEmpty();
    }
  }

  @Test
  void expositionPassesPromtoolCheckMetrics() throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
            .timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("runtrail_runs_started_total{");
    Promtool.Result result = Promtool.locate().checkMetrics(response.body());
    assertThat(result.exitCode()).withFailMessage("%s", result).isZero();
  }
}
