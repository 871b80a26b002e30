package dev.runtrail.telemetry.core.internal.trace;

import dev.runtrail.telemetry.RunContext;
import dev.runtrail.telemetry.RunStatus;
import dev.runtrail.telemetry.Step;
import dev.runtrail.telemetry.attributes.RunAttributes;
import dev.runtrail.telemetry.attributes.StepAttributes;
import dev.runtrail.telemetry.core.TraceIdStrategy;
import dev.runtrail.telemetry.core.export.FinishedRun;
import dev.runtrail.telemetry.core.export.RunStoreLayout;
import dev.runtrail.telemetry.core.export.StepRecord;
import dev.runtrail.telemetry.core.internal.context.ThreadAttachments;
import dev.runtrail.telemetry.core.internal.metrics.RunMetrics;
import dev.runtrail.telemetry.core.internal.redact.TelemetryRedactor;
import dev.runtrail.telemetry.internal.ContextKeys;
import dev.runtrail.telemetry.internal.NoopStep;
import dev.runtrail.telemetry.trail.ActionTrail;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import dev.runtrail.telemetry.core.context.CurrentRequest;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/** A started run: the root span, its open steps, the trail, and what the run store will need. */
public final class SdkRunContext implements RunContext {

  private static final Comparator<StepRecord> BY_START_THEN_PATH =
      Comparator.comparing(StepRecord::startedAt).thenComparing(StepRecord::path);

  final Components c;
  final RunFacts facts;
  final Span root;
  final Context context;
  final Instant startedAt;
  final long startNanos;
  RunMetrics.RunTags tags;
  final SdkActionTrail trail;
  private final RunSpanBuffer.RunKey spans;
  private volatile Path trailFile; // made on first use: only the JSON Lines sink and run exporters need it
  private final Map<String, SdkStep> openSteps = new ConcurrentHashMap<>();
  private final ConcurrentLinkedQueue<StepRecord> finishedSteps = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile boolean stepFailed;
  private Scope attachment;

  // Guarded by this.
  private RunStatus explicitStatus = RunStatus.OK;
  private String explicitCode;
  private String explicitMessage;
  private RunOutcome outcome;

  private SdkRunContext(Components c, RunFacts facts, Span root, Context parent, Instant startedAt,
      long startNanos, RunSpanBuffer.RunKey spans) {
    this.c = c;
    this.facts = facts;
    this.root = root;
    Context context = facts.withBaggage(parent).with(root).with(ContextKeys.RUN, this);
    // A run started inside another run's step does not inherit that step.
    this.context = parent.get(ContextKeys.STEP) == null ? context : context.with(ContextKeys.STEP, NoopStep.INSTANCE);
    this.startedAt = startedAt;
    this.startNanos = startNanos;
    this.spans = spans;
    this.trail = new SdkActionTrail(this);
  }

  static SdkRunContext start(SdkRunBuilder b) {
    Components c = b.c;
    long startNanos = System.nanoTime();
    Instant startedAt = c.clock.instant();
    Context parent = b.parent != null ? b.parent : CurrentRequest.parentFor(Context.current());
    RunFacts facts = RunFacts.from(b, c.ids.next(startedAt), parent);
    boolean continuesTrace = Span.fromContext(parent).getSpanContext().isValid();
    boolean forcedTraceId = false;
    // The span starts and ends at the run's own times: the summary and the trace agree to the nanosecond.
    SpanBuilder spanBuilder = facts.setRootAttributes(c.tracer.spanBuilder(facts.name)
        .setSpanKind(SpanKind.INTERNAL))
        .setStartTimestamp(startedAt);
    if (continuesTrace) {
      spanBuilder.setParent(parent);
    } else {
      spanBuilder.setNoParent();
      if (c.traceIds == TraceIdStrategy.PLAN && !facts.planHash.isEmpty()) {
        if (c.ownsIdGenerator) {
          RunTraceIdGenerator.forceNext(PlanTraceIds.traceId(facts.planHash, facts.env, facts.target));
          forcedTraceId = true;
        } else {
          c.monitor.reportOnce("plan-trace-ids", "Runtrail: plan-derived trace ids need Runtrail's own tracer"
              + " provider; runs get fresh trace ids with the app's OpenTelemetry instance", null);
        }
      }
    }
    RunSpanBuffer.RunKey spans = c.spanBuffer == null ? null : c.spanBuffer.beginRoot();
    Span root;
    try {
      root = spanBuilder.startSpan();
    } finally {
      // Thread-local removals cost a lookup each: only undo what was done.
      if (spans != null) {
        c.spanBuffer.endRoot();
      }
      if (forcedTraceId) {
        RunTraceIdGenerator.clear();
      }
    }
    SdkRunContext run = new SdkRunContext(c, facts, root, parent, startedAt, startNanos, spans);
    run.tags = c.metrics.runStarted(facts.env, facts.target, facts.planId, facts.planVersion);
    c.register(run);
    run.attachment = ThreadAttachments.attach(run.context, root.getSpanContext(), facts.runId, facts.correlationId,
        facts.planId, facts.planVersion);
    return run;
  }

