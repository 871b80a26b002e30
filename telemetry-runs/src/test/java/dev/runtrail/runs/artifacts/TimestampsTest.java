package dev.runtrail.runs.artifacts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtrail.runs.internal.summary.Timestamps;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The hand-written timestamp text is what the ISO pattern prints, for any instant. */
class TimestampsTest {

  private static final DateTimeFormatter PATTERN =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  @Test
  void printsWhatThePatternPrintsForRandomAndEdgeInstants() {
    Random random = new Random(17);
    for (int i = 0; i < 100_000; i++) {
      Instant instant = Instant.ofEpochSecond(random.nextLong() % 400_000_000_000L, random.nextInt(1_000_000_000));
      assertThat(Timestamps.format(instant)).as("%s", instant).isEqualTo(PATTERN.format(instant));
    }
    for (String edge : new String[] {"1970-01-01T00:00:00Z", "0000-01-01T00:00:00.000999999Z",
        "9999-12-31T23:59:59.999999999Z", "2025-09-20T10:22:31.123Z", "2024-02-29T09:05:07.005Z"}) {
      Instant instant = Instant.parse(edge);
      assertThat(Timestamps.format(instant)).as(edge).isEqualTo(PATTERN.format(instant));
    }
    assertThat(Timestamps.format(Instant.parse("2025-09-20T10:22:31.123Z"))).isEqualTo("2025-09-20T10:22:31.123Z");
    assertThat(Timestamps.format(null)).isNull();
  }
}
