package dev.runtrail.telemetry.core.internal.trace;

import dev.runtrail.telemetry.RetryCause;
import dev.runtrail.telemetry.RunStatus;
import dev.runtrail.telemetry.Step;
import dev.runtrail.telemetry.attributes.StepAttributes;
import dev.runtrail.telemetry.core.export.RetryRecord;
import dev.runtrail.telemetry.core.export.StepRecord;
import dev.runtrail.telemetry.core.internal.context.ThreadAttachments;
import dev.runtrail.telemetry.internal.ContextKeys;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/** A step's span and what the run store will need of it. Thread-safe. */
final class SdkStep implements Step {

  private static final AttributeKey<Long> RETRY_N = AttributeKey.longKey("n");
  private static final AttributeKey<Long> RETRY_EXIT_CODE = AttributeKey.longKey("exit_code");
  private static final AttributeKey<String> RETRY_CAUSE = AttributeKey.stringKey("cause");
  private static final AttributeKey<String> STDERR = AttributeKey.stringKey("stderr");
  private static final AttributeKey<Boolean> STDERR_TRUNCATED = AttributeKey.booleanKey("truncated");
  private static final AttributeKey<Long> STDERR_BYTES = AttributeKey.longKey("original_bytes");

  final SdkRunContext run;
  final String path;
  private final SdkStep parent;
  final Span span;
  private final Context context;
  private final Instant startedAt;
  private final long startNanos;
  private final AtomicBoolean ended = new AtomicBoolean();
  private volatile Scope attachment;

  // Guarded by this.
  private RunStatus status = RunStatus.OK;
  private Integer exitCode;
  private String errorCode;
  private String errorMessage;
  private String stderrTail;
  private List<RetryRecord> retries;
  private LaterAttributes attributes; // set through attribute(), latest value per key

  SdkStep(SdkRunContext run, String path, SdkStep parent) {
    this.run = run;
    this.path = path;
    this.parent = parent;
    Context parentContext = parent != null ? parent.context : run.context;
    this.startNanos = System.nanoTime();
    this.startedAt = run.c.clock.instant();
    // The span starts and ends at the step record's times (one clock read for both).
    this.span = run.facts.setCommonAttributes(run.c.tracer.spanBuilder(path)
            .setParent(parentContext)
            .setSpanKind(SpanKind.INTERNAL))
        .setAttribute(StepAttributes.STEP_PATH, path)
        .setAttribute(StepAttributes.TASK_NAME, path)
        .setStartTimestamp(startedAt)
        .startSpan();
    this.context = parentContext.with(span).with(ContextKeys.STEP, this);
  }

  void attachHere() {
    attachment = ThreadAttachments.attach(context, span.getSpanContext(), run.facts.runId, run.facts.correlationId,
        run.facts.planId, run.facts.planVersion);
  }

  @Override
  public String path() {
    return path;
  }

  @Override
  public SpanContext spanContext() {
    return span.getSpanContext();
  }

  @Override
  public Step retry(int attempt, int exitCode, RetryCause cause) {
    RetryCause why = cause == null ? RetryCause.UNKNOWN : cause;
    Instant at = run.c.clock.instant();
    synchronized (this) {
      if (ended.get()) {
        return this;
      }
      if (retries == null) {
        retries = new ArrayList<>(2);
      }
      retries.add(new RetryRecord(attempt, exitCode, why, at));
    }
    span.addEvent("retry", Attributes.of(RETRY_N, (long) attempt, RETRY_EXIT_CODE, (long) exitCode,
        RETRY_CAUSE, why.label()));
    run.c.metrics.stepRetried(run.tags, path, why);
    return this;
  }

  @Override
  public Step retry(int attempt, int exitCode) {
    return retry(attempt, exitCode, RetryCause.fromExitCode(exitCode));
  }

  @Override
  public Step exitCode(int exitCode) {
    synchronized (this) {
      if (ended.get()) {
        return this;
      }
      this.exitCode = exitCode;
    }
    span.setAttribute(StepAttributes.EXIT_CODE, (long) exitCode);
    return this;
  }

