package dev.runtrail.testsupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceResponse;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real OTLP/HTTP logs endpoint on 127.0.0.1 (JDK {@code HttpServer}) that decodes each
 * {@code POST /v1/logs} with opentelemetry-proto and keeps the records. A module using it declares
 * {@code io.opentelemetry.proto:opentelemetry-proto} (test scope) itself.
 *
 * <pre>{@code
 * try (OtlpLogReceiver receiver = OtlpLogReceiver.start()) {
 *   System.setProperty("otel.exporter.otlp.endpoint", receiver.endpoint());
 *   ...
 *   assertThat(receiver.records()).hasSize(3);
 * }
 * }</pre>
 */
public final class OtlpLogReceiver implements AutoCloseable {
  private final HttpServer server;
  private final List<LogRecord> records = new CopyOnWriteArrayList<>();

  private OtlpLogReceiver(HttpServer server) {
    this.server = server;
  }

  /** Listens on a free port of 127.0.0.1. */
  public static OtlpLogReceiver start() throws IOException {
    OtlpLogReceiver receiver = new OtlpLogReceiver(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
    receiver.server.createContext("/v1/logs", receiver::receive);
    receiver.server.start();
    return receiver;
  }

  /** {@code http://127.0.0.1:<port>}, the value for {@code otel.exporter.otlp.endpoint}. */
  public String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Every log record received so far, in arrival order. */
  public List<LogRecord> records() {
    return List.copyOf(records);
  }

  private void receive(HttpExchange exchange) throws IOException {
    try (InputStream body = exchange.getRequestBody()) {
      for (ResourceLogs resource : ExportLogsServiceRequest.parseFrom(body).getResourceLogsList()) {
        for (ScopeLogs scope : resource.getScopeLogsList()) {
          records.addAll(scope.getLogRecordsList());
        }
      }
    }
    byte[] response = ExportLogsServiceResponse.getDefaultInstance().toByteArray();
    exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
    exchange.sendResponseHeaders(200, response.length);
    exchange.getResponseBody().write(response);
    exchange.close();
  }

  /** Stops listening at once. */
  @Override
  public void close() {
    server.stop(0);
  }
}
