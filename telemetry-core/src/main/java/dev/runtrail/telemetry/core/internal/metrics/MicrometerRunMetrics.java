package dev.runtrail.telemetry.core.internal.metrics;

import dev.runtrail.telemetry.RetryCause;
import dev.runtrail.telemetry.RunStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/** Records the meters of {@code docs/metrics.md} on a Micrometer registry. */
public final class MicrometerRunMetrics implements RunMetrics {

  static final Duration[] RUN_SLOS = seconds(0.5, 1, 2, 5, 10, 30, 60);
  static final Duration[] STEP_SLOS = seconds(0.1, 0.5, 1, 2, 5, 10, 30, 60);

  private final MeterRegistry registry;
  private final TagLimiter tags;
  private final ConcurrentHashMap<MeterKey, Object> meters = new ConcurrentHashMap<>();

  public MicrometerRunMetrics(MeterRegistry registry, int tagLimit) {
    this.registry = registry;
    this.tags = new TagLimiter(tagLimit, () -> dropped("tag_overflow", 1));
  }

  /** A run's tag values, capped once when it starts. */
  private static final class Run implements RunTags {
    final String env;
    final String target;
    final String planId;
    final AtomicLong inFlight;

    Run(String env, String target, String planId, AtomicLong inFlight) {
      this.env = env;
      this.target = target;
      this.planId = planId;
      this.inFlight = inFlight;
    }
  }

  @Override
  public RunTags runStarted(String env, String target, String planId, String planVersion) {
    String e = tags.value("env", env);
    String t = tags.value("target", target);
    String p = tags.value("plan_id", planId);
    String v = tags.value("plan_version", planVersion);
    counter("runtrail.runs.started", "Runs started", "env", e, "target", t, "plan_id", p, "plan_version", v)
        .increment();
    AtomicLong inFlight = meter(new MeterKey("runtrail.runs.in.flight", e, t), key -> {
      AtomicLong value = new AtomicLong();
      Gauge.builder("runtrail.runs.in.flight", value, AtomicLong::doubleValue)
          .description("Runs started and not yet ended")
          .tags("env", e, "target", t)
          .register(registry);
      return value;
    });
    inFlight.incrementAndGet();
    return new Run(e, t, p, inFlight);
  }

  @Override
  public void runEnded(RunTags tags, RunStatus status, String errorCode, long durationNanos) {
    if (!(tags instanceof Run)) {
      return;
    }
    Run run = (Run) tags;
    run.inFlight.decrementAndGet();
    String s = status.label();
    timer("runtrail.run.duration", "Run duration, start to end", RUN_SLOS,
        "env", run.env, "target", run.target, "plan_id", run.planId, "status", s)
        .record(durationNanos, TimeUnit.NANOSECONDS);
    counter("runtrail.runs.completed", "Runs ended, by status and error code",
        "env", run.env, "target", run.target, "plan_id", run.planId, "status", s,
        "error_code", this.tags.value("error_code", errorCode))
        .increment();
  }

  @Override
  public void stepEnded(RunTags tags, String stepPath, RunStatus status, long durationNanos) {
    if (!(tags instanceof Run)) {
      return;
    }
    Run run = (Run) tags;
    timer("runtrail.step.duration", "Step duration", STEP_SLOS,
        "env", run.env, "target", run.target, "step", this.tags.value("step", stepPath), "status", status.label())
        .record(durationNanos, TimeUnit.NANOSECONDS);
  }

  @Override
  public void stepRetried(RunTags tags, String stepPath, RetryCause cause) {
    if (!(tags instanceof Run)) {
      return;
    }
    Run run = (Run) tags;
    counter("runtrail.step.retries", "Step retries, by cause", "env", run.env, "target", run.target,
        "step", this.tags.value("step", stepPath), "cause", cause.label())
        .increment();
  }

  @Override
  public void trailEvent(String type) {
    counter("runtrail.trail.events", "Action trail events recorded", "type", tags.value("type", type)).increment();
  }