  @Override
  public Step stderrTail(String stderr) {
    if (stderr == null || ended.get()) {
      return this;
    }
    StderrTail tail = StderrTail.of(stderr, run.c.stderrLines, run.c.stderrBytes);
    String clean = run.c.redactor.text(tail.text);
    synchronized (this) {
      stderrTail = clean;
    }
    span.addEvent("stderr_tail", Attributes.of(STDERR, clean, STDERR_TRUNCATED, tail.truncated,
        STDERR_BYTES, (long) tail.originalBytes));
    return this;
  }

  @Override
  public <T> Step attribute(AttributeKey<T> key, T value) {
    if (key == null || value == null || ended.get()) {
      return this;
    }
    T clean = run.c.redactor.attributeValue(key, value);
    span.setAttribute(key, clean);
    synchronized (this) {
      if (attributes == null) {
        attributes = new LaterAttributes();
      }
      attributes.put(key, clean);
    }
    AgentMetrics.onAttribute(run.c.metrics, run.facts, key, clean);
    return this;
  }

  @Override
  public Step fail(String errorCode, Throwable cause) {
    String code = Failures.code(errorCode, run.c.redactor);
    String message = Failures.message(cause, run.c.redactor);
    if (markFailed(code, message)) {
      Failures.record(run, span, "Step " + path + " of run " + run.facts.runId, code, message, cause);
    }
    return this;
  }

  @Override
  public Step fail(String errorCode, String message) {
    String code = Failures.code(errorCode, run.c.redactor);
    String clean = run.c.redactor.text(message);
    if (markFailed(code, clean)) {
      Failures.record(run, span, "Step " + path + " of run " + run.facts.runId, code, clean, null);
    }
    return this;
  }

  private synchronized boolean markFailed(String code, String message) {
    if (ended.get()) {
      return false;
    }
    status = RunStatus.FAILED;
    errorCode = code;
    errorMessage = message;
    return true;
  }

  @Override
  public synchronized Step cancel(String reason) {
    if (!ended.get() && status == RunStatus.OK) {
      status = RunStatus.CANCELLED;
      errorMessage = run.c.redactor.text(reason);
    }
    return this;
  }

  @Override
  public synchronized RunStatus status() {
    return status;
  }

  @Override
  public Step step(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("Step name must not be blank, got '" + name + "'");
    }
    return run.openStep(path + "/" + name, this, true);
  }

  @Override
  public Scope makeCurrent() {
    return ThreadAttachments.attach(context, span.getSpanContext(), run.facts.runId, run.facts.correlationId,
        run.facts.planId, run.facts.planVersion);
  }

  @Override
  public void close() {
    if (!ended.compareAndSet(false, true)) {
      return;
    }
    long durationNanos = System.nanoTime() - startNanos;
    Instant endedAt = run.c.clock.instant();
    StepRecord record;
    synchronized (this) {
      record = new StepRecord(path, parent == null ? null : parent.path, span.getSpanContext().getSpanId(),
          startedAt, endedAt, status, exitCode, errorCode, errorMessage,
          retries == null ? List.of() : retries, stderrTail, attributesByName());
    }
    Scope scope = attachment;
    if (scope != null) {
      scope.close();
    }
    run.stepEnded(this, record, durationNanos);
  }

  /** Sets the span's result attributes and status from {@code record}, then ends it at the record's end time. */
  void endSpan(StepRecord record) {
    span.setAttribute(StepAttributes.TASK_RESULT, resultLabel(record.status()));
    if (!record.retries().isEmpty()) {
      span.setAttribute(StepAttributes.RETRIES, (long) record.retries().size());
    }
    if (record.status() == RunStatus.OK) {
      span.setStatus(StatusCode.OK);
    }
    span.end(record.endedAt());
  }

  /** The step's own attributes by key name, for its record. Guarded by this. */
  private Map<String, Object> attributesByName() {
    if (attributes == null) {
      return Map.of();
    }
    Map<String, Object> byName = new LinkedHashMap<>();
    attributes.putNamesInto(byName);
    return byName;
  }

  /** The CI/CD semconv result value of a status. */
  static String resultLabel(RunStatus status) {
    switch (status) {
      case FAILED:
        return "failure";
      case CANCELLED:
        return "cancellation";
      default:
        return "success";
    }
  }

  @Override
  public String toString() {
    return "Step{" + path + " of " + run.facts.runId + "}";
  }
}
