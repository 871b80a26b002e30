package dev.runtrail.examples.prometheus;

import dev.runtrail.testsupport.Tools;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the machine's {@code promtool}: checks and unit tests of rule files, and the lint of a
 * metrics exposition.
 *
 * <pre>{@code
 * Promtool.Result result = Promtool.locate().testRules(root.resolve("alerts/tests/runtrail-alerts.test.yml"));
 * assertThat(result.exitCode()).as(result.toString()).isZero();
 * }</pre>
 */
public final class Promtool {

    private static final Duration TIMEOUT = Duration.ofMinutes(3);

    private final Path binary;

    private Promtool(Path binary) {
        this.binary = binary;
    }

    /**
     * @throws IllegalStateException if {@code promtool} is not installed, saying how to install it
     */
    public static Promtool locate() {
        return new Promtool(Tools.locate("prometheus", "promtool"));
    }

    /** {@code promtool check rules FILE...}: syntax, PromQL and templates of rule files. */
    public Result checkRules(Path... ruleFiles) {
        return run(null, command("check", "rules", ruleFiles));
    }

    /** {@code promtool test rules FILE...}: runs rule unit tests; rule files resolve relative to each test file. */
    public Result testRules(Path... testFiles) {
        return run(null, command("test", "rules", testFiles));
    }

    /**
     * {@code promtool check metrics}: parses and lints a text exposition (as served on /metrics).
     * Exit code 0 if clean, 3 for lint problems (e.g. a counter without {@code _total}), 1 if unparseable.
     */
    public Result checkMetrics(String exposition) {
        return run(exposition, List.of(binary.toString(), "check", "metrics"));
    }

    private List<String> command(String verb, String noun, Path... files) {
        if (files.length == 0) {
            throw new IllegalArgumentException("promtool " + verb + " " + noun + " needs at least one file");
        }
        List<String> command = new ArrayList<>(List.of(binary.toString(), verb, noun));
        for (Path file : files) {
            command.add(file.toAbsolutePath().toString());
        }
        return command;
    }

    private static Result run(String stdin, List<String> command) {
        Path output = null;
        try {
            output = Files.createTempFile("promtool-", ".out");
            // Output goes to a file, so a chatty promtool can never block on a full pipe.
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .start();
            try (OutputStream in = process.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin.getBytes(StandardCharsets.UTF_8));
                }
            }
            if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish within " + TIMEOUT
                        + ":\n" + Files.readString(output, StandardCharsets.UTF_8));
            }
            return new Result(command, process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + String.join(" ", command), e);
        } finally {
            if (output != null) {
                try {
                    Files.deleteIfExists(output);
                } catch (IOException ignored) {
                    // a leftover temp file is harmless
                }
            }
        }
    }

    /**
     * What one promtool invocation did.
     *
     * @param command the command line
     * @param exitCode promtool's exit code (0 = success)
     * @param output stdout and stderr, interleaved
     */
    public record Result(List<String> command, int exitCode, String output) {

        public Result {
            command = List.copyOf(command);
        }

        public boolean succeeded() {
            return exitCode == 0;
        }

        /** The command, exit code and output: meant as an assertion's failure message. */
        @Override
        public String toString() {
            return String.join(" ", command) + " exited with " + exitCode + ":\n" + output;
        }
    }
}
