package dev.runtrail.telemetry.core.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * An optional Prometheus scrape endpoint for Runtrail's metrics: a {@link PrometheusMeterRegistry}
 * served by the Prometheus client's own HTTP server on {@code /metrics} (and {@code /-/healthy}).
 * Started by Runtrail when {@code RUNTRAIL_PROMETHEUS_PORT} is set; needs
 * {@code micrometer-registry-prometheus} and {@code prometheus-metrics-exporter-httpserver} on the
 * class path.
 */
public final class PrometheusEndpoint implements AutoCloseable {

  private final PrometheusMeterRegistry registry;
  private final HTTPServer server;

  private PrometheusEndpoint(PrometheusMeterRegistry registry, HTTPServer server) {
    this.registry = registry;
    this.server = server;
  }

  /**
   * Starts serving on {@code host:port} (port 0 picks a free one).
   *
   * @throws UncheckedIOException if the port cannot be bound
   */
  public static PrometheusEndpoint start(String host, int port) {
    PrometheusRegistry prometheus = new PrometheusRegistry();
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT, prometheus,
        io.micrometer.core.instrument.Clock.SYSTEM);
    try {
      HTTPServer server = HTTPServer.builder().hostname(host).port(port).registry(prometheus).buildAndStart();
      return new PrometheusEndpoint(registry, server);
    } catch (IOException e) {
      registry.close();
      throw new UncheckedIOException("Cannot serve Prometheus metrics on " + host + ":" + port, e);
    }
  }

  /** Whether the Prometheus classes are on the class path. */
  public static boolean isAvailable() {
    try {
      Class.forName("io.micrometer.prometheusmetrics.PrometheusMeterRegistry", false,
          PrometheusEndpoint.class.getClassLoader());
      Class.forName("io.prometheus.metrics.exporter.httpserver.HTTPServer", false,
          PrometheusEndpoint.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  /**
   * The registry the endpoint serves. Typed as {@link MeterRegistry} so that classes using this one
   * do not need the Prometheus classes to load.
   */
  public MeterRegistry registry() {
    return registry;
  }

  /** The port actually bound. */
  public int port() {
    return server.getPort();
  }

  @Override
  public void close() {
    server.close();
    registry.close();
  }
}