  // ---- RunContext ----

  @Override
  public String runId() {
    return facts.runId;
  }

  @Override
  public String name() {
    return facts.name;
  }

  @Override
  public String planHash() {
    return facts.planHash;
  }

  @Override
  public String correlationId() {
    return facts.correlationId;
  }

  @Override
  public SpanContext spanContext() {
    return root.getSpanContext();
  }

  @Override
  public boolean isRecording() {
    return true;
  }

  @Override
  public Step step(String path) {
    return openStep(path, null, true);
  }

  @Override
  public Step startStep(String path) {
    return openStep(path, null, false);
  }

  Step openStep(String rawPath, SdkStep explicitParent, boolean attach) {
    if (rawPath == null || rawPath.isBlank()) {
      throw new IllegalArgumentException("Step path must not be blank, got '" + rawPath + "'");
    }
    if (closed.get()) {
      c.monitor.reportOnce("step-after-close", "Runtrail: a step was started on run " + facts.runId
          + " after the run closed; it is not recorded (reported once)", null);
      return NoopStep.INSTANCE;
    }
    String path = c.redactor.text(rawPath);
    SdkStep parent = explicitParent != null ? explicitParent : parentFor(path);
    SdkStep step = new SdkStep(this, path, parent);
    openSteps.put(path, step);
    if (attach) {
      step.attachHere();
    }
    return step;
  }

  /** The nearest open step whose path is a prefix of {@code path} (by whole segments). */
  private SdkStep parentFor(String path) {
    if (openSteps.isEmpty()) {
      return null;
    }
    for (int slash = path.lastIndexOf('/'); slash > 0; slash = path.lastIndexOf('/', slash - 1)) {
      SdkStep candidate = openSteps.get(path.substring(0, slash));
      if (candidate != null) {
        return candidate;
      }
    }
    return null;
  }

  /** The open span of a step, or the root span when {@code stepPath} is null. */
  Span spanOf(String stepPath) {
    if (stepPath == null) {
      return root;
    }
    SdkStep step = openSteps.get(stepPath);
    return step == null ? null : step.span;
  }

  @Override
  public ActionTrail trail() {
    return trail;
  }

  @Override
  public <T> RunContext attribute(AttributeKey<T> key, T value) {
    if (key == null || value == null || closed.get()) {
      return this;
    }
    T clean = c.redactor.attributeValue(key, value);
    root.setAttribute(key, clean);
    facts.recordAttribute(key, clean);
    AgentMetrics.onAttribute(c.metrics, facts, key, clean);
    return this;
  }

  @Override
  public RunContext fail(String errorCode, Throwable cause) {
    String code = Failures.code(errorCode, c.redactor);
    String message = Failures.message(cause, c.redactor);
    setExplicit(RunStatus.FAILED, code, message);
    Failures.record(this, root, "Run " + facts.runId, code, message, cause);
    return this;
  }

  @Override
  public RunContext fail(String errorCode, String message) {
    String code = Failures.code(errorCode, c.redactor);
    String clean = c.redactor.text(message);
    setExplicit(RunStatus.FAILED, code, clean);
    Failures.record(this, root, "Run " + facts.runId, code, clean, null);
    return this;
  }

  @Override
  public RunContext cancel(String reason) {
    setExplicit(RunStatus.CANCELLED, null, c.redactor.text(reason));
    return this;
  }

  private synchronized void setExplicit(RunStatus status, String code, String message) {
    if (outcome != null) {
      return;
    }
    explicitStatus = status;
    explicitCode = code;
    explicitMessage = message;
  }

  @Override
  public synchronized RunStatus status() {
    if (outcome != null) {
      return outcome.status;
    }
    if (explicitStatus != RunStatus.OK) {
      return explicitStatus;
    }
    return stepFailed ? RunStatus.FAILED : RunStatus.OK;
  }

  @Override
  public Scope makeCurrent() {
    return ThreadAttachments.attach(context, root.getSpanContext(), facts.runId, facts.correlationId, facts.planId,
        facts.planVersion);
  }

  /** Called by a step when it ends: takes its record, ends its span and records its duration. */
  void stepEnded(SdkStep step, StepRecord record, long durationNanos) {
    openSteps.remove(step.path, step);
    finishedSteps.add(record);
    if (record.status() == RunStatus.FAILED) {
      stepFailed = true;
    }
    step.endSpan(record);
    c.metrics.stepEnded(tags, step.path, record.status(), durationNanos);
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    try {
      finish();
    } catch (RuntimeException | LinkageError e) {
      c.monitor.failure("ending run " + facts.runId, e);
    }
  }

  /** The run's trail.jsonl (where the JSON Lines sink writes and the run store looks). */
  Path trailFile() {
    Path file = trailFile;
    if (file == null) {
      file = c.layout.runDirectory(facts.env, facts.target, facts.planHash, facts.runId)
          .resolve(RunStoreLayout.TRAIL_FILE);
      trailFile = file;
    }
    return file;
  }

