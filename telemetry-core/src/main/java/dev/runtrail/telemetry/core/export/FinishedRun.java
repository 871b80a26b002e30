package dev.runtrail.telemetry.core.export;

import dev.runtrail.telemetry.RunStatus;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything a {@link RunExporter} gets about a run that ended, already redacted (the plan too).
 * Immutable; built by Runtrail.
 */
public final class FinishedRun {

  private final Builder b;

  private FinishedRun(Builder builder) {
    this.b = builder;
  }

  /** For Runtrail and for tests of exporters. */
  public static Builder builder() {
    return new Builder();
  }

  public String runId() {
    return b.runId;
  }

  public String name() {
    return b.name;
  }

  /** May be null. */
  public String env() {
    return b.env;
  }

  /** May be null. */
  public String target() {
    return b.target;
  }

  /** Empty when the run had no plan. */
  public String planHash() {
    return b.planHash;
  }

  /** The plan as JSON, redacted with its structure kept; null when the run had no plan. */
  public String redactedPlanJson() {
    return b.redactedPlanJson;
  }

  /** {@code "<reference> → <value or redaction>"} in recording order. */
  public List<String> resolvedValues() {
    return b.resolvedValues;
  }

  public String planId() {
    return b.planId;
  }

  public String planVersion() {
    return b.planVersion;
  }

  public Instant startedAt() {
    return b.startedAt;
  }

  public Instant endedAt() {
    return b.endedAt;
  }

  public Duration duration() {
    return Duration.between(b.startedAt, b.endedAt);
  }

  public RunStatus status() {
    return b.status;
  }

  /** The run's error code, null unless failed. */
  public String errorCode() {
    return b.errorCode;
  }

  /** Null unless failed or cancelled with a reason. */
  public String errorMessage() {
    return b.errorMessage;
  }

  /** Path of the first step (by end time) that failed, or null. */
  public String failedStep() {
    return b.failedStep;
  }

  public String runner() {
    return b.runner;
  }

  public String ticket() {
    return b.ticket;
  }

  public String gitSha() {
    return b.gitSha;
  }

  public String gitBranch() {
    return b.gitBranch;
  }

  /** Policy flags such as {@code deny_network}, in the order they were set. */
  public Map<String, Boolean> policy() {
    return b.policy;
  }

  /** Other run attributes by key. */
  public Map<String, Object> attributes() {
    return b.attributes;
  }

  public String correlationId() {
    return b.correlationId;
  }

  /** May be null. */
  public String sessionId() {
    return b.sessionId;
  }

  /** Lower-case hex; null when tracing is off. */
  public String traceId() {
    return b.traceId;
  }

  /** Steps ordered by start time, then path. */
  public List<StepRecord> steps() {
    return b.steps;
  }

  /** Sum of the steps' retries. */
  public int retries() {
    int total = 0;
    for (StepRecord step : b.steps) {
      total += step.retries().size();
    }
    return total;
  }

  /** The run's spans when Runtrail's span pipeline saw them; empty otherwise. */
  public List<SpanData> spans() {
    return b.spans;
  }

  /** The run's folder in the run store. */
  public Path directory() {
    return b.directory;
  }

  /** The run's {@code trail.jsonl}, complete when the exporter is called; null if no file was written. */
  public Path trailFile() {
    return b.trailFile;
  }

  /** Whether the run's spans were exported (run-level sampling keeps failed runs and a share of the rest). */
  public boolean spansSampled() {
    return b.spansSampled;
  }

  /** Builds a {@link FinishedRun}. */
  public static final class Builder {
    private String runId;
    private String name;
    private String env;
    private String target;
    private String planHash = "";
    private String redactedPlanJson;
    private List<String> resolvedValues = List.of();
    private String planId;
    private String planVersion;
    private Instant startedAt;
    private Instant endedAt;
    private RunStatus status = RunStatus.OK;
    private String errorCode;
    private String errorMessage;
    private String failedStep;
    private String runner;
    private String ticket;
    private String gitSha;
    private String gitBranch;
    private Map<String, Boolean> policy = Map.of();
    private Map<String, Object> attributes = Map.of();
    private String correlationId;
    private String sessionId;
    private String traceId;
    private List<StepRecord> steps = List.of();
    private List<SpanData> spans = List.of();
    private Path directory;
    private Path trailFile;
    private boolean spansSampled = true;

    private Builder() {}

    public Builder runId(String runId) {
      this.runId = runId;
      return this;
    }

    public Builder name(String name) {
      this.name = name;
      return this;
    }

    public Builder env(String env) {
      this.env = env;
      return this;
    }

    public Builder target(String target) {
      this.target = target;
      return this;
    }

    public Builder plan(String planHash, String redactedPlanJson, List<String> resolvedValues) {
      this.planHash = planHash == null ? "" : planHash;
      this.redactedPlanJson = redactedPlanJson;
      this.resolvedValues = List.copyOf(resolvedValues);
      return this;
    }

    public Builder planId(String planId, String planVersion) {
      this.planId = planId;
      this.planVersion = planVersion;
      return this;
    }

    public Builder timing(Instant startedAt, Instant endedAt) {
      this.startedAt = startedAt;
      this.endedAt = endedAt;
      return this;
    }

    public Builder outcome(RunStatus status, String errorCode, String errorMessage, String failedStep) {
      this.status = status;
      this.errorCode = errorCode;
      this.errorMessage = errorMessage;
      this.failedStep = failedStep;
      return this;
    }

    public Builder runner(String runner) {
      this.runner = runner;
      return this;
    }

    public Builder ticket(String ticket) {
      this.ticket = ticket;
      return this;
    }

    public Builder git(String sha, String branch) {
      this.gitSha = sha;
      this.gitBranch = branch;
      return this;
    }

    public Builder policy(Map<String, Boolean> policy) {
      this.policy = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(policy));
      return this;
    }

    public Builder attributes(Map<String, Object> attributes) {
      this.attributes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(attributes));
      return this;
    }

    public Builder ids(String correlationId, String sessionId, String traceId) {
      this.correlationId = correlationId;
      this.sessionId = sessionId;
      this.traceId = traceId;
      return this;
    }

    public Builder steps(List<StepRecord> steps) {
      this.steps = List.copyOf(steps);
      return this;
    }

    public Builder spans(List<SpanData> spans, boolean sampled) {
      this.spans = List.copyOf(spans);
      this.spansSampled = sampled;
      return this;
    }

    public Builder files(Path directory, Path trailFile) {
      this.directory = directory;
      this.trailFile = trailFile;
      return this;
    }

    public FinishedRun build() {
      if (runId == null || startedAt == null || endedAt == null) {
        throw new IllegalStateException("runId, startedAt and endedAt are required");
      }
      return new FinishedRun(this);
    }
  }
}
