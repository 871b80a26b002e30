package dev.runtrail.runs.internal.summary;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.runtrail.runs.internal.json.JsonFields;
import dev.runtrail.telemetry.core.json.JsonTree;
import dev.runtrail.telemetry.core.trail.TrailJson;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code summary.json} format (docs/run-store-format.md): writes a {@link RunSummary} and reads it back. */
public final class SummaryJson {

  private SummaryJson() {}

  /** The summary as pretty-printed JSON, ending with a newline. */
  public static String write(RunSummary run) {
    StringWriter out = new StringWriter(2048);
    try (JsonGenerator json = JsonTree.generator(out, true)) {
      writeRun(run, json);
    } catch (IOException e) {
      throw new IllegalStateException("Writing to a StringWriter cannot fail", e);
    }
    return out.append('\n').toString();
  }

  private static void writeRun(RunSummary run, JsonGenerator json) throws IOException {
    json.writeStartObject();
    json.writeStringField("schema", RunSummary.SCHEMA);
    json.writeStringField("run_id", run.runId());
    text(json, "name", run.name());
    text(json, "plan_hash", run.planHash());
    text(json, "plan_id", run.planId());
    text(json, "plan_version", run.planVersion());
    text(json, "target", run.target());
    text(json, "env", run.env());
    text(json, "started_at", Timestamps.format(run.startedAt()));
    text(json, "ended_at", Timestamps.format(run.endedAt()));
    json.writeNumberField("duration_ms", run.durationMs());
    json.writeStringField("status", run.status());
    text(json, "error_code", run.errorCode());
    text(json, "error_message", run.errorMessage());
    text(json, "failed_step", run.failedStep());
    json.writeNumberField("retries", run.retries());
    text(json, "runner", run.runner());
    text(json, "ticket", run.ticket());
    text(json, "trace_id", run.traceId());
    json.writeFieldName("spans_sampled");
    TrailJson.writeValue(json, run.spansSampled());
    text(json, "correlation_id", run.correlationId());
    text(json, "session_id", run.sessionId());
    json.writeObjectFieldStart("git");
    text(json, "sha", run.gitSha());
    text(json, "branch", run.gitBranch());
    json.writeEndObject();
    json.writeFieldName("policy");
    TrailJson.writeValue(json, run.policy());
    json.writeFieldName("attributes");
    TrailJson.writeValue(json, run.attributes());
    json.writeArrayFieldStart("steps");
    for (StepSummary step : run.steps()) {
      writeStep(step, json);
    }
    json.writeEndArray();
    json.writeEndObject();
  }

  private static void writeStep(StepSummary step, JsonGenerator json) throws IOException {
    json.writeStartObject();
    json.writeStringField("path", step.path());
    text(json, "span_id", step.spanId());
    text(json, "parent_path", step.parentPath());
    text(json, "started_at", Timestamps.format(step.startedAt()));
    text(json, "ended_at", Timestamps.format(step.endedAt()));
    json.writeNumberField("duration_ms", step.durationMs());
    json.writeStringField("status", step.status());
    json.writeFieldName("exit_code");
    TrailJson.writeValue(json, step.exitCode());
    text(json, "error_code", step.errorCode());
    text(json, "error_message", step.errorMessage());
    json.writeNumberField("retries", step.retries());
    json.writeArrayFieldStart("attempts");
    for (StepSummary.Attempt attempt : step.attempts()) {
      json.writeStartObject();
      json.writeNumberField("n", attempt.n());
      json.writeNumberField("exit_code", attempt.exitCode());
      json.writeStringField("cause", attempt.cause());
      text(json, "at", Timestamps.format(attempt.at()));
      json.writeEndObject();
    }
    json.writeEndArray();
    text(json, "stderr_tail", step.stderrTail());
    json.writeFieldName("attributes");
    TrailJson.writeValue(json, step.attributes());
    json.writeEndObject();
  }

  private static void text(JsonGenerator json, String field, String value) throws IOException {
    if (value == null) {
      json.writeNullField(field);
    } else {
      json.writeStringField(field, value);
    }
  }

