package dev.runtrail.runs.artifacts;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.util.JsonFormat;
import dev.runtrail.runs.internal.artifacts.OtlpTracesFile;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.TracesData;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class OtlpTracesFileTest {

  private static final Pattern HEX_ID = Pattern.compile("\"(traceId|spanId|parentSpanId)\":\"([0-9a-f]*)\"");

  private final InMemorySpanExporter spans = InMemorySpanExporter.create();
  private final Tracer tracer = SdkTracerProvider.builder()
      .setResource(Resource.create(Attributes.of(AttributeKey.stringKey("service.name"), "deployer")))
      .addSpanProcessor(SimpleSpanProcessor.create(spans)).build().get("dev.runtrail");

  private List<SpanData> seedTrace() {
    Span root = tracer.spanBuilder("deploy").startSpan();
    try (Scope ignored = root.makeCurrent()) {
      Span step = tracer.spanBuilder("main/verify/healthz")
          .setAttribute("runtrail.step.path", "main/verify/healthz").setAttribute("process.exit.code", 137L)
          .startSpan();
      step.addEvent("retry", Attributes.of(AttributeKey.longKey("n"), 1L, AttributeKey.longKey("exit_code"), 137L));
      step.setStatus(StatusCode.ERROR, "E_HEALTH_TIMEOUT");
      step.end();
    } finally {
      root.end();
    }
    return spans.getFinishedSpanItems();
  }

  private static String write(List<SpanData> data) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new OtlpTracesFile().write(data, out);
    return out.toString(StandardCharsets.UTF_8);
  }

  /**
   * Parses one line with protobuf's JsonFormat. OTLP/JSON writes ids as hex where protobuf's JSON mapping
   * expects base64 (the one documented difference), so ids are converted first, as the Collector does.
   */
  static TracesData parse(String line) throws Exception {
    Matcher ids = HEX_ID.matcher(line);
    StringBuilder converted = new StringBuilder();
    while (ids.find()) {
      String base64 = Base64.getEncoder().encodeToString(HexFormat.of().parseHex(ids.group(2)));
      ids.appendReplacement(converted, Matcher.quoteReplacement("\"" + ids.group(1) + "\":\"" + base64 + "\""));
    }
    ids.appendTail(converted);
    TracesData.Builder traces = TracesData.newBuilder();
    JsonFormat.parser().merge(converted.toString(), traces);
    return traces.build();
  }

  @Test
  void writesOneTracesDataLineThatOpenTelemetrysProtoParserReads() throws Exception {
    List<SpanData> data = seedTrace();

    String file = write(data);

    assertThat(file).endsWith("\n");
    assertThat(file.strip().lines()).hasSize(1);
    TracesData traces = parse(file.strip());
    List<io.opentelemetry.proto.trace.v1.Span> parsed = new ArrayList<>();
    for (ResourceSpans resource : traces.getResourceSpansList()) {
      resource.getScopeSpansList().forEach(scope -> parsed.addAll(scope.getSpansList()));
    }
    assertThat(parsed).extracting(io.opentelemetry.proto.trace.v1.Span::getName)
        .containsExactlyInAnyOrder("deploy", "main/verify/healthz");
    io.opentelemetry.proto.trace.v1.Span step = parsed.stream()
        .filter(s -> s.getName().equals("main/verify/healthz")).findFirst().orElseThrow();
    SpanData original = data.stream().filter(s -> s.getName().equals("main/verify/healthz")).findFirst().orElseThrow();
    assertThat(HexFormat.of().formatHex(step.getTraceId().toByteArray())).isEqualTo(original.getTraceId());
    assertThat(HexFormat.of().formatHex(step.getSpanId().toByteArray())).isEqualTo(original.getSpanId());
    assertThat(step.getStatus().getCode()).isEqualTo(io.opentelemetry.proto.trace.v1.Status.StatusCode.STATUS_CODE_ERROR);
    assertThat(step.getEventsList()).extracting(e -> e.getName()).containsExactly("retry");
    assertThat(step.getStartTimeUnixNano()).isEqualTo(original.getStartEpochNanos());
    assertThat(traces.getResourceSpans(0).getResource().getAttributesList())
        .anySatisfy(a -> assertThat(a.getKey()).isEqualTo("service.name"));
  }

  @Test
  void writesIdsAsHexEnumsAsIntegersAnd64BitIntegersAsStrings() throws Exception {
    List<SpanData> data = seedTrace();

    String file = write(data);

    assertThat(file).startsWith("{\"resourceSpans\":[");
    assertThat(file).contains("\"traceId\":\"" + data.get(0).getTraceId() + "\"");
    assertThat(file).contains("\"kind\":1");
    assertThat(file).containsPattern("\"startTimeUnixNano\":\"\\d+\"");
    assertThat(file).contains("\"intValue\":\"137\"");
  }

  @Test
  void writesAnEmptyFileForARunWithoutSpans() throws Exception {
    assertThat(write(List.of())).isEmpty();
  }

}
