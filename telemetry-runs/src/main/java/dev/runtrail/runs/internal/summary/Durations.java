package dev.runtrail.runs.internal.summary;

import java.util.Locale;

/** Durations for people: {@code 250ms}, {@code 4.2s}, {@code 1m41s}, {@code 2h03m}. */
public final class Durations {

  private Durations() {}

  public static String format(long millis) {
    if (millis < 0) {
      return "-" + format(-millis);
    }
    if (millis < 1000) {
      return millis + "ms";
    }
    if (millis < 60_000) {
      return String.format(Locale.ROOT, "%.1fs", millis / 1000.0);
    }
    long seconds = millis / 1000;
    if (seconds < 3600) {
      return String.format(Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60);
    }
    return String.format(Locale.ROOT, "%dh%02dm", seconds / 3600, (seconds % 3600) / 60);
  }

  /** A signed difference: {@code +1.9s}, {@code -250ms}, {@code 0ms}. */
  public static String delta(long millis) {
    return millis > 0 ? "+" + format(millis) : format(millis);
  }
}
