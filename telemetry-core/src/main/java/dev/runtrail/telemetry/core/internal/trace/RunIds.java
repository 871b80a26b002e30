package dev.runtrail.telemetry.core.internal.trace;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
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

  public RunIds() {
    SecureRandom random = new SecureRandom();
    this.counter = new AtomicInteger(random.nextInt());
    this.salt = random.nextInt() & MASK;
  }

  /** A new run id for a run starting at {@code start}. */
  public String next(Instant start) {
    int suffix = scramble(counter.getAndIncrement() & MASK);
    char[] hex = new char[6];
    for (int i = 5; i >= 0; i--) {
      hex[i] = HEX[suffix & 0xF];
      suffix >>>= 4;
    }
    return "run-" + STAMP.format(start) + "-" + new String(hex);
  }

  /** A new correlation id (a random UUID). */
  public String nextCorrelationId() {
    return UUID.randomUUID().toString();
  }

  /** A bijection on 24-bit values: odd multiplier, xor-shift and salt, all invertible mod 2^24. */
  private int scramble(int value) {
    int x = (value * 0x9E3779) & MASK;
    x ^= x >>> 12;
    x = (x * 0xC2B2AF) & MASK;
    return x ^ salt;
  }
}
