package dev.runtrail.runs.internal.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.runtrail.runs.internal.index.IndexedRun;
import dev.runtrail.telemetry.core.json.JsonTree;
import dev.runtrail.runs.internal.summary.Timestamps;
import dev.runtrail.telemetry.core.trail.TrailJson;
import dev.runtrail.telemetry.trail.TrailEvent;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;

/** Writes one pretty-printed JSON document to the command's output. */
final class JsonOutput {

  /** Writes the document's content. */
  @FunctionalInterface
  interface Body {
    void write(JsonGenerator json) throws IOException;
  }

  private JsonOutput() {}

  static void print(PrintWriter out, Body body) {
    try {
      JsonGenerator json = JsonTree.generator(out, true).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      body.write(json);
      json.flush();
      out.println();
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void field(JsonGenerator json, String name, Object value) throws IOException {
    json.writeFieldName(name);
    TrailJson.writeValue(json, value);
  }

  /** A row of the runs table as a JSON object (list, export). */
  static void run(JsonGenerator json, IndexedRun run) throws IOException {
    json.writeStartObject();
    field(json, "run_id", run.runId());
    field(json, "name", run.name());
    field(json, "env", run.env());
    field(json, "target", run.target());
    field(json, "plan_hash", run.planHash());
    field(json, "started_at", Timestamps.format(run.startedAt()));
    field(json, "ended_at", Timestamps.format(run.endedAt()));
    field(json, "duration_ms", run.durationMs());
    field(json, "status", run.status());
    field(json, "error_code", run.errorCode());
    field(json, "failed_step", run.failedStep());
    field(json, "retries", run.retries());
    field(json, "runner", run.runner());
    field(json, "ticket", run.ticket());
    field(json, "git_sha", run.gitSha());
    field(json, "git_branch", run.gitBranch());
    field(json, "dir", run.dir());
    json.writeEndObject();
  }

  /** A trail event as in trail.jsonl. */
  static void event(JsonGenerator json, TrailEvent event) throws IOException {
    TrailJson.write(event, json);
  }
}
