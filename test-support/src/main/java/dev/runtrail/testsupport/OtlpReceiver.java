package dev.runtrail.testsupport;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An OTLP/HTTP receiver on 127.0.0.1 for tests: it keeps the raw body of every request to
 * {@code /v1/traces}, {@code /v1/logs} and {@code /v1/metrics} and answers 200 with an empty protobuf
 * response (an empty message is zero bytes), so exporters count the export as a success. Decoding is the
 * test's business (with {@code opentelemetry-proto}), which keeps this module free of protobuf.
 *
 * <pre>{@code
 * try (OtlpReceiver receiver = OtlpReceiver.start()) {
 *   env.put("OTEL_EXPORTER_OTLP_ENDPOINT", receiver.endpoint());
 *   ...
 *   for (byte[] body : receiver.bodies("/v1/traces")) { ExportTraceServiceRequest.parseFrom(body) ... }
 * }
 * }</pre>
 */
public final class OtlpReceiver implements AutoCloseable {

  /** One request as received. */
  public record Request(String path, byte[] body) {}

  private final HttpServer server;
  private final List<Request> requests = new CopyOnWriteArrayList<>();

  private OtlpReceiver(HttpServer server) {
    this.server = server;
  }

  /** Starts a receiver on a free port of 127.0.0.1. */
  public static OtlpReceiver start() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      OtlpReceiver receiver = new OtlpReceiver(server);
      for (String path : List.of("/v1/traces", "/v1/logs", "/v1/metrics")) {
        server.createContext(path, exchange -> {
          try (InputStream body = exchange.getRequestBody()) {
            receiver.requests.add(new Request(path, body.readAllBytes()));
          }
          exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
      }
      server.start();
      return receiver;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start an OTLP receiver on 127.0.0.1", e);
    }
  }

  /** The base URL for {@code OTEL_EXPORTER_OTLP_ENDPOINT}, e.g. {@code http://127.0.0.1:43117}. */
  public String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** The bodies received on one path so far, in arrival order. */
  public List<byte[]> bodies(String path) {
    return requests.stream().filter(request -> request.path().equals(path)).map(Request::body).toList();
  }

  /** Every request received so far, in arrival order. */
  public List<Request> requests() {
    return List.copyOf(requests);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
