package dev.runtrail.telemetry.core.propagation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtrail.telemetry.core.TestTelemetry;
import dev.runtrail.telemetry.propagation.Incoming;
import dev.runtrail.telemetry.propagation.Propagation;
import dev.runtrail.telemetry.propagation.ServerScope;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/** Whatever arrives in the headers, extraction never throws and never lets junk through. */
class MalformedHeadersTest {

  private static TestTelemetry t;
  private static Propagation propagation;

  @BeforeContainer
  static void start() throws Exception {
    t = TestTelemetry.create(Files.createTempDirectory("runtrail-fuzz"));
    propagation = t.telemetry.propagation();
  }

  @AfterContainer
  static void stop() {
    t.close();
  }

  @Provide
  Arbitrary<String> headerValues() {
    Arbitrary<String> junk = Arbitraries.strings().all().ofMaxLength(300);
    Arbitrary<String> nearTraceparent = Arbitraries.strings().withChars("0123456789abcdef-xX ").ofMaxLength(60)
        .map(s -> "00-" + s);
    Arbitrary<String> nearBaggage = Arbitraries.strings().withChars("a=;,%\"\\ \t\u0000é").ofMaxLength(80)
        .map(s -> "correlation_id=" + s);
    return Arbitraries.oneOf(junk, nearTraceparent, nearBaggage, Arbitraries.just(""));
  }

  @Property(tries = 1500)
  void extractNeverThrowsAndYieldsASafeCorrelationId(
      @ForAll("headerValues") String traceparent,
      @ForAll("headerValues") String tracestate,
      @ForAll("headerValues") String baggage,
      @ForAll("headerValues") String correlation) {
    Map<String, String> headers = Map.of("traceparent", traceparent, "tracestate", tracestate,
        "baggage", baggage, "X-Correlation-ID", correlation);
    Incoming incoming = propagation.extract(headers);
    assertThat(incoming.correlationId()).matches("[A-Za-z0-9._:/+=\\-\\[\\]]{1,128}");
    try (ServerScope scope = propagation.serve("GET /", headers)) {
      assertThat(scope.spanContext().isValid()).isTrue();
    }
  }

  @Property(tries = 300)
  void aThrowingCarrierIsTreatedAsEmpty(@ForAll("headerValues") String ignored) {
    Incoming incoming = propagation.extract(name -> {
      throw new IllegalStateException("carrier broke");
    });
    assertThat(incoming.continuesTrace()).isFalse();
    assertThat(incoming.correlationId()).isNotBlank();
  }
}