  private void finish() {
    if (!openSteps.isEmpty()) {
      for (SdkStep open : new ArrayList<>(openSteps.values())) {
        open.cancel("the run ended while the step was open");
        open.close();
      }
    }
    long durationNanos = System.nanoTime() - startNanos;
    Instant endedAt = c.clock.instant();
    RunOutcome result = decideOutcome(endedAt);
    trail.close();
    if (attachment != null) {
      attachment.close();
    }
    endRoot(result);
    c.metrics.runEnded(tags, result.status, result.errorCode, durationNanos);
    complete(result);
  }

  /** Sets the root span's result and status from the outcome, then ends it at the run's end time. */
  private void endRoot(RunOutcome result) {
    root.setAttribute(RunAttributes.RUN_RESULT, SdkStep.resultLabel(result.status));
    if (result.status == RunStatus.FAILED) {
      root.setAttribute(StepAttributes.ERROR_TYPE, result.errorCode);
      root.setStatus(StatusCode.ERROR,
          result.errorMessage == null ? result.errorCode : result.errorCode + ": " + result.errorMessage);
    } else if (result.status == RunStatus.OK) {
      root.setStatus(StatusCode.OK);
    }
    root.end(result.endedAt);
  }

  /** The run's trail is complete and its spans ended: sinks persist it, run exporters get it. */
  private void complete(RunOutcome result) {
    CompletableFuture<Void> trailDone = c.delivery.runEnded(facts.runId);
    if (c.tracksTrailFiles) {
      trailDone.whenComplete((ignored, error) -> c.runs.remove(facts.runId, this));
    } else {
      c.runs.remove(facts.runId, this);
    }
    boolean keepSpans = result.status != RunStatus.OK || RunSampling.keepSuccessful(facts.runId, c.sampleSuccess);
    List<ReadableSpan> held = spans == null ? List.of() : c.spanBuffer.complete(spans, keepSpans);
    c.completion.runEnded(this, trailDone, held, keepSpans);
  }

  private synchronized RunOutcome decideOutcome(Instant endedAt) {
    List<StepRecord> steps = new ArrayList<>(finishedSteps);
    steps.sort(BY_START_THEN_PATH);
    StepRecord firstFailed = null;
    for (StepRecord step : steps) {
      if (step.status() == RunStatus.FAILED
          && (firstFailed == null || step.endedAt().isBefore(firstFailed.endedAt()))) {
        firstFailed = step;
      }
    }
    String failedStep = firstFailed == null ? null : firstFailed.path();
    if (explicitStatus != RunStatus.OK) {
      outcome = new RunOutcome(explicitStatus, explicitCode, explicitMessage, failedStep, endedAt, steps);
    } else if (firstFailed != null) {
      outcome = new RunOutcome(RunStatus.FAILED, firstFailed.errorCode(), firstFailed.errorMessage(), failedStep,
          endedAt, steps);
    } else {
      outcome = new RunOutcome(RunStatus.OK, null, null, null, endedAt, steps);
    }
    return outcome;
  }

  /** The run as run exporters see it; only after the run closed. */
  synchronized FinishedRun toFinishedRun(List<SpanData> spanData, boolean sampled) {
    TelemetryRedactor r = c.redactor;
    return FinishedRun.builder()
        .runId(facts.runId)
        .name(facts.name)
        .env(facts.env)
        .target(facts.target)
        .plan(facts.planHash, facts.planJson == null ? null : r.json(facts.planJson), facts.resolvedValues(r))
        .planId(facts.planId, facts.planVersion)
        .timing(startedAt, outcome.endedAt)
        .outcome(outcome.status, outcome.errorCode, outcome.errorMessage, outcome.failedStep)
        .runner(facts.runner)
        .ticket(facts.ticket)
        .git(facts.gitSha, facts.gitBranch)
        .policy(facts.policy)
        .attributes(facts.attributes())
        .ids(facts.correlationId, facts.sessionId, root.getSpanContext().isValid() ? root.getSpanContext().getTraceId() : null)
        .steps(outcome.steps)
        .spans(spanData, sampled)
        .files(trailFile().getParent(), trailFile())
        .build();
  }

  boolean isClosed() {
    return closed.get();
  }

  @Override
  public String toString() {
    return "RunContext{" + facts.runId + " " + facts.name + "}";
  }

  /** How the run ended. */
  private static final class RunOutcome {
    final RunStatus status;
    final String errorCode;
    final String errorMessage;
    final String failedStep;
    final Instant endedAt;
    final List<StepRecord> steps;

    RunOutcome(RunStatus status, String errorCode, String errorMessage, String failedStep, Instant endedAt,
        List<StepRecord> steps) {
      this.status = status;
      this.errorCode = errorCode;
      this.errorMessage = errorMessage;
      this.failedStep = failedStep;
      this.endedAt = endedAt;
      this.steps = steps;
    }
  }
}