  @Override
  public void toolCall(String tool) {
    counter("runtrail.agent.tool.calls", "Tool calls recorded in action trails", "tool", tags.value("tool", tool))
        .increment();
  }

  @Override
  public void policyEvaluated(String policy, String decision) {
    counter("runtrail.policy.evaluations", "Policy decisions recorded in action trails",
        "policy", tags.value("policy", policy), "decision", tags.value("decision", decision))
        .increment();
  }

  @Override
  public void tokens(String direction, String model, long count) {
    if (count > 0) {
      counter("runtrail.agent.tokens", "Tokens used by agents", "direction", direction,
          "model", tags.value("model", model))
          .increment(count);
    }
  }

  @Override
  public void queueDepth(String queue, long depth) {
    String q = tags.value("queue", queue);
    AtomicLong value = meter(new MeterKey("runtrail.agent.queue.depth", q), key -> {
      AtomicLong holder = new AtomicLong();
      Gauge.builder("runtrail.agent.queue.depth", holder, AtomicLong::doubleValue)
          .description("Tasks waiting, as last reported")
          .tags("queue", q)
          .register(registry);
      return holder;
    });
    value.set(depth);
  }

  @Override
  public void queueWait(String queue, long millis) {
    timer("runtrail.agent.queue.wait", "Time tasks waited in the queue", RUN_SLOS,
        "queue", tags.value("queue", queue))
        .record(millis, TimeUnit.MILLISECONDS);
  }

  @Override
  public void redaction(String rule) {
    counter("runtrail.redactions", "Values redacted, by rule", "rule", tags.value("rule", rule)).increment();
  }

  @Override
  public void dropped(String where, long count) {
    counter("runtrail.telemetry.dropped", "Telemetry Runtrail dropped, by place", "where", where).increment(count);
  }

  @Override
  public void trailGap(String sink) {
    counter("runtrail.trail.gaps", "Accepted trail events a durable sink failed to persist", "sink",
        tags.value("sink", sink))
        .increment();
  }

  @Override
  public void initialize(java.util.List<String> durableSinks) {
    for (String where : new String[] {"trail_queue", "trail_sink", "span_export", "tag_overflow", "run_export"}) {
      dropped(where, 0);
    }
    for (String sink : durableSinks) {
      counter("runtrail.trail.gaps", "Accepted trail events a durable sink failed to persist", "sink",
          tags.value("sink", sink));
    }
  }

  private Counter counter(String name, String description, String... tagPairs) {
    return meter(new MeterKey(name, tagPairs), key ->
        Counter.builder(name).description(description).tags(Tags.of(tagPairs)).register(registry));
  }

  private Timer timer(String name, String description, Duration[] slos, String... tagPairs) {
    return meter(new MeterKey(name, tagPairs), key ->
        Timer.builder(name).description(description).tags(Tags.of(tagPairs))
            .serviceLevelObjectives(slos).register(registry));
  }

  @SuppressWarnings("unchecked")
  private <T> T meter(MeterKey key, Function<MeterKey, T> create) {
    Object meter = meters.get(key);
    if (meter == null) {
      meter = meters.computeIfAbsent(key, create::apply);
    }
    return (T) meter;
  }

  private static Duration[] seconds(double... values) {
    Duration[] durations = new Duration[values.length];
    for (int i = 0; i < values.length; i++) {
      durations[i] = Duration.ofNanos((long) (values[i] * 1_000_000_000L));
    }
    return durations;
  }

  /** A meter name and its tag values, as a cache key. */
  private static final class MeterKey {
    private final String name;
    private final String[] parts;
    private final int hash;

    MeterKey(String name, String... parts) {
      this.name = name;
      this.parts = parts;
      this.hash = 31 * name.hashCode() + Arrays.hashCode(parts);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof MeterKey && ((MeterKey) o).name.equals(name) && Arrays.equals(((MeterKey) o).parts, parts);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }
}