  /**
   * Reads a summary file's text.
   *
   * @throws IllegalArgumentException naming what is wrong when the text is not a v1 summary
   */
  public static RunSummary read(String text) {
    Map<String, Object> o = JsonTree.parseObject(text);
    String schema = JsonFields.string(o, "schema");
    if (schema != null && !schema.equals(RunSummary.SCHEMA)) {
      throw new IllegalArgumentException("unsupported summary schema '" + schema + "'");
    }
    Map<String, Object> git = JsonFields.object(o, "git");
    List<StepSummary> steps = new ArrayList<>();
    for (Object step : JsonFields.array(o, "steps")) {
      steps.add(readStep(asObject(step, "steps[]")));
    }
    return new RunSummary(
        JsonFields.requiredString(o, "run_id"),
        JsonFields.string(o, "name"),
        JsonFields.string(o, "plan_hash"),
        JsonFields.string(o, "plan_id"),
        JsonFields.string(o, "plan_version"),
        JsonFields.string(o, "target"),
        JsonFields.string(o, "env"),
        required(JsonFields.instant(o, "started_at"), "started_at"),
        required(JsonFields.instant(o, "ended_at"), "ended_at"),
        JsonFields.requiredString(o, "status"),
        JsonFields.string(o, "error_code"),
        JsonFields.string(o, "error_message"),
        JsonFields.string(o, "failed_step"),
        JsonFields.string(o, "runner"),
        JsonFields.string(o, "ticket"),
        JsonFields.string(o, "trace_id"),
        JsonFields.bool(o, "spans_sampled"),
        JsonFields.string(o, "correlation_id"),
        JsonFields.string(o, "session_id"),
        JsonFields.string(git, "sha"),
        JsonFields.string(git, "branch"),
        policy(JsonFields.object(o, "policy")),
        plain(JsonFields.object(o, "attributes")),
        steps);
  }

  private static StepSummary readStep(Map<String, Object> o) {
    List<StepSummary.Attempt> attempts = new ArrayList<>();
    for (Object item : JsonFields.array(o, "attempts")) {
      Map<String, Object> a = asObject(item, "attempts[]");
      Long n = JsonFields.integer(a, "n");
      Long exit = JsonFields.integer(a, "exit_code");
      String cause = JsonFields.string(a, "cause");
      attempts.add(new StepSummary.Attempt(n == null ? attempts.size() + 1 : n.intValue(),
          exit == null ? 0 : exit.intValue(), cause == null ? "unknown" : cause, JsonFields.instant(a, "at")));
    }
    Long exitCode = JsonFields.integer(o, "exit_code");
    return new StepSummary(
        JsonFields.requiredString(o, "path"),
        JsonFields.string(o, "span_id"),
        JsonFields.string(o, "parent_path"),
        required(JsonFields.instant(o, "started_at"), "steps[].started_at"),
        required(JsonFields.instant(o, "ended_at"), "steps[].ended_at"),
        JsonFields.requiredString(o, "status"),
        exitCode == null ? null : exitCode.intValue(),
        JsonFields.string(o, "error_code"),
        JsonFields.string(o, "error_message"),
        attempts,
        JsonFields.string(o, "stderr_tail"),
        plain(JsonFields.object(o, "attributes")));
  }

  private static Map<String, Boolean> policy(Map<String, Object> raw) {
    Map<String, Boolean> policy = new LinkedHashMap<>();
    raw.forEach((flag, value) -> policy.put(flag, Boolean.TRUE.equals(value)));
    return policy;
  }

  /** Attribute values with integers as {@code Long} and other numbers as {@code Double}. */
  private static Map<String, Object> plain(Map<String, Object> raw) {
    Map<String, Object> values = new LinkedHashMap<>();
    raw.forEach((key, value) -> values.put(key, plainValue(value)));
    return values;
  }

  private static Object plainValue(Object value) {
    if (value instanceof Number) {
      String text = value.toString();
      boolean integral = text.indexOf('.') < 0 && text.indexOf('e') < 0 && text.indexOf('E') < 0;
      return integral ? (Object) ((Number) value).longValue() : (Object) ((Number) value).doubleValue();
    }
    if (value instanceof List) {
      List<Object> items = new ArrayList<>();
      for (Object item : (List<?>) value) {
        items.add(plainValue(item));
      }
      return items;
    }
    return value;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asObject(Object value, String where) {
    if (value instanceof Map) {
      return (Map<String, Object>) value;
    }
    throw new IllegalArgumentException("'" + where + "' is not an object");
  }

  private static Instant required(Instant value, String name) {
    if (value == null) {
      throw new IllegalArgumentException("'" + name + "' is missing");
    }
    return value;
  }
}
