package dev.runtrail.telemetry.core.trail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TrailJsonTimestampTest {

  @Test
  void theCachedSecondFormatsExactlyLikeTheFormatter() {
    SplittableRandom random = new SplittableRandom(42);
    Instant base = Instant.parse("2026-11-25T10:15:30.000Z");
    for (int i = 0; i < 200_000; i++) {
      // Runs of instants within one second, jumps across seconds, days and leap years, and far dates.
      Instant instant = switch (i % 4) {
        case 0 -> base.plusNanos(random.nextLong(1_000_000_000L));
        case 1 -> base.plusMillis(random.nextLong(-86_400_000L * 800, 86_400_000L * 800));
        case 2 -> Instant.ofEpochSecond(random.nextLong(0, 253_402_300_800L), random.nextInt(1_000_000_000));
        default -> Instant.ofEpochSecond(random.nextLong(-10_000_000_000L, 400_000_000_000L), random.nextInt(1_000_000_000));
      };
      assertThat(TrailJson.timestamp(instant)).as("%s", instant).isEqualTo(TrailJson.TIMESTAMP.format(instant));
    }
  }

  @Test
  void boundariesOfTheSecondAndOfTheFixedWidthYears() {
    for (String text : new String[] {"1970-01-01T00:00:00.000Z", "1999-12-31T23:59:59.999Z", "2024-02-29T12:00:00.001Z",
        "9999-12-31T23:59:59.999Z", "1969-12-31T23:59:59.999Z"}) {
      Instant instant = Instant.parse(text);
      assertThat(TrailJson.timestamp(instant)).isEqualTo(TrailJson.TIMESTAMP.format(instant));
    }
    assertThat(TrailJson.timestamp(Instant.parse("2026-11-25T10:15:30.123456789Z"))).isEqualTo("2026-11-25T10:15:30.123Z");
  }
}
