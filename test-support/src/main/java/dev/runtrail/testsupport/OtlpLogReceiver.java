package dev.runtrail.testsupport;

import com.google.protobuf.InvalidProtocolBufferException;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A real OTLP/HTTP logs endpoint on 127.0.0.1: an {@link OtlpReceiver} whose {@code POST /v1/logs}
 * bodies are decoded with opentelemetry-proto into their log records. A module using it declares
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
  private final OtlpReceiver receiver;

  private OtlpLogReceiver(OtlpReceiver receiver) {
    this.receiver = receiver;
  }

  /** Listens on a free port of 127.0.0.1. */
  public static OtlpLogReceiver start() throws IOException {
    return new OtlpLogReceiver(OtlpReceiver.start());
  }

  /** {@code http://127.0.0.1:<port>}, the value for {@code otel.exporter.otlp.endpoint}. */
  public String endpoint() {
    return receiver.endpoint();
  }

  /** Every log record received so far, in arrival order. */
  public List<LogRecord> records() {
    List<LogRecord> records = new ArrayList<>();
    for (byte[] body : receiver.bodies("/v1/logs")) {
      try {
        for (ResourceLogs resource : ExportLogsServiceRequest.parseFrom(body).getResourceLogsList()) {
          for (ScopeLogs scope : resource.getScopeLogsList()) {
            records.addAll(scope.getLogRecordsList());
          }
        }
      } catch (InvalidProtocolBufferException e) {
        throw new IllegalStateException("a POST /v1/logs body is not an OTLP ExportLogsServiceRequest", e);
      }
    }
    return records;
  }

  /** Stops listening at once. */
  @Override
  public void close() {
    receiver.close();
  }
}
