package dev.runtrail.testkit;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One captured log line, as the logging backend rendered it: the formatted message, the MDC and the
 * key-value pairs at the time of the call, and the stack trace text if a throwable was logged.
 *
 * @param instant when the line was logged
 * @param level {@code TRACE}, {@code DEBUG}, {@code INFO}, {@code WARN} or {@code ERROR}
 * @param logger the logger's name
 * @param thread the name of the thread that logged it
 * @param message the formatted message (arguments filled in)
 * @param mdc the MDC of the logging thread at the time of the call
 * @param keyValues SLF4J 2 key-value pairs, values as text
 * @param throwable the stack trace text, or null
 */
public record LogLine(Instant instant, String level, String logger, String thread, String message,
    Map<String, String> mdc, Map<String, String> keyValues, String throwable) {

  /** The MDC key Runtrail puts the run id under. */
  public static final String RUN_ID = "run_id";

  /** Copies the maps; null maps become empty. */
  public LogLine {
    Objects.requireNonNull(instant, "instant");
    mdc = mdc == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(mdc));
    keyValues = keyValues == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(keyValues));
  }

  /** The run id in the MDC, else in the key-values (Runtrail's trail lines carry both); null when none. */
  public String runId() {
    String runId = mdc.get(RUN_ID);
    if (runId == null || runId.isEmpty()) {
      runId = keyValues.get(RUN_ID);
    }
    return runId == null || runId.isEmpty() || runId.equals("null") ? null : runId;
  }

  /** {@code INFO [main] com.example.Deployer: deploying api {run_id=run-...}}. */
  @Override
  public String toString() {
    return level + " [" + thread + "] " + logger + ": " + message + " " + mdc;
  }
}
