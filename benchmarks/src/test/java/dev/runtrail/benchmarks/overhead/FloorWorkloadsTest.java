package dev.runtrail.benchmarks.overhead;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtrail.redaction.Redactor;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The reference floors do their part of the job, and the same work. */
class FloorWorkloadsTest {

  private static final String MANIFEST = ReferenceWorkload.manifest(34);

  @Test
  void otelFloorMakesARunSpanAndAStepSpanWithTwoEvents() {
    RecordingSpanExporter spans = new RecordingSpanExporter();
    try (SdkTracerProvider provider = SdkTracerProvider.builder()
        .addSpanProcessor(SimpleSpanProcessor.create(spans)).build()) {
      String out = FloorWorkloads.otelSpansOnly(provider.get("test"), MANIFEST, ReferenceWorkload::process);
      assertThat(out).isEqualTo(ReferenceWorkload.process(MANIFEST));
    }
    List<SpanData> exported = spans.spans();
    assertThat(exported).extracting(SpanData::getName).containsExactlyInAnyOrder("deploy", "main/deploy/render");
    SpanData step = exported.stream().filter(s -> s.getName().equals("main/deploy/render")).findFirst().orElseThrow();
    assertThat(step.getEvents()).extracting(e -> e.getName()).containsExactly("tool_call", "tool_result");
    assertThat(step.getAttributes().size()).isGreaterThanOrEqualTo(7);
  }

  @Test
  void redactionFloorRedactsBothEventsData() {
    Object[] redacted = new Object[2];
    String out = FloorWorkloads.redactionOnly(Redactor.defaults(), MANIFEST, ReferenceWorkload::process, redacted);
    assertThat(out).isEqualTo(ReferenceWorkload.process(MANIFEST));
    assertThat(redacted[0].toString()).contains("[REDACTED]").doesNotContain("hunter2").doesNotContain("ghp_");
    assertThat(redacted[1].toString()).contains("Bearer [REDACTED]");
  }
}
