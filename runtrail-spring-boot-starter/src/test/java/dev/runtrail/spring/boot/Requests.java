package dev.runtrail.spring.boot;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Real HTTP requests to the test app on 127.0.0.1, as a caller in another process would send them. */
public final class Requests {

  public static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
  public static final String CALLER_SPAN_ID = "00f067aa0ba902b7";
  public static final String CORRELATION_ID = "corr-spring-7";

  private Requests() {}

  /**
   * The finished spans once the server span is among them: it ends after the response is written, so the
   * client may see the response first. Waits up to 10 s.
   */
  public static List<SpanData> spansWithServerSpan(SdkTracerProvider tracerProvider, InMemorySpanExporter spans)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (true) {
      if (!tracerProvider.forceFlush().join(10, TimeUnit.SECONDS).isSuccess()) {
        throw new AssertionError("the tracer provider did not flush within 10 s");
      }
      List<SpanData> exported = spans.getFinishedSpanItems();
      if (exported.stream().anyMatch(span -> span.getKind() == SpanKind.SERVER) || System.nanoTime() > deadline) {
        return exported;
      }
      Thread.sleep(20);
    }
  }

  /** POST /deploy from a caller in trace {@link #TRACE_ID} with correlation id {@link #CORRELATION_ID}. */
  public static HttpResponse<String> deploy(int port) throws Exception {
    return post(port, "/deploy");
  }

  /** POST to {@code path} from a caller in trace {@link #TRACE_ID} with correlation id {@link #CORRELATION_ID}. */
  public static HttpResponse<String> post(int port, String path) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .header("traceparent", "00-" + TRACE_ID + "-" + CALLER_SPAN_ID + "-01")
        .header("X-Correlation-ID", CORRELATION_ID)
        .timeout(Duration.ofSeconds(30))
        .POST(HttpRequest.BodyPublishers.noBody())
        .build(), HttpResponse.BodyHandlers.ofString());
  }

  public static String get(int port, String path) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString()).body();
  }
}
