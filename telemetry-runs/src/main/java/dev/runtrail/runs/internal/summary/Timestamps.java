package dev.runtrail.runs.internal.summary;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The run store's timestamp text: ISO-8601 UTC with exactly three fraction digits. */
public final class Timestamps {

  private static final DateTimeFormatter MILLIS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private Timestamps() {}

  /** {@code 2025-09-20T10:22:31.123Z}; null for null. */
  public static String format(Instant instant) {
    if (instant == null) {
      return null;
    }
    LocalDateTime time = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
    if (time.getYear() < 0 || time.getYear() > 9999) {
      return MILLIS.format(instant); // signed or five-digit years, as the pattern prints them
    }
    // By hand: DateTimeFormatter costs more than the rest of a summary.json (it is written for every run).
    StringBuilder text = new StringBuilder(24);
    pad(text, time.getYear(), 4).append('-');
    pad(text, time.getMonthValue(), 2).append('-');
    pad(text, time.getDayOfMonth(), 2).append('T');
    pad(text, time.getHour(), 2).append(':');
    pad(text, time.getMinute(), 2).append(':');
    pad(text, time.getSecond(), 2).append('.');
    return pad(text, instant.getNano() / 1_000_000, 3).append('Z').toString();
  }

  /** Appends the value with leading zeros to {@code digits} digits. */
  private static StringBuilder pad(StringBuilder text, int value, int digits) {
    for (int bound = 10, digit = 1; digit < digits; digit++, bound *= 10) {
      if (value < bound) {
        text.append('0');
      }
    }
    return text.append(value);
  }
}
