package dev.runtrail.telemetry.core.propagation;

import com.sun.net.httpserver.HttpServer;
import dev.runtrail.telemetry.RunContext;
import dev.runtrail.telemetry.Step;
import dev.runtrail.telemetry.core.Runtrail;
import dev.runtrail.telemetry.core.RuntrailTelemetry;
import dev.runtrail.telemetry.propagation.ServerScope;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The second process of the cross-process test: serves one request on 127.0.0.1, continues the
 * caller's trace in a run of its own, records a trail event, then prints its spans and exits.
 * Output lines: {@code READY <port>}, {@code SPAN <name> <kind> <traceId> <spanId> <parentSpanId>},
 * {@code RUN <runId> <correlationId>}, {@code DONE}.
 */
public final class RemoteWorker {

  private RemoteWorker() {}

  public static void main(String[] args) throws Exception {
    InMemorySpanExporter spans = InMemorySpanExporter.create();
    RuntrailTelemetry telemetry = (RuntrailTelemetry) Runtrail.builder()
        .enabled(true)
        .spanExporter(spans)
        .synchronousExport(true)
        .runsDirectory(Paths.get(args[0]))
        .discoverRunExporters(false)
        .build();
    CountDownLatch served = new CountDownLatch(1);
    String[] run = new String[2];
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/work", exchange -> {
      try (ServerScope scope = telemetry.propagation().serve("POST /work", exchange.getRequestHeaders()::getFirst)) {
        try (RunContext work = telemetry.run("remote-work").env("prod").target("worker").start();
            Step step = work.step("remote/execute")) {
          work.trail().toolCall("terraform", Map.of("args", "plan"));
          run[0] = work.runId();
          run[1] = work.correlationId();
        }
        scope.responseHeaders().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        byte[] body = "done".getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        scope.status(200);
      } finally {
        exchange.close();
        served.countDown();
      }
    });
    server.start();
    System.out.println("READY " + server.getAddress().getPort());
    served.await();
    server.stop(0);
    List<SpanData> finished = spans.getFinishedSpanItems();
    telemetry.close();
    for (SpanData span : finished) {
      System.out.println("SPAN " + span.getName().replace(' ', '_') + " " + span.getKind() + " "
          + span.getTraceId() + " " + span.getSpanId() + " " + span.getParentSpanId());
    }
    System.out.println("RUN " + run[0] + " " + run[1]);
    System.out.println("DONE");
  }
}
