package dev.runtrail.redaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class PolicyTest {
  @Test
  void parsesModesIgnoringCase() {
    assertThat(PrivacyMode.parse(" Strict ")).isEqualTo(PrivacyMode.STRICT);
    assertThat(PrivacyMode.parse("minimal")).isEqualTo(PrivacyMode.MINIMAL);
  }

  @Test
  void rejectsUnknownModeNamingValueAndAllowedValues() {
    assertThatIllegalArgumentException().isThrownBy(() -> PrivacyMode.parse("paranoid"))
        .withMessage("unknown privacy mode 'paranoid' (allowed: strict, balanced, minimal)");
  }

  @Test
  void blankModeMeansBalanced() {
    assertThat(PrivacyMode.parseOrDefault(" ")).isEqualTo(PrivacyMode.BALANCED);
    assertThat(PrivacyMode.parseOrDefault(null)).isEqualTo(PrivacyMode.BALANCED);
  }

  @Test
  void systemPropertySelectsMode() {
    System.setProperty(PrivacyMode.SYSTEM_PROPERTY, "strict");
    try {
      assertThat(PrivacyMode.fromEnvironment()).isEqualTo(PrivacyMode.STRICT);
      assertThat(RedactionPolicy.fromEnvironment().mode()).isEqualTo(PrivacyMode.STRICT);
    } finally {
      System.clearProperty(PrivacyMode.SYSTEM_PROPERTY);
    }
  }

  @Test
  void defaultsAreBalancedMaskFromJvmUser() {
    RedactionPolicy policy = RedactionPolicy.defaults();
    assertThat(policy.mode()).isEqualTo(PrivacyMode.BALANCED);
    assertThat(policy.format()).isEqualTo(RedactionFormat.MASK);
    assertThat(policy.maskText()).isEqualTo("[REDACTED]");
    assertThat(policy.userName()).isEqualTo(System.getProperty("user.name"));
    assertThat(Redactor.defaults().policy()).isEqualTo(policy);
  }

  @Test
  void rejectsUnknownRuleName() {
    assertThatIllegalArgumentException().isThrownBy(() -> RedactionPolicy.builder().disableRule("nope"))
        .withMessageStartingWith("unknown redaction rule 'nope' (known: sensitive-key, ");
  }

  @Test
  void rejectsMultiLineMask() {
    assertThatIllegalArgumentException().isThrownBy(() -> RedactionPolicy.builder().maskText("a\nb"));
  }

  @Test
  void toBuilderCopiesEverything() {
    RedactionPolicy policy = RedactionPolicy.builder().mode(PrivacyMode.STRICT).format(RedactionFormat.LENGTH_HINT)
        .extraSensitiveKeys("k").disableRule("email").userName("u1").homeDirectory("/h").build();
    assertThat(policy.toBuilder().build()).isEqualTo(policy);
  }
}
