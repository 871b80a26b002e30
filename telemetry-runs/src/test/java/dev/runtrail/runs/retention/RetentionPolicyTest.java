package dev.runtrail.runs.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runtrail.runs.internal.retention.RetentionPolicy;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetentionPolicyTest {

  @Test
  void keepsProdNinetyDaysStagingThirtyAndDevSevenByDefault() {
    RetentionPolicy policy = RetentionPolicy.defaults();

    assertThat(policy.keep("prod")).isEqualTo(Duration.ofDays(90));
    assertThat(policy.keep("staging")).isEqualTo(Duration.ofDays(30));
    assertThat(policy.keep("dev")).isEqualTo(Duration.ofDays(7));
  }

  @Test
  void keepsAnUnlistedEnvOrNoEnvThirtyDays() {
    assertThat(RetentionPolicy.defaults().keep("qa")).isEqualTo(Duration.ofDays(30));
    assertThat(RetentionPolicy.defaults().keep(null)).isEqualTo(Duration.ofDays(30));
  }

  @Test
  void givenEntriesOverrideTheDefaultsOneEnvAtATime() {
    RetentionPolicy policy = RetentionPolicy.defaults().with(RetentionPolicy.parse("prod=180d, qa=2w, *=36h"));

    assertThat(policy.keep("prod")).isEqualTo(Duration.ofDays(180));
    assertThat(policy.keep("qa")).isEqualTo(Duration.ofDays(14));
    assertThat(policy.keep("dev")).isEqualTo(Duration.ofDays(7));
    assertThat(policy.keep("other")).isEqualTo(Duration.ofHours(36));
    assertThat(policy.shortest()).isEqualTo(Duration.ofHours(36));
  }

  @Test
  void rejectsAnEntryWithoutADurationUnit() {
    assertThatThrownBy(() -> RetentionPolicy.parse("prod=90")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("prod=90");
  }

  @Test
  void rejectsAnEntryWithoutAnEnv() {
    assertThatThrownBy(() -> RetentionPolicy.parse("=90d")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("env=duration");
  }
}
