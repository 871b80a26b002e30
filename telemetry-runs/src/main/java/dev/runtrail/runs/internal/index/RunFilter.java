package dev.runtrail.runs.internal.index;

import java.time.Instant;

/**
 * Which runs a list or export wants; null fields do not filter.
 *
 * @param planHashPrefix lower-case hex, 1 to 64 characters
 * @param limit at most this many rows; 0 or less for all
 */
public record RunFilter(String env, String target, Instant since, String status, String planHashPrefix, int limit) {

  public static RunFilter all() {
    return new RunFilter(null, null, null, null, null, 0);
  }
}
