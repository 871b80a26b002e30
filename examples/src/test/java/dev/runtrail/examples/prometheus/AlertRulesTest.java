package dev.runtrail.examples.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import dev.runtrail.testsupport.RequiresTool;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** alerts/runtrail-alerts.yml passes promtool's check and its unit tests, and both checks can fail. */
@Tag("prometheus")
@RequiresTool(value = "promtool", debianPackage = "prometheus")
class AlertRulesTest {

    private static Path rules;
    private static Path ruleTests;
    private static Promtool promtool;

    @BeforeAll
    static void locate() {
        Path root = RepositoryRoot.find();
        rules = root.resolve(RepositoryRoot.ALERT_RULES);
        ruleTests = root.resolve(RepositoryRoot.ALERT_RULE_TESTS);
        promtool = Promtool.locate();
    }

    @Test
    void alertRulesPassPromtoolCheck() {
        Promtool.Result result = promtool.checkRules(rules);

        assertThat(result.exitCode()).withFailMessage("%s", result).isZero();
        assertThat(result.output()).contains("SUCCESS");
    }

    @Test
    void alertRuleUnitTestsPass() {
        Promtool.Result result = promtool.testRules(ruleTests);

        assertThat(result.exitCode()).withFailMessage("%s", result).isZero();
        assertThat(result.output()).contains("SUCCESS");
    }

    @Test
    void checkRejectsABrokenRuleFile(@TempDir Path dir) throws IOException {
        Path broken = Files.writeString(dir.resolve("broken.yml"), """
                groups:
                  - name: broken
                    rules:
                      - alert: UnclosedParenthesis
                        expr: sum by (env) (rate(runtrail_runs_completed_total[5m]) > 0
                        for: 5m
                """);

        Promtool.Result result = promtool.checkRules(broken);

        assertThat(result.exitCode()).withFailMessage("expected a failure, got %s", result).isNotZero();
        assertThat(result.output()).contains("broken.yml").contains("UnclosedParenthesis");
    }

    @Test
    void unitTestFailsWhenAnAlertDoesNotFireAsExpected(@TempDir Path dir) throws IOException {
        // A queue of 50 must not raise RuntrailAgentQueueBacklog: expecting it must fail the test run.
        Path wrongExpectation = Files.writeString(dir.resolve("wrong.test.yml"), """
                rule_files:
                  - '%s'
                tests:
                  - interval: 1m
                    input_series:
                      - series: 'runtrail_agent_queue_depth{job="agent",instance="127.0.0.1:8080",queue="tools"}'
                        values: '50x20'
                    alert_rule_test:
                      - eval_time: 15m
                        alertname: RuntrailAgentQueueBacklog
                        exp_alerts:
                          - exp_labels:
                              severity: ticket
                              priority: P2
                              job: agent
                              instance: 127.0.0.1:8080
                              queue: tools
                """.formatted(rules.toString().replace("'", "''")));

        Promtool.Result result = promtool.testRules(wrongExpectation);

        assertThat(result.exitCode()).withFailMessage("expected a failure, got %s", result).isNotZero();
        assertThat(result.output()).contains("RuntrailAgentQueueBacklog");
    }
}
