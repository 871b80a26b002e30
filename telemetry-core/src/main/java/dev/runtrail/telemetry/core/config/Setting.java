package dev.runtrail.telemetry.core.config;

import java.util.Locale;

/**
 * One Runtrail setting: an environment variable {@code RUNTRAIL_X_Y} and its system property twin
 * {@code runtrail.x.y} (the property wins when both are set, as with OpenTelemetry's variables).
 */
public enum Setting {
  ENABLED("false", "Turns Runtrail on. Anything but `true` leaves it a no-op."),
  RUNS_DIR("~/.runtrail/runs", "Where run folders (trail.jsonl and, with telemetry-runs, all artifacts) are written."),
  PRIVACY("balanced", "Redaction mode: `strict`, `balanced` or `minimal` (secrets are redacted in every mode)."),
  REDACTION_FORMAT("mask", "`mask` writes `[REDACTED]`; `length` writes `<redacted:32chars>`."),
  TRACE_ID("fresh", "`fresh`: a new trace per run; `plan`: trace id = hash(plan hash + env + target)."),
  TRAIL_SINKS("span,log,jsonl", "Built-in trail sinks to use: any of `span`, `log`, `jsonl`, or `none`."),
  TRAIL_QUEUE_CAPACITY("8192", "Trail events each trail sink with its own thread (the log and JSON Lines sinks) may have waiting."),
  TRAIL_OFFER_TIMEOUT("100ms", "How long recording an event may wait for room in a full trail queue before the event is refused and counted as dropped."),
  TRAIL_KAFKA_BOOTSTRAP("", "Kafka bootstrap servers (`host:port,...`) for `KafkaTrailSink.fromConfig` (telemetry-trail-kafka); unset = no Kafka sink."),
  TRAIL_KAFKA_TOPIC("action-trail", "The Kafka topic trail events go to (keyed by session id, else run id)."),
  TRAIL_KAFKA_MAX_BLOCK("500ms", "Longest the Kafka sink's thread waits in one send (topic metadata, a full buffer) before the event is counted as dropped."),
  TRAIL_KAFKA_BUFFER_BYTES("4194304", "Bytes of events the Kafka producer may hold while the broker is slow or away (`buffer.memory`)."),
  TRAIL_KAFKA_DELIVERY_TIMEOUT("2m", "How long an accepted event may wait for the broker (retried, in order) before it is counted as dropped."),
  STDERR_TAIL_LINES("20", "Lines of stderr kept by `Step.stderrTail`."),
  STDERR_TAIL_BYTES("4096", "Bytes (UTF-8) of stderr kept by `Step.stderrTail`."),
  SHUTDOWN_TIMEOUT("5s", "Upper bound for flushing and exporting on close and at JVM shutdown."),
  SAMPLE_SUCCESS("1.0", "Share of successful runs whose spans are exported (failed runs always are); 0.1 keeps 10%."),
  METRICS_TAG_LIMIT("200", "Distinct values per metric tag before further values become `OTHER`."),
  PROMETHEUS_PORT("", "Serves Prometheus metrics on this port (`/metrics`); unset = off."),
  PROMETHEUS_HOST("127.0.0.1", "Address the Prometheus endpoint binds to."),
  RUN_STORE("true", "Writes run artifacts and the index when telemetry-runs is on the classpath."),
  INDEX_URL("", "The run index: unset = SQLite `runs.db` in the runs dir; `jdbc:postgresql://HOST:PORT/DB?user=U` = one index shared by a fleet."),
  RUN_STORE_URL("", "Also copies each finished run's folder to object storage, `s3://BUCKET/PREFIX` (with telemetry-runs-s3 on the classpath); unset = local folders only."),
  RETENTION("prod=90d,staging=30d,dev=7d,*=30d", "Days each env's runs are kept by `runtrail runs prune` (`*` = any other env)."),
  REGISTER_GLOBAL("false", "Also registers Runtrail's OpenTelemetry as `GlobalOpenTelemetry`."),
  OTEL_SDK("auto", "`auto`: use the OpenTelemetry Java agent's pipeline when the agent is attached, else build Runtrail's own SDK from `OTEL_*`; `agent`: the agent's, failing at start-up without it; `own`: always Runtrail's own SDK.");

  private final String defaultValue;
  private final String description;

  Setting(String defaultValue, String description) {
    this.defaultValue = defaultValue;
    this.description = description;
  }

  /** The environment variable, e.g. {@code RUNTRAIL_RUNS_DIR}. */
  public String environmentVariable() {
    return "RUNTRAIL_" + name();
  }

  /** The system property, e.g. {@code runtrail.runs.dir}. */
  public String systemProperty() {
    return "runtrail." + name().toLowerCase(Locale.ROOT).replace('_', '.');
  }

  /** The default, as text; empty when the setting is off by default. */
  public String defaultValue() {
    return defaultValue;
  }

  /** What the setting does (Markdown). */
  public String description() {
    return description;
  }
}
