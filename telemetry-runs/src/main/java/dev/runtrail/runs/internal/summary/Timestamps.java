package dev.runtrail.runs.internal.summary;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The run store's timestamp text: ISO-8601 UTC with exactly three fraction digits. */
public final class Timestamps {

  private static final DateTimeFormatter MILLIS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private Timestamps() {}

  /** {@code 2025-09-20T10:22:31.123Z}; null for null. */
  public static String format(Instant instant) {
    return instant == null ? null : MILLIS.format(instant);
  }
}
