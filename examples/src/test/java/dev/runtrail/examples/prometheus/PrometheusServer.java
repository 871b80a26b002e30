package dev.runtrail.examples.prometheus;

import dev.runtrail.testsupport.Tools;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Prometheus server for tests: started from the machine's {@code prometheus} binary, bound
 * to 127.0.0.1 on a free port, with its own temporary config and storage, scraping the given
 * targets every second. Closing it stops the process and deletes its files.
 *
 * <pre>{@code
 * try (PrometheusServer prometheus = PrometheusServer.scraping("demo", demoPort)) {
 *     prometheus.waitForScrape("demo");
 *     List<Sample> started = prometheus.query("sum by (env) (runtrail_runs_started_total)");
 *     assertThat(started).extracting(Sample::value).containsExactly(3.0);
 * }
 * }</pre>
 *
 * <p>With {@link Builder#ruleFile(Path)} it also evaluates rules every second, so recorded series
 * and {@code ALERTS} can be queried. Failures (binary missing, start-up, scrape, bad query) throw
 * with a message that includes the tail of Prometheus' log.
 */
public final class PrometheusServer implements AutoCloseable {

    private static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration DEFAULT_SCRAPE_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(250);
    private static final int START_ATTEMPTS = 3;
    private static final int LOG_TAIL_LINES = 40;

    private final Process process;
    private final Path workDir;
    private final Path logFile;
    private final URI baseUri;
    private final HttpClient http;
    private final Thread shutdownHook;
    private boolean closed;

    private PrometheusServer(Process process, Path workDir, Path logFile, URI baseUri, HttpClient http) {
        this.process = process;
        this.workDir = workDir;
        this.logFile = logFile;
        this.baseUri = baseUri;
        this.http = http;
        // A test JVM that dies without close() must not leave a Prometheus behind.
        this.shutdownHook = new Thread(process::destroyForcibly, "prometheus-server-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Starts a Prometheus scraping {@code http://127.0.0.1:<port>/metrics} as job {@code job}. */
    public static PrometheusServer scraping(String job, int port) {
        return builder().scrape(job, port).start();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The server's address, e.g. {@code http://127.0.0.1:41234}. */
    public URI baseUri() {
        return baseUri;
    }

    /** Waits up to 60s for a successful scrape of {@code job}; see {@link #waitForScrape(String, Duration)}. */
    public void waitForScrape(String job) {
        waitForScrape(job, DEFAULT_SCRAPE_TIMEOUT);
    }

    /**
     * Waits until Prometheus has scraped {@code job} successfully: {@code up} is 1 and
     * {@code scrape_samples_scraped} is above 0.
     *
     * @throws IllegalStateException on timeout, with the targets' last scrape errors and the log tail
     */
    public void waitForScrape(String job, Duration timeout) {
        String selector = "{job=\"" + escapeLabelValue(job) + "\"}";
        String up = "up" + selector + " == 1";
        String scraped = "scrape_samples_scraped" + selector + " > 0";
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            if (!query(up).isEmpty() && !query(scraped).isEmpty()) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("Prometheus did not scrape job '" + job + "' within " + timeout
                        + ". up: " + query("up" + selector) + ", targets: " + targetHealth()
                        + diagnostics());
            }
            pause();
        }
    }

    /**
     * Evaluates an instant query now.
     *
     * @param promql an expression with an instant-vector or scalar result
     * @return the result's samples, empty if nothing matched
     * @throws IllegalArgumentException if Prometheus rejects the expression (the message says why)
     */
    public List<Sample> query(String promql) {
        Objects.requireNonNull(promql, "promql");
        String body = get("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8)).body();
        try {
            return PrometheusApiJson.samples(body);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Query '" + promql + "' failed: " + e.getMessage(), e);
        }
    }

    /**
     * Polls {@link #query(String)} until its result is not empty, for example until a counter that
     * the application just incremented has been scraped: {@code awaitQuery("runtrail_runs_completed_total > 0", ...)}.
     *
     * @throws IllegalStateException on timeout, with the log tail
     */
    public List<Sample> awaitQuery(String promql, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            List<Sample> samples = query(promql);
            if (!samples.isEmpty()) {
                return samples;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("Query '" + promql + "' had no result within " + timeout
                        + ". targets: " + targetHealth() + diagnostics());
            }
            pause();
        }
    }

    /** The last {@code lines} lines Prometheus logged. */
    public String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(log " + logFile + " unreadable: " + e + ")";
        }
    }

    /** Stops Prometheus (SIGTERM, then SIGKILL after 30s) and deletes its config, data and log. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            stop(process);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // the hook runs anyway
            }
            deleteRecursively(workDir);
        }
    }

    private String diagnostics() {
        return "\n--- Prometheus log (last " + LOG_TAIL_LINES + " lines) ---\n" + logTail(LOG_TAIL_LINES);
    }

    /** "scrapeUrl health lastError" per active target, from /api/v1/targets. */
    private String targetHealth() {
        return PrometheusApiJson.targets(get("/api/v1/targets?state=active").body());
    }

    private HttpResponse<String> get(String pathAndQuery) {
        HttpRequest request = HttpRequest.newBuilder(baseUri.resolve(pathAndQuery))
                .timeout(Duration.ofSeconds(10))
                .GET()
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + request.uri() + " failed" + diagnostics(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted during GET " + request.uri(), e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_INTERVAL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for Prometheus", e);
        }
    }

    private static String escapeLabelValue(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    private static void stop(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete Prometheus' temporary directory " + dir, e);
        }
    }

    /** Configures and starts a {@link PrometheusServer}. */
    public static final class Builder {

        private final Map<String, Integer> targets = new LinkedHashMap<>();
        private final List<Path> ruleFiles = new ArrayList<>();
        private String metricsPath = "/metrics";
        private Duration startTimeout = DEFAULT_START_TIMEOUT;

        private Builder() {
        }

        /** Scrapes {@code http://127.0.0.1:<port><metricsPath>} every second as job {@code job}. */
        public Builder scrape(String job, int port) {
            if (job == null || !job.matches("[A-Za-z0-9_.-]+")) {
                throw new IllegalArgumentException("job must be a plain name ([A-Za-z0-9_.-]+), got: " + job);
            }
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
            if (targets.putIfAbsent(job, port) != null) {
                throw new IllegalArgumentException("job already configured: " + job);
            }
            return this;
        }

        /** The scrape path of every target; {@code /metrics} by default. */
        public Builder metricsPath(String path) {
            if (path == null || !path.startsWith("/")) {
                throw new IllegalArgumentException("metrics path must start with '/', got: " + path);
            }
            this.metricsPath = path;
            return this;
        }

        /** Loads a rules file; rules are evaluated every second. */
        public Builder ruleFile(Path file) {
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("rules file does not exist: " + file);
            }
            ruleFiles.add(file.toAbsolutePath());
            return this;
        }

        /** How long to wait for {@code /-/ready}; 90s by default (start-up is slow on a busy machine). */
        public Builder startTimeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("start timeout must be positive, got: " + timeout);
            }
            this.startTimeout = timeout;
            return this;
        }

        /**
         * Starts Prometheus and waits until it is ready.
         *
         * @throws IllegalStateException if the binary is missing or Prometheus does not become
         *     ready in time (with its log tail)
         */
        public PrometheusServer start() {
            Path binary = Tools.locate("prometheus", "prometheus");
            IllegalStateException lastFailure = null;
            // A free port can be taken between our probe and Prometheus' bind: retry on a new one.
            for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
                try {
                    return startOnce(binary);
                } catch (PortTakenException e) {
                    lastFailure = e;
                }
            }
            throw lastFailure;
        }

        private PrometheusServer startOnce(Path binary) {
            Path workDir = createWorkDir();
            boolean started = false;
            try {
                int port = freePort();
                Path config = workDir.resolve("prometheus.yml");
                Files.writeString(config, new PrometheusConfig(targets, metricsPath, ruleFiles).toYaml(),
                        StandardCharsets.UTF_8);
                Path logFile = workDir.resolve("prometheus.log");
                Process process = new ProcessBuilder(
                        binary.toString(),
                        "--config.file=" + config,
                        "--storage.tsdb.path=" + workDir.resolve("data"),
                        "--web.listen-address=127.0.0.1:" + port,
                        "--log.level=info")
                        .directory(workDir.toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(logFile.toFile())
                        .start();
                process.getOutputStream().close();
                HttpClient http = HttpClient.newBuilder()
                        .connectTimeout(Duration.ofSeconds(2))
                        .proxy(HttpClient.Builder.NO_PROXY)
                        .build();
                PrometheusServer server = new PrometheusServer(process, workDir, logFile,
                        URI.create("http://127.0.0.1:" + port), http);
                try {
                    server.awaitReady(startTimeout);
                } catch (RuntimeException e) {
                    server.close();
                    throw e;
                }
                started = true;
                return server;
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start Prometheus from " + binary, e);
            } finally {
                if (!started) {
                    deleteRecursively(workDir);
                }
            }
        }

        private static Path createWorkDir() {
            try {
                return Files.createTempDirectory("runtrail-prometheus-");
            } catch (IOException e) {
                throw new UncheckedIOException("Could not create a temporary directory for Prometheus", e);
            }
        }

        private static int freePort() throws IOException {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            }
        }
    }

    private void awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            if (!process.isAlive()) {
                String message = "Prometheus exited with code " + process.exitValue() + " before it was ready"
                        + diagnostics();
                throw message.contains("address already in use") ? new PortTakenException(message)
                        : new IllegalStateException(message);
            }
            if (isReady()) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("Prometheus at " + baseUri + " was not ready within " + timeout
                        + diagnostics());
            }
            pause();
        }
    }

    private boolean isReady() {
        HttpRequest request = HttpRequest.newBuilder(baseUri.resolve("/-/ready"))
                .timeout(Duration.ofSeconds(5))
                .GET()
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notListeningYet) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for Prometheus to start", e);
        }
    }

    private static final class PortTakenException extends IllegalStateException {
        PortTakenException(String message) {
            super(message);
        }
    }
}
