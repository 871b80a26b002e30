package dev.runtrail.examples.prometheus;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The prometheus.yml of a test server: every target on 127.0.0.1, scraped and rules evaluated
 * every second so tests wait seconds, not minutes.
 */
record PrometheusConfig(Map<String, Integer> targets, String metricsPath, List<Path> ruleFiles) {

    PrometheusConfig {
        targets = Map.copyOf(targets);
        ruleFiles = List.copyOf(ruleFiles);
    }

    String toYaml() {
        StringBuilder yaml = new StringBuilder()
                .append("global:\n")
                .append("  scrape_interval: 1s\n")
                .append("  scrape_timeout: 1s\n")  // must not exceed the interval (default 10s would)
                .append("  evaluation_interval: 1s\n");
        if (!ruleFiles.isEmpty()) {
            yaml.append("rule_files:\n");
            ruleFiles.forEach(file -> yaml.append("  - ").append(quoted(file.toAbsolutePath().toString())).append('\n'));
        }
        yaml.append("scrape_configs:\n");
        if (targets.isEmpty()) {
            yaml.append("  []\n");
        }
        targets.forEach((job, port) -> yaml
                .append("  - job_name: ").append(quoted(job)).append('\n')
                .append("    metrics_path: ").append(quoted(metricsPath)).append('\n')
                .append("    static_configs:\n")
                .append("      - targets: ['127.0.0.1:").append(port).append("']\n"));
        return yaml.toString();
    }

    /** A YAML single-quoted scalar: only the quote itself needs escaping (doubled). */
    private static String quoted(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
