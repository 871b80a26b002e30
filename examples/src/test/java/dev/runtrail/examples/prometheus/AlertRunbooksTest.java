package dev.runtrail.examples.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every alert links to its own runbook section and carries a consistent severity and priority. */
class AlertRunbooksTest {

    private static final Pattern ALERT = Pattern.compile("^\\s*- alert:\\s*(\\S+)\\s*$");
    private static final Pattern RECORD = Pattern.compile("^\\s*- record:");
    private static final Pattern FIELD = Pattern.compile("^\\s*(severity|priority|runbook_url):\\s*'?([^']*?)'?\\s*$");
    private static final Pattern HEADING = Pattern.compile("^#{2,4}\\s+(.+?)\\s*$");

    private static Map<String, Map<String, String>> alerts;
    private static List<String> readmeAnchors;

    @BeforeAll
    static void read() throws IOException {
        Path root = RepositoryRoot.find();
        alerts = alerts(Files.readAllLines(root.resolve(RepositoryRoot.ALERT_RULES)));
        readmeAnchors = Files.readAllLines(root.resolve("alerts/README.md")).stream()
                .map(HEADING::matcher)
                .filter(Matcher::matches)
                .map(heading -> heading.group(1).toLowerCase(Locale.ROOT))
                .toList();
    }

    @Test
    void everyAlertHasARunbookSectionNamedAfterIt() {
        assertThat(alerts).isNotEmpty();
        alerts.forEach((alert, fields) -> {
            String anchor = alert.toLowerCase(Locale.ROOT);
            assertThat(fields.get("runbook_url")).as("runbook_url of %s", alert)
                    .isEqualTo("alerts/README.md#" + anchor);
            assertThat(readmeAnchors).as("headings of alerts/README.md").contains(anchor);
        });
    }

    @Test
    void pagesAreP1AndTicketsAreP2() {
        alerts.forEach((alert, fields) -> {
            String expectedPriority = switch (String.valueOf(fields.get("severity"))) {
                case "page" -> "P1";
                case "ticket" -> "P2";
                default -> "severity page or ticket, got " + fields.get("severity");
            };
            assertThat(fields.get("priority")).as("priority of %s", alert).isEqualTo(expectedPriority);
        });
    }

    /** Alert name to its severity, priority and runbook_url, read line by line from the rules file. */
    private static Map<String, Map<String, String>> alerts(List<String> lines) {
        Map<String, Map<String, String>> alerts = new LinkedHashMap<>();
        Map<String, String> current = null;
        for (String line : lines) {
            Matcher alert = ALERT.matcher(line);
            if (alert.matches()) {
                current = new LinkedHashMap<>();
                alerts.put(alert.group(1), current);
            } else if (RECORD.matcher(line).find()) {
                current = null;
            } else if (current != null) {
                Matcher field = FIELD.matcher(line);
                if (field.matches()) {
                    current.put(field.group(1), field.group(2));
                }
            }
        }
        return alerts;
    }
}
