package dev.runtrail.runs.internal.retention;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * How long runs are kept, per env: {@code prod=90d,staging=30d,dev=7d} by default, and 30 days for any
 * other env ({@code *}). Given entries override the defaults one env at a time.
 *
 * <pre>{@code
 * RetentionPolicy policy = RetentionPolicy.defaults().with(RetentionPolicy.parse("prod=180d,*=14d"));
 * }</pre>
 */
public final class RetentionPolicy {

  /** The key for envs not listed (and runs without an env). */
  public static final String OTHER = "*";

  private static final RetentionPolicy DEFAULTS = new RetentionPolicy(Map.of(
      "prod", Duration.ofDays(90), "staging", Duration.ofDays(30), "dev", Duration.ofDays(7),
      OTHER, Duration.ofDays(30)));

  private final Map<String, Duration> keep;

  private RetentionPolicy(Map<String, Duration> keep) {
    this.keep = Collections.unmodifiableMap(new LinkedHashMap<>(keep));
  }

  public static RetentionPolicy defaults() {
    return DEFAULTS;
  }

  /**
   * Parses {@code env=duration} entries separated by commas; durations are a whole number of days
   * ({@code 90d}), weeks ({@code 2w}) or hours ({@code 36h}).
   *
   * @throws IllegalArgumentException naming the bad entry
   */
  public static RetentionPolicy parse(String text) {
    Map<String, Duration> keep = new LinkedHashMap<>();
    for (String entry : text.split(",")) {
      String trimmed = entry.trim();
      if (trimmed.isEmpty()) {
        continue;
      }
      int eq = trimmed.indexOf('=');
      if (eq <= 0 || eq == trimmed.length() - 1) {
        throw new IllegalArgumentException("'" + trimmed + "' is not env=duration (e.g. prod=90d)");
      }
      keep.put(trimmed.substring(0, eq).trim(), duration(trimmed.substring(eq + 1).trim(), trimmed));
    }
    return new RetentionPolicy(keep);
  }

  private static Duration duration(String text, String entry) {
    String value = text.toLowerCase(Locale.ROOT);
    if (value.length() < 2) {
      throw badDuration(entry);
    }
    long amount;
    try {
      amount = Long.parseLong(value.substring(0, value.length() - 1));
    } catch (NumberFormatException e) {
      throw badDuration(entry);
    }
    if (amount < 0 || amount > 36_500) {
      throw badDuration(entry);
    }
    switch (value.charAt(value.length() - 1)) {
      case 'd':
        return Duration.ofDays(amount);
      case 'w':
        return Duration.ofDays(amount * 7);
      case 'h':
        return Duration.ofHours(amount);
      default:
        throw badDuration(entry);
    }
  }

  private static IllegalArgumentException badDuration(String entry) {
    return new IllegalArgumentException("'" + entry + "': expected a duration such as 90d, 2w or 36h");
  }

  /** This policy with the other's entries taking precedence. */
  public RetentionPolicy with(RetentionPolicy overrides) {
    Map<String, Duration> merged = new LinkedHashMap<>(keep);
    merged.putAll(overrides.keep);
    return new RetentionPolicy(merged);
  }

  /** How long runs of this env are kept. */
  public Duration keep(String env) {
    Duration duration = env == null ? null : keep.get(env);
    if (duration != null) {
      return duration;
    }
    return keep.getOrDefault(OTHER, DEFAULTS.keep.get(OTHER));
  }

  /** The shortest retention of any env: nothing younger can expire. */
  public Duration shortest() {
    Duration shortest = keep(OTHER);
    for (Duration duration : keep.values()) {
      if (duration.compareTo(shortest) < 0) {
        shortest = duration;
      }
    }
    return shortest;
  }

  /** The entries, e.g. {@code {prod=PT2160H, ...}}, in a stable order. */
  public Map<String, Duration> entries() {
    return keep;
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    new java.util.TreeMap<>(keep).forEach((env, duration) -> {
      out.append(out.length() == 0 ? "" : ",").append(env).append('=');
      long hours = duration.toHours();
      out.append(hours % 24 == 0 ? (hours / 24) + "d" : hours + "h");
    });
    return out.toString();
  }
}
