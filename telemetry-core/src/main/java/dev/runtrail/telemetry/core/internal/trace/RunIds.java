package dev.runtrail.telemetry.core.internal.trace;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Makes run ids {@code run-<yyyyMMdd-HHmmss>-<short>} (UTC) and correlation ids.
 *
 * <p>The 6-hex-digit suffix is a per-process counter, started at a random point and scrambled by a
 * bijection of 24-bit numbers, so ids look random but never repeat within a process (for 16.7 million
 * runs), even when thousands start in the same second.
 */
public final class RunIds {

  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
  private static final int MASK = 0xFFFFFF;
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private final AtomicInteger counter;
  private final int salt;
  private volatile Stamp lastStamp = new Stamp(Long.MIN_VALUE, "");

  /** The formatted UTC second of the last run started (formatting it costs more than the rest of the id). */
  private static final class Stamp {
    final long epochSecond;
    final String text;

    Stamp(long epochSecond, String text) {
      this.epochSecond = epochSecond;
      this.text = text;
    }
  }

  public RunIds() {
    SecureRandom random = new SecureRandom();
    this.counter = new AtomicInteger(random.nextInt());
    this.salt = random.nextInt() & MASK;
  }

  /** A new run id for a run starting at {@code start}. */
  public String next(Instant start) {
    int suffix = scramble(counter.getAndIncrement() & MASK);
    StringBuilder id = new StringBuilder(26).append("run-").append(stamp(start)).append('-');
    for (int shift = 20; shift >= 0; shift -= 4) {
      id.append(HEX[(suffix >>> shift) & 0xF]);
    }
    return id.toString();
  }

  private String stamp(Instant start) {
    Stamp stamp = lastStamp;
    if (stamp.epochSecond != start.getEpochSecond()) {
      stamp = new Stamp(start.getEpochSecond(), STAMP.format(start));
      lastStamp = stamp;
    }
    return stamp.text;
  }

  /**
   * A new correlation id: a random (version 4) UUID. Drawn from {@link ThreadLocalRandom}, as
   * OpenTelemetry draws trace ids: a correlation id must be unique, not secret, and
   * {@link UUID#randomUUID()}'s SecureRandom costs more than the rest of a run's start.
   */
  public String nextCorrelationId() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long msb = (random.nextLong() & ~0xF000L) | 0x4000L; // version 4
    long lsb = (random.nextLong() & ~(0xC000L << 48)) | (0x8000L << 48); // IETF variant
    return new UUID(msb, lsb).toString();
  }

  /** A bijection on 24-bit values: odd multiplier, xor-shift and salt, all invertible mod 2^24. */
  private int scramble(int value) {
    int x = (value * 0x9E3779) & MASK;
    x ^= x >>> 12;
    x = (x * 0xC2B2AF) & MASK;
    return x ^ salt;
  }
}
