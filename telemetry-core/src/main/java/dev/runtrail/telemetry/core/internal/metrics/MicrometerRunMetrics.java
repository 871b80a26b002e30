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
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Records the meters of {@code docs/metrics.md} on a Micrometer registry.
 *
 * <p>Recording is on every run's, step's and trail event's path, so meters are looked up by the raw
 * values the caller passes, in caches filled once per distinct value: a run's meters by its env,
 * target and plan ({@link RunMeters}), a step's timers by path, one-tag counters by value. Only values
 * the {@link TagLimiter} admitted as themselves are cached; a value recorded as {@code OTHER} goes
 * through the limiter each time (and is counted as dropped each time), as before.
 */
public final class MicrometerRunMetrics implements RunMetrics {

  static final Duration[] RUN_SLOS = seconds(0.5, 1, 2, 5, 10, 30, 60);
  static final Duration[] STEP_SLOS = seconds(0.1, 0.5, 1, 2, 5, 10, 30, 60);
  private static final RunStatus[] STATUSES = RunStatus.values();

  private final MeterRegistry registry;
  private final TagLimiter tags;
  private final ConcurrentHashMap<MeterKey, Object> meters = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<RunKey, RunMeters> runMeters = new ConcurrentHashMap<>();
  private final TaggedCounters trailEvents = new TaggedCounters("runtrail.trail.events",
      "Action trail events recorded", "type");
  private final TaggedCounters toolCalls = new TaggedCounters("runtrail.agent.tool.calls",
      "Tool calls recorded in action trails", "tool");
  private final TaggedCounters redactions = new TaggedCounters("runtrail.redactions",
      "Values redacted, by rule", "rule");

  public MicrometerRunMetrics(MeterRegistry registry, int tagLimit) {
    this.registry = registry;
    this.tags = new TagLimiter(tagLimit, () -> dropped("tag_overflow", 1));
  }

  /** A run's tag values, capped once when it starts, and the meters they lead to. */
  private static final class Run implements RunTags {
    final RunMeters meters;

    Run(RunMeters meters) {
      this.meters = meters;
    }
  }

  /** The raw env, target and plan id of runs: what selects their {@link RunMeters}. */
  private static final class RunKey {
    final String env;
    final String target;
    final String planId;
    final int hash;

    RunKey(String env, String target, String planId) {
      this.env = env;
      this.target = target;
      this.planId = planId;
      this.hash = (31 * Objects.hashCode(env) + Objects.hashCode(target)) * 31 + Objects.hashCode(planId);
    }

    @Override
    public boolean equals(Object o) {
      if (!(o instanceof RunKey)) {
        return false;
      }
      RunKey other = (RunKey) o;
      return Objects.equals(env, other.env) && Objects.equals(target, other.target)
          && Objects.equals(planId, other.planId);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }

  /** The meters of the runs with one env, target and plan id (tag values as capped by the limiter). */
  private final class RunMeters {
    final String env;
    final String target;
    final String planId;
    final AtomicLong inFlight;
    final ConcurrentHashMap<String, Counter> startedByPlanVersion = new ConcurrentHashMap<>();
    final Timer[] durationByStatus = new Timer[STATUSES.length];
    final ConcurrentHashMap<String, Counter[]> completedByErrorCode = new ConcurrentHashMap<>();
    final ConcurrentHashMap<String, Timer[]> stepDurationByPath = new ConcurrentHashMap<>();

    RunMeters(String env, String target, String planId) {
      this.env = env;
      this.target = target;
      this.planId = planId;
      this.inFlight = meter(new MeterKey("runtrail.runs.in.flight", env, target), key -> {
        AtomicLong value = new AtomicLong();
        Gauge.builder("runtrail.runs.in.flight", value, AtomicLong::doubleValue)
            .description("Runs started and not yet ended")
            .tags("env", env, "target", target)
            .register(registry);
        return value;
      });
    }

    Counter started(String rawPlanVersion) {
      Counter counter = startedByPlanVersion.get(cacheKey(rawPlanVersion));
      if (counter == null) {
        String v = tags.value("plan_version", rawPlanVersion);
        counter = counter("runtrail.runs.started", "Runs started", "env", env, "target", target,
            "plan_id", planId, "plan_version", v);
        if (admitted(v, rawPlanVersion)) {
          startedByPlanVersion.put(cacheKey(rawPlanVersion), counter);
        }
      }
      return counter;
    }

    Timer duration(RunStatus status) {
      Timer timer = durationByStatus[status.ordinal()];
      if (timer == null) {
        timer = timer("runtrail.run.duration", "Run duration, start to end", RUN_SLOS,
            "env", env, "target", target, "plan_id", planId, "status", status.label());
        durationByStatus[status.ordinal()] = timer; // a benign race: every thread finds the same timer
      }
      return timer;
    }

    Counter completed(RunStatus status, String rawErrorCode) {
      Counter[] byStatus = completedByErrorCode.get(cacheKey(rawErrorCode));
      Counter counter = byStatus == null ? null : byStatus[status.ordinal()];
      if (counter == null) {
        String code = tags.value("error_code", rawErrorCode);
        counter = counter("runtrail.runs.completed", "Runs ended, by status and error code",
            "env", env, "target", target, "plan_id", planId, "status", status.label(), "error_code", code);
        if (admitted(code, rawErrorCode)) {
          completedByErrorCode.computeIfAbsent(cacheKey(rawErrorCode), k -> new Counter[STATUSES.length])
              [status.ordinal()] = counter;
        }
      }
      return counter;
    }

