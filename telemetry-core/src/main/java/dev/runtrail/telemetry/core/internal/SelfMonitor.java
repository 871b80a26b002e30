package dev.runtrail.telemetry.core.internal;

import dev.runtrail.telemetry.core.internal.metrics.RunMetrics;
import dev.runtrail.telemetry.core.internal.redact.TelemetryRedactor;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runtrail watching itself: counts what it dropped and what failed, tells its metrics, and reports
 * each kind of problem once through SLF4J (logger {@code runtrail}) so a broken collector or a full
 * disk does not flood the app's log. Never throws.
 */
public final class SelfMonitor {

  private static final Logger LOG = LoggerFactory.getLogger("runtrail");

  private final Map<String, LongAdder> dropped = new ConcurrentHashMap<>();
  private final Set<String> reported = ConcurrentHashMap.newKeySet();
  private final TelemetryRedactor redactor;
  private volatile RunMetrics metrics = RunMetrics.NOOP;

  public SelfMonitor(TelemetryRedactor redactor) {
    this.redactor = redactor;
  }

  public void metrics(RunMetrics metrics) {
    this.metrics = metrics;
  }

  /** Telemetry was dropped at {@code where}; reported once per place. */
  public void dropped(String where, long count, String why) {
    dropped.computeIfAbsent(where, k -> new LongAdder()).add(count);
    metrics.dropped(where, count);
    reportOnce("dropped:" + where, "Runtrail dropped telemetry at " + where + ": " + why
        + " (counted in runtrail.telemetry.dropped{where=\"" + where + "\"}; reported once)", null);
  }

  /** A durable trail sink failed to persist an event: its file misses a sequence number. */
  public void trailGap(String sink, Throwable cause) {
    trailGap(sink, 1, cause);
  }

  /** A durable trail sink failed to persist {@code events} accepted events: its file misses as many numbers. */
  public void trailGap(String sink, long events, Throwable cause) {
    dropped.computeIfAbsent("trail_gap:" + sink, k -> new LongAdder()).add(events);
    metrics.trailGap(sink, events);
    reportOnce("gap:" + sink, "Runtrail trail sink '" + sink + "' failed to persist an event; the trail has a"
        + " gap (counted in runtrail.trail.gaps; reported once)", cause);
  }

  /** Something failed that the app must not notice; reported once per {@code what}. */
  public void failure(String what, Throwable cause) {
    reportOnce("failure:" + what, "Runtrail: " + what + " failed (reported once)", cause);
  }

  /** Counts of everything dropped so far, by place. */
  public Map<String, Long> droppedCounts() {
    Map<String, Long> counts = new TreeMap<>();
    dropped.forEach((where, adder) -> counts.put(where, adder.sum()));
    return counts;
  }

  /** Logs a warning once per key; the exception's text is redacted and no stack trace is printed. */
  public void reportOnce(String key, String message, Throwable cause) {
    if (!reported.add(key)) {
      return;
    }
    try {
      String detail = cause == null ? "" : ": " + cause.getClass().getName() + ": " + cause.getMessage();
      LOG.warn(redactor.text(message + detail));
    } catch (RuntimeException | LinkageError e) {
      // Reporting must never become the failure.
    }
  }
}
