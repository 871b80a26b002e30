package dev.runtrail.benchmarks.peers;

import dev.runtrail.benchmarks.overhead.DiscardingSpanExporter;
import dev.runtrail.benchmarks.overhead.FloorWorkloads;
import dev.runtrail.benchmarks.overhead.InstrumentedStep;
import dev.runtrail.benchmarks.overhead.OperationCostBenchmark;
import dev.runtrail.telemetry.RunContext;
import dev.runtrail.telemetry.Step;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A Runtrail step against its peers doing the same job, in the same JMH run:
 *
 * <ul>
 *   <li>{@code otelSpan}: a bare OpenTelemetry SDK span, child of a run span, with the attributes a
 *       Runtrail step span carries (run id, env, target, runner, correlation id, step path and name; at
 *       the end result, exit code, status OK), made current while it runs — the same BatchSpanProcessor
 *       and discarding exporter as Runtrail's, without redaction (the SDK has none), MDC or metrics;
 *   <li>{@code otelSpanWithEvents}: the same plus the two span events Runtrail's span trail sink writes
 *       for the two trail events, with the same (already masked) attributes;
 *   <li>{@code observation} / {@code observationWithEvents}: a Micrometer {@link Observation} with the
 *       {@link DefaultMeterObservationHandler} on a {@link SimpleMeterRegistry} (a timer and a long task
 *       timer), env, target and step as low-cardinality keys, run id as a high-cardinality one, and two
 *       {@code Observation.Event}s (each counted by the handler);
 *   <li>{@code runtrailStep}: {@code run.step(path)}, exit code, close — span, context, MDC, step
 *       duration histogram, redacted path; {@code runtrailTrailedStep} adds the two trail events of
 *       {@link InstrumentedStep} (tool call and result with secrets, redacted, sequenced, written as
 *       span events, counted).
 * </ul>
 *
 * Runtrail's steps run inside an open run that is replaced every 1,024 operations; the OpenTelemetry
 * peers under one long-lived parent span.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Threads(1)
@Fork(value = 3, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class PeerBenchmark {

  static final String STEP = "main/deploy/render";
  static final AttributeKey<String> RUN_ID = AttributeKey.stringKey("cicd.pipeline.run.id");
  static final AttributeKey<String> ENV = AttributeKey.stringKey("deployment.environment.name");
  static final AttributeKey<String> TARGET = AttributeKey.stringKey("runtrail.target");
  static final AttributeKey<String> RUNNER = AttributeKey.stringKey("cicd.worker.id");
  static final AttributeKey<String> CORRELATION = AttributeKey.stringKey("runtrail.correlation.id");
  static final AttributeKey<String> STEP_PATH = AttributeKey.stringKey("runtrail.step.path");
  static final AttributeKey<String> TASK_NAME = AttributeKey.stringKey("cicd.pipeline.task.name");
  static final AttributeKey<String> TASK_RESULT = AttributeKey.stringKey("cicd.pipeline.task.run.result");
  static final AttributeKey<Long> EXIT_CODE = AttributeKey.longKey("process.exit.code");

  static final Attributes TOOL_CALL_EVENT = FloorWorkloads.TOOL_CALL_EVENT;
  static final Attributes TOOL_RESULT_EVENT = FloorWorkloads.TOOL_RESULT_EVENT;

  /** Runtrail with the inline span trail sink, and an open run: the state of the per-operation costs. */
  @State(org.openjdk.jmh.annotations.Scope.Thread)
  public static class Runtrail extends OperationCostBenchmark.InRun {}

  /** A bare OpenTelemetry SDK: BatchSpanProcessor in front of the same discarding exporter. */
  @State(org.openjdk.jmh.annotations.Scope.Thread)
  public static class OpenTelemetrySdk {
    SdkTracerProvider provider;
    Tracer tracer;
    Span runSpan;
    Context run;
    Attributes common;

    @Setup(Level.Trial)
    public void setUp() {
      provider = SdkTracerProvider.builder()
          .addSpanProcessor(BatchSpanProcessor.builder(new DiscardingSpanExporter()).build())
          .build();
      tracer = provider.get("peer");
      common = Attributes.builder()
          .put(RUN_ID, "run-20261125-101500-a1b2c3")
          .put(ENV, "prod")
          .put(TARGET, "api")
          .put(RUNNER, "runner-12")
          .put(CORRELATION, "5f0c6f1e-8f0e-4f7e-9b0a-2c1d3e4f5a6b")
          .build();
      runSpan = tracer.spanBuilder("deploy").setNoParent().setAllAttributes(common).startSpan();
      run = Context.root().with(runSpan);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      runSpan.end();
      provider.close();
    }
  }

  /** Micrometer Observation with the default meter handler. */
  @State(org.openjdk.jmh.annotations.Scope.Thread)
  public static class Micrometer {
    SimpleMeterRegistry meters;
    ObservationRegistry observations;

    @Setup(Level.Trial)
    public void setUp() {
      meters = new SimpleMeterRegistry();
      observations = ObservationRegistry.create();
      observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
    }
  }

  @Benchmark
  public Step runtrailStep(Runtrail state) {
    try (Step step = state.runs.next().step(STEP)) {
      step.exitCode(0);
      return step;
    }
  }

  @Benchmark
  public Step runtrailTrailedStep(Runtrail state) {
    RunContext run = state.runs.next();
    try (Step step = run.step(STEP)) {
      InstrumentedStep.recordToolCall(run);
      InstrumentedStep.recordToolResult(run, 6615);
      step.exitCode(0);
      return step;
    }
  }

  @Benchmark
  public Span otelSpan(OpenTelemetrySdk otel) {
    return otelSpan(otel, false);
  }

  @Benchmark
  public Span otelSpanWithEvents(OpenTelemetrySdk otel) {
    return otelSpan(otel, true);
  }

  private static Span otelSpan(OpenTelemetrySdk otel, boolean events) {
    Span span = otel.tracer.spanBuilder(STEP)
        .setParent(otel.run)
        .setSpanKind(SpanKind.INTERNAL)
        .setAllAttributes(otel.common)
        .setAttribute(STEP_PATH, STEP)
        .setAttribute(TASK_NAME, STEP)
        .startSpan();
    try (Scope scope = span.makeCurrent()) {
      if (events) {
        span.addEvent("tool_call", TOOL_CALL_EVENT);
        span.addEvent("tool_result", TOOL_RESULT_EVENT);
      }
      span.setAttribute(EXIT_CODE, 0L);
    } finally {
      span.setAttribute(TASK_RESULT, "success");
      span.setStatus(StatusCode.OK);
      span.end();
    }
    return span;
  }

  @Benchmark
  public Observation observation(Micrometer micrometer) {
    return observation(micrometer, false);
  }

  @Benchmark
  public Observation observationWithEvents(Micrometer micrometer) {
    return observation(micrometer, true);
  }

  private static Observation observation(Micrometer micrometer, boolean events) {
    Observation observation = Observation.createNotStarted("runtrail.step", micrometer.observations)
        .lowCardinalityKeyValue("env", "prod")
        .lowCardinalityKeyValue("target", "api")
        .lowCardinalityKeyValue("step", STEP)
        .highCardinalityKeyValue("run.id", "run-20261125-101500-a1b2c3");
    observation.observe(() -> {
      if (events) {
        observation.event(Observation.Event.of("tool_call"));
        observation.event(Observation.Event.of("tool_result"));
      }
    });
    return observation;
  }
}
