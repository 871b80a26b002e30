package dev.runtrail.telemetry.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.opentelemetry.sdk.trace.samplers.SamplingResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which samplers let Runtrail set its span attributes as the spans end. */
class BuiltInSamplerTest {

  /** Samples by an attribute: must see the attributes when the span starts. */
  static final class ProdOnly implements Sampler {
    @Override
    public SamplingResult shouldSample(Context parentContext, String traceId, String name, SpanKind spanKind,
        Attributes attributes, List<LinkData> parentLinks) {
      return "prod".equals(attributes.get(io.opentelemetry.api.common.AttributeKey.stringKey("runtrail.env")))
          ? SamplingResult.recordAndSample() : SamplingResult.drop();
    }

    @Override
    public String getDescription() {
      return "ProdOnly";
    }
  }

  @Test
  void openTelemetrysOwnSamplersDoNotLookAtAttributes() {
    for (Sampler sampler : List.of(Sampler.alwaysOn(), Sampler.alwaysOff(), Sampler.traceIdRatioBased(0.25),
        Sampler.parentBased(Sampler.alwaysOn()), Sampler.parentBased(Sampler.traceIdRatioBased(0.001)),
        Sampler.parentBasedBuilder(Sampler.alwaysOff()).setRemoteParentSampled(Sampler.traceIdRatioBased(1)).build())) {
      assertThat(Tracing.isBuiltInSampler(sampler.getDescription())).as(sampler.getDescription()).isTrue();
    }
  }

  @Test
  void aCustomSamplerAnywhereKeepsAttributesAtTheStart() {
    for (Sampler sampler : List.of(new ProdOnly(), Sampler.parentBased(new ProdOnly()),
        Sampler.parentBasedBuilder(Sampler.alwaysOn()).setLocalParentNotSampled(new ProdOnly()).build())) {
      assertThat(Tracing.isBuiltInSampler(sampler.getDescription())).as(sampler.getDescription()).isFalse();
    }
  }

  @Test
  void aSamplerThatDescribesItselfWithNothingIsTakenForACustomOne() {
    Sampler prodOnly = new ProdOnly();
    Sampler silent = new Sampler() {
      @Override
      public SamplingResult shouldSample(Context parentContext, String traceId, String name, SpanKind spanKind,
          Attributes attributes, List<LinkData> parentLinks) {
        return prodOnly.shouldSample(parentContext, traceId, name, spanKind, attributes, parentLinks);
      }

      @Override
      public String getDescription() {
        return "";
      }
    };
    assertThat(Tracing.isBuiltInSampler(silent.getDescription())).isFalse();
    assertThat(Tracing.isBuiltInSampler(Sampler.parentBased(silent).getDescription())).isFalse();
    assertThat(Tracing.isBuiltInSampler(null)).isFalse();
  }
}
