package dev.runtrail.telemetry.core.internal.metrics;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cardinality guard: each tag key keeps at most {@code limit} distinct values; later values become
 * {@value #OVERFLOW}, with a one-time warning per key, so a caller passing ids as step names cannot
 * blow up the registry. (Micrometer's {@code MeterFilter.maximumAllowableTags} denies the meter
 * instead, which would lose the measurement.)
 */
final class TagLimiter {

  static final String OVERFLOW = "OTHER";
  static final String NONE = "none";
  private static final Logger LOG = LoggerFactory.getLogger("runtrail");

  private final int limit;
  private final ConcurrentHashMap<String, Set<String>> seen = new ConcurrentHashMap<>();
  private final Set<String> warned = ConcurrentHashMap.newKeySet();
  private final Runnable onOverflow;

  TagLimiter(int limit, Runnable onOverflow) {
    this.limit = limit;
    this.onOverflow = onOverflow;
  }

  String value(String tag, String value) {
    if (value == null || value.isEmpty()) {
      return NONE;
    }
    Set<String> values = seen.computeIfAbsent(tag, k -> ConcurrentHashMap.newKeySet());
    if (values.contains(value)) {
      return value;
    }
    synchronized (values) {
      if (values.size() < limit) {
        values.add(value);
        return value;
      }
    }
    onOverflow.run();
    if (warned.add(tag)) {
      LOG.warn("Runtrail metric tag '{}' reached {} distinct values; further values are recorded as '{}'"
          + " (RUNTRAIL_METRICS_TAG_LIMIT; reported once)", tag, limit, OVERFLOW);
    }
    return OVERFLOW;
  }
}
