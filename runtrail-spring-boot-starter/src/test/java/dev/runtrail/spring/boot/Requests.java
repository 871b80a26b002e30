package dev.runtrail.spring.boot;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Real HTTP requests to the test app on 127.0.0.1, as a caller in another process would send them. */
final class Requests {

  static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
  static final String CALLER_SPAN_ID = "00f067aa0ba902b7";
  static final String CORRELATION_ID = "corr-spring-7";

  private Requests() {}

  /** POST /deploy from a caller in trace {@link #TRACE_ID} with correlation id {@link #CORRELATION_ID}. */
  static HttpResponse<String> deploy(int port) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/deploy"))
        .header("traceparent", "00-" + TRACE_ID + "-" + CALLER_SPAN_ID + "-01")
        .header("X-Correlation-ID", CORRELATION_ID)
        .timeout(Duration.ofSeconds(30))
        .POST(HttpRequest.BodyPublishers.noBody())
        .build(), HttpResponse.BodyHandlers.ofString());
  }

  static String get(int port, String path) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString()).body();
  }
}
