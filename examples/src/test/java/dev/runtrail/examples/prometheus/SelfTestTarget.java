package dev.runtrail.examples.prometheus;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/** A scrape target serving an exposition on http://127.0.0.1:<port>/metrics, for harness tests. */
final class SelfTestTarget implements AutoCloseable {

    /** Hand-written and lint-clean: a counter, a gauge and a histogram with Micrometer-style bucket bounds. */
    static final String EXPOSITION = """
            # HELP harness_selftest_requests_total Requests the self-test target claims to have served.
            # TYPE harness_selftest_requests_total counter
            harness_selftest_requests_total{env="test",target="harness"} 42
            # HELP harness_selftest_queue_depth Items waiting in a queue.
            # TYPE harness_selftest_queue_depth gauge
            harness_selftest_queue_depth{queue="tasks"} 7.5
            # HELP harness_selftest_duration_seconds How long things took.
            # TYPE harness_selftest_duration_seconds histogram
            harness_selftest_duration_seconds_bucket{le="0.5"} 2
            harness_selftest_duration_seconds_bucket{le="1.0"} 4
            harness_selftest_duration_seconds_bucket{le="+Inf"} 4
            harness_selftest_duration_seconds_sum 2.5
            harness_selftest_duration_seconds_count 4
            """;

    private final HttpServer server;
    private final AtomicInteger scrapes = new AtomicInteger();

    /** Serves {@link #EXPOSITION}. */
    SelfTestTarget() {
        this(scrape -> EXPOSITION);
    }

    /** Serves {@code exposition.apply(n)} on the n-th scrape (from 1), for series that change over time. */
    SelfTestTarget(IntFunction<String> exposition) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not bind the self-test target to 127.0.0.1", e);
        }
        server.createContext("/metrics", exchange -> {
            byte[] body = exposition.apply(scrapes.incrementAndGet()).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    int scrapes() {
        return scrapes.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
