package dev.runtrail.examples.prometheus;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The root of the Runtrail repository, found by walking up from the working directory (a module
 * directory under Maven) to the first directory holding {@code alerts/runtrail-alerts.yml}.
 *
 * <pre>{@code
 * Path rules = RepositoryRoot.find().resolve(RepositoryRoot.ALERT_RULES);
 * }</pre>
 */
public final class RepositoryRoot {

    /** The alerting and recording rules, relative to the repository root. */
    public static final Path ALERT_RULES = Path.of("alerts", "runtrail-alerts.yml");

    /** The promtool unit tests of {@link #ALERT_RULES}, relative to the repository root. */
    public static final Path ALERT_RULE_TESTS = Path.of("alerts", "tests", "runtrail-alerts.test.yml");

    private RepositoryRoot() {
    }

    /**
     * @throws IllegalStateException if no directory from the working directory up holds the rules
     */
    public static Path find() {
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(ALERT_RULES))) {
                return dir;
            }
        }
        throw new IllegalStateException("No directory from " + start + " upwards contains " + ALERT_RULES
                + ": run the tests from inside the Runtrail repository");
    }
}
