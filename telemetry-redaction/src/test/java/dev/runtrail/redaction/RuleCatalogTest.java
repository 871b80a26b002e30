package dev.runtrail.redaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RuleCatalogTest {
  @Test
  void namesAreUniqueAndDocumented() {
    assertThat(RuleCatalog.all()).extracting(RedactionRule::name).doesNotHaveDuplicates().hasSize(107);
    assertThat(RuleCatalog.all()).allSatisfy(rule -> {
      assertThat(rule.description()).isNotBlank();
      assertThat(rule.shape()).isNotBlank();
    });
  }

  @Test
  void everyExampleIsCaughtInEveryModeThatCoversItsRule() {
    SplittableRandom rnd = new SplittableRandom(7);
    for (PrivacyMode mode : PrivacyMode.values()) {
      for (RedactionRule rule : RuleCatalog.activeIn(mode)) {
        RedactionRule.Example example = rule.example(rnd);
        String userName = rule.name().equals("user-name") ? example.secret() : "alice";
        Redactor redactor = Redactor.of(TestRedactors.policy(mode).userName(userName).build());
        assertThat(redactor.redact(example.text())).as(rule + " in " + mode).doesNotContain(example.secret());
      }
    }
  }

  @Test
  void examplesAreFresh() {
    SplittableRandom rnd = new SplittableRandom(1);
    RedactionRule rule = RuleCatalog.rule("github-token");
    assertThat(rule.exampleSecret(rnd)).isNotEqualTo(rule.exampleSecret(rnd));
  }

  @Test
  void secretsAreActiveInEveryMode() {
    assertThat(RuleCatalog.activeIn(PrivacyMode.MINIMAL)).extracting(RedactionRule::category)
        .containsOnly(RuleCategory.CREDENTIAL);
    assertThat(RuleCatalog.activeIn(PrivacyMode.STRICT)).hasSize(107);
  }

  @Test
  void unknownRuleIsReportedWithKnownNames() {
    assertThatIllegalArgumentException().isThrownBy(() -> RuleCatalog.rule("x")).withMessageContaining("jwt");
  }
}
