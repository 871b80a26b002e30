package dev.runtrail.examples.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Parsing of Prometheus API answers, without a server. */
class PrometheusApiJsonTest {

    @Test
    void readsVectorLabelsAndValuesWhateverTheFieldOrder() {
        String json = """
                {"data":{"result":[
                   {"value":[1700000000.123,"0.25"],"metric":{"env":"prod","__name__":"x"}},
                   {"metric":{"env":"dev"},"value":[1700000000.123,"NaN"]},
                   {"metric":{"env":"qa"},"value":[1700000000,"+Inf"]}],
                 "resultType":"vector"},"status":"success"}""";

        assertThat(PrometheusApiJson.samples(json)).containsExactly(
                new Sample(Map.of("__name__", "x", "env", "prod"), 0.25),
                new Sample(Map.of("env", "dev"), Double.NaN),
                new Sample(Map.of("env", "qa"), Double.POSITIVE_INFINITY));
    }

    @Test
    void readsAnEmptyVector() {
        assertThat(PrometheusApiJson.samples(
                "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[]}}")).isEmpty();
    }

    @Test
    void readsAScalarAsOneUnlabelledSample() {
        assertThat(PrometheusApiJson.samples(
                "{\"status\":\"success\",\"data\":{\"resultType\":\"scalar\",\"result\":[1700000000.5,\"-Inf\"]}}"))
                .containsExactly(new Sample(Map.of(), Double.NEGATIVE_INFINITY));
    }

    @Test
    void reportsPrometheusErrors() {
        assertThatThrownBy(() -> PrometheusApiJson.samples(
                "{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"unclosed left parenthesis\"}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bad_data")
                .hasMessageContaining("unclosed left parenthesis");
    }

    @Test
    void summarizesTargetHealth() {
        String json = """
                {"status":"success","data":{"activeTargets":[{"labels":{"job":"demo"},
                 "scrapeUrl":"http://127.0.0.1:1/metrics","lastError":"connection refused","health":"down"}]}}""";

        assertThat(PrometheusApiJson.targets(json))
                .contains("http://127.0.0.1:1/metrics")
                .contains("connection refused")
                .contains("down");
    }

    @Test
    void rejectsRangeVectors() {
        assertThatThrownBy(() -> PrometheusApiJson.samples("""
                {"status":"success","data":{"resultType":"matrix","result":[
                  {"metric":{"env":"prod"},"values":[[1700000000,"1"],[1700000001,"2"]]}]}}"""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("matrix");
    }
}
