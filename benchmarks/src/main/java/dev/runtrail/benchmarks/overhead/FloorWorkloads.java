package dev.runtrail.benchmarks.overhead;

import dev.runtrail.redaction.Redactor;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Two parts of what {@link InstrumentedStep} does, each alone around the same workload, to show what
 * the overhead is made of: the OpenTelemetry SDK's share (a run span and a step span with Runtrail's
 * attributes, made current, with the two span events, the values already masked) and the redaction
 * engine's share (the two events' data through {@link Redactor#redactTree}). Neither is a way to use
 * Runtrail; they are reference floors.
 */
public final class FloorWorkloads {

  static final Attributes COMMON = Attributes.builder()
      .put("cicd.pipeline.run.id", "run-20261125-101500-a1b2c3")
      .put("deployment.environment.name", "prod")
      .put("runtrail.target", "api")
      .put("cicd.worker.id", "runner-12")
      .put("runtrail.correlation.id", "5f0c6f1e-8f0e-4f7e-9b0a-2c1d3e4f5a6b")
      .build();
  /** The attributes of the two span events Runtrail's span sink writes (values already masked). */
  public static final Attributes TOOL_CALL_EVENT = Attributes.builder()
      .put("runtrail.trail.seq", 1L)
      .put("tool", "helm")
      .put("args.command", "helm upgrade api ./chart --set image.tag=1.4.2 --repo"
          + " https://deploy:[REDACTED]@charts.example.com/stable --set github.token=[REDACTED]")
      .put("args.timeout_s", 300L)
      .build();
  public static final Attributes TOOL_RESULT_EVENT = Attributes.builder()
      .put("runtrail.trail.seq", 2L)
      .put("tool", "helm")
      .put("exit_code", 0L)
      .put("bytes", 6615L)
      .put("stdout", "Release \"api\" has been upgraded. Happy Helming!\nrequest: GET /v2/status"
          + " Authorization: Bearer [REDACTED]")
      .build();
  private static final AttributeKey<String> RUN_NAME = AttributeKey.stringKey("cicd.pipeline.name");
  private static final AttributeKey<String> STEP_PATH = AttributeKey.stringKey("runtrail.step.path");
  private static final AttributeKey<String> TASK_NAME = AttributeKey.stringKey("cicd.pipeline.task.name");
  private static final AttributeKey<String> RESULT = AttributeKey.stringKey("cicd.pipeline.task.run.result");
  private static final AttributeKey<Long> EXIT_CODE = AttributeKey.longKey("process.exit.code");

  private FloorWorkloads() {}

  /** The workload inside a bare OpenTelemetry run span and step span with Runtrail's attributes and events. */
  public static String otelSpansOnly(Tracer tracer, String manifest, UnaryOperator<String> work) {
    Span run = tracer.spanBuilder("deploy").setNoParent().setAllAttributes(COMMON).setAttribute(RUN_NAME, "deploy")
        .startSpan();
    try (Scope runScope = run.makeCurrent()) {
      Span step = tracer.spanBuilder("main/deploy/render").setAllAttributes(COMMON)
          .setAttribute(STEP_PATH, "main/deploy/render").setAttribute(TASK_NAME, "main/deploy/render").startSpan();
      try (Scope stepScope = step.makeCurrent()) {
        step.addEvent("tool_call", TOOL_CALL_EVENT);
        String rendered = work.apply(manifest);
        step.addEvent("tool_result", TOOL_RESULT_EVENT);
        step.setAttribute(EXIT_CODE, 0L);
        return rendered;
      } finally {
        step.setAttribute(RESULT, "success").setStatus(StatusCode.OK);
        step.end();
      }
    } finally {
      run.setStatus(StatusCode.OK);
      run.end();
    }
  }

  /** The workload with the two trail events' data redacted, and nothing else. */
  public static String redactionOnly(Redactor redactor, String manifest, UnaryOperator<String> work,
      Object[] out) {
    Map<String, Object> call = new LinkedHashMap<>(4);
    call.put("tool", "helm");
    call.put("args", Map.of("command", InstrumentedStep.TOOL_COMMAND, "timeout_s", 300));
    out[0] = redactor.redactTree(call);
    String rendered = work.apply(manifest);
    Map<String, Object> result = new LinkedHashMap<>(8);
    result.put("tool", "helm");
    result.putAll(Map.of("exit_code", 0, "bytes", rendered.length(), "stdout", InstrumentedStep.TOOL_OUTPUT));
    out[1] = redactor.redactTree(result);
    return rendered;
  }
}
