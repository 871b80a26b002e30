package dev.runtrail.examples.prometheus;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Finds the {@code prometheus} and {@code promtool} executables of the machine's Prometheus install. */
final class PrometheusBinaries {

    static final String INSTALL_HINT = "The prometheus-tagged tests run the real Prometheus (2.42 or newer). "
            + "Install Debian's package: apt-get install -y --no-install-recommends prometheus "
            + "(CI's .ci/run installs it when promtool is missing).";

    private PrometheusBinaries() {
    }

    /**
     * Returns the executable {@code name} from the {@code PATH}, else from {@code /usr/bin} or
     * {@code /usr/local/bin}.
     *
     * @throws IllegalStateException naming the places searched and how to install Prometheus
     */
    static Path locate(String name) {
        List<Path> candidates = new ArrayList<>();
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                if (!dir.isBlank()) {
                    candidates.add(Path.of(dir, name));
                }
            }
        }
        candidates.add(Path.of("/usr/bin", name));
        candidates.add(Path.of("/usr/local/bin", name));
        for (Path candidate : candidates) {
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate.toAbsolutePath();
            }
        }
        throw new IllegalStateException("'" + name + "' not found on the PATH (" + path
                + ") nor in /usr/bin or /usr/local/bin. " + INSTALL_HINT);
    }
}