    Timer stepDuration(String rawPath, RunStatus status) {
      Timer[] byStatus = stepDurationByPath.get(cacheKey(rawPath));
      Timer timer = byStatus == null ? null : byStatus[status.ordinal()];
      if (timer == null) {
        String step = tags.value("step", rawPath);
        timer = timer("runtrail.step.duration", "Step duration", STEP_SLOS,
            "env", env, "target", target, "step", step, "status", status.label());
        if (admitted(step, rawPath)) {
          stepDurationByPath.computeIfAbsent(cacheKey(rawPath), k -> new Timer[STATUSES.length])
              [status.ordinal()] = timer;
        }
      }
      return timer;
    }
  }

  /** A counter with one limited tag, by the raw value recorded. */
  private final class TaggedCounters {
    final String name;
    final String description;
    final String tag;
    final ConcurrentHashMap<String, Counter> byValue = new ConcurrentHashMap<>();

    TaggedCounters(String name, String description, String tag) {
      this.name = name;
      this.description = description;
      this.tag = tag;
    }

    Counter get(String rawValue) {
      Counter counter = byValue.get(cacheKey(rawValue));
      if (counter == null) {
        String value = tags.value(tag, rawValue);
        counter = counter(name, description, tag, value);
        if (admitted(value, rawValue)) {
          byValue.put(cacheKey(rawValue), counter);
        }
      }
      return counter;
    }
  }

  /** Raw values as cache keys: null and empty both become the tag value {@code none}. */
  private static String cacheKey(String rawValue) {
    return rawValue == null ? "" : rawValue;
  }

  /** Whether the limiter recorded {@code rawValue} as itself (or as {@code none}), so it always will. */
  private static boolean admitted(String tagValue, String rawValue) {
    return rawValue == null || rawValue.isEmpty() ? TagLimiter.NONE.equals(tagValue) : tagValue.equals(rawValue);
  }

  @Override
  public RunTags runStarted(String env, String target, String planId, String planVersion) {
    RunKey key = new RunKey(env, target, planId);
    RunMeters meters = runMeters.get(key);
    if (meters == null) {
      RunMeters made = new RunMeters(tags.value("env", env), tags.value("target", target),
          tags.value("plan_id", planId));
      // Cached only when every value is itself (not capped to OTHER), so the limiter still sees, and
      // counts, each run with a value over the limit.
      boolean cacheable = admitted(made.env, env) && admitted(made.target, target) && admitted(made.planId, planId);
      meters = cacheable ? runMeters.computeIfAbsent(key, k -> made) : made;
    }
    meters.started(planVersion).increment();
    meters.inFlight.incrementAndGet();
    return new Run(meters);
  }

  @Override
  public void runEnded(RunTags tags, RunStatus status, String errorCode, long durationNanos) {
    if (!(tags instanceof Run)) {
      return;
    }
    RunMeters run = ((Run) tags).meters;
    run.inFlight.decrementAndGet();
    run.duration(status).record(durationNanos, TimeUnit.NANOSECONDS);
    run.completed(status, errorCode).increment();
  }

  @Override
  public void stepEnded(RunTags tags, String stepPath, RunStatus status, long durationNanos) {
    if (!(tags instanceof Run)) {
      return;
    }
    ((Run) tags).meters.stepDuration(stepPath, status).record(durationNanos, TimeUnit.NANOSECONDS);
  }

  @Override
  public void stepRetried(RunTags tags, String stepPath, RetryCause cause) {
    if (!(tags instanceof Run)) {
      return;
    }
    RunMeters run = ((Run) tags).meters;
    counter("runtrail.step.retries", "Step retries, by cause", "env", run.env, "target", run.target,
        "step", this.tags.value("step", stepPath), "cause", cause.label())
        .increment();
  }

  @Override
  public void trailEvent(String type) {
    trailEvents.get(type).increment();
  }

  @Override
  public void toolCall(String tool) {
    toolCalls.get(tool).increment();
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
    redactions.get(rule).increment();
  }

  @Override
  public void dropped(String where, long count) {
    counter("runtrail.telemetry.dropped", "Telemetry Runtrail dropped, by place", "where", where).increment(count);
  }

  @Override
  public void trailGap(String sink, long events) {
    counter("runtrail.trail.gaps", "Accepted trail events a durable sink failed to persist", "sink",
        tags.value("sink", sink))
        .increment(events);
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
    MeterKey key = new MeterKey(name, tagPairs);
    Object meter = meters.get(key);
    if (meter == null) {
      meter = meters.computeIfAbsent(key, k ->
          Counter.builder(name).description(description).tags(Tags.of(tagPairs)).register(registry));
    }
    return (Counter) meter;
  }

  private Timer timer(String name, String description, Duration[] slos, String... tagPairs) {
    MeterKey key = new MeterKey(name, tagPairs);
    Object meter = meters.get(key);
    if (meter == null) {
      meter = meters.computeIfAbsent(key, k -> Timer.builder(name).description(description).tags(Tags.of(tagPairs))
          .serviceLevelObjectives(slos).register(registry));
    }
    return (Timer) meter;
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
