package dev.runtrail.redaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RuleCatalogTest {
  @Test
  void namesAreUniqueAndDocumented() {
    assertThat(RuleCatalog.all()).extracting(RedactionRule::name).doesNotHaveDuplicates().hasSize(110);
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

  /** The README's rule tables (the rule catalog and the token families) have a row for every rule. */
  @Test
  void everyRuleHasARowInTheReadmeTables() throws IOException {
    Pattern row = Pattern.compile("^\\| `([a-z0-9-]+)`( \\(more shapes\\))? \\|", Pattern.MULTILINE);
    Matcher m = row.matcher(Files.readString(Path.of("README.md")));
    Set<String> rows = new java.util.HashSet<>();
    while (m.find()) {
      rows.add(m.group(1));
    }
    Set<String> names = RuleCatalog.all().stream().map(RedactionRule::name).collect(Collectors.toSet());
    assertThat(rows).as("README table rows").containsAll(names);
    assertThat(Files.readString(Path.of("README.md"))).contains(names.size() + " rules: ");
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
    assertThat(RuleCatalog.activeIn(PrivacyMode.STRICT)).hasSize(110);
  }

  @Test
  void unknownRuleIsReportedWithKnownNames() {
    assertThatIllegalArgumentException().isThrownBy(() -> RuleCatalog.rule("x")).withMessageContaining("jwt");
  }
}
