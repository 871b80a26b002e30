package dev.runtrail.testkit;

import static dev.runtrail.testkit.RuntrailAssertions.assertThat;
import static dev.runtrail.testkit.RuntrailAssertions.assertThatThrownBy;

import dev.runtrail.redaction.PrivacyMode;
import dev.runtrail.redaction.RedactionPolicy;
import dev.runtrail.redaction.Redactor;
import dev.runtrail.redaction.RuleCatalog;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

@RuntrailTest
class CanariesTest {

  @Test
  void everyKindTheTestsPolicyRedactsIsOfferedButUserName(Captured captured) {
    assertThat(captured.canary().kinds())
        .hasSize(RuleCatalog.activeIn(PrivacyMode.BALANCED).size())
        .contains("github-token", "aws-access-key-id", "jwt", "pem-private-key", "email", "home-path")
        .doesNotContain("user-name", "ipv4-address");
  }

  @Test
  void theTestsOwnRedactorCatchesEveryCanary(Captured captured) {
    Redactor redactor = Redactor.of(captured.redactionPolicy());
    for (Canary canary : captured.canary().all()) {
      assertThat(redactor.redact(canary.text())).as(canary.kind() + ": " + canary.text())
          .doesNotContain(canary.secret());
    }
  }

  @Test
  void everyCanaryIsNewAndRegisteredForTheLeakScan(Captured captured) {
    Set<String> secrets = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      assertThat(secrets.add(captured.canary().githubToken().secret())).isTrue();
    }
    List<Canary> all = captured.canary().all();
    assertThat(captured.canaries()).hasSize(200 + all.size()).containsAll(all);
  }

  @Test
  void namedCanariesHaveTheirShape(Captured captured) {
    Canaries canary = captured.canary();
    assertThat(canary.githubToken().secret()).matches("gh[pousr]_[A-Za-z0-9]{36}");
    assertThat(canary.awsAccessKeyId().secret()).matches("(AKIA|ASIA)[A-Z2-7]{16}");
    assertThat(canary.jwt().secret()).startsWith("eyJ");
    assertThat(canary.privateKey().text()).contains("PRIVATE KEY-----");
    Canary database = canary.databaseUrl();
    assertThat(database.text()).contains("://").contains(":" + database.secret() + "@");
    Canary password = canary.password();
    assertThat(password.text()).contains(password.secret()).isNotEqualTo(password.secret());
    assertThat(canary.authorizationHeader().text()).matches("(Bearer|Basic) .+");
    assertThat(canary.email().secret()).contains("@");
    assertThat(List.of(canary.githubFineGrainedToken(), canary.gitlabToken(), canary.slackToken(),
        canary.stripeSecretKey(), canary.googleApiKey(), canary.npmToken(), canary.openAiApiKey(),
        canary.anthropicApiKey(), canary.connectionString(), canary.cardNumber()))
        .extracting(Canary::kind)
        .containsExactly("github-fine-grained-token", "gitlab-token", "slack-token", "stripe-secret-key",
            "google-api-key", "npm-token", "openai-api-key", "anthropic-api-key", "connection-string-secret",
            "card-number");
  }

  @Test
  void aCanaryReadsAsItsTextSoItDropsIntoStrings(Captured captured) {
    Canary token = captured.canary().githubToken();
    assertThat("token " + token).isEqualTo("token " + token.text());
    assertThat(token.label()).isEqualTo("github-token canary '" + token.secret().substring(0, 8) + "…'");
  }

  @Test
  void kindsMayBeWrittenWithUnderscoresOrCapitals(Captured captured) {
    assertThat(captured.canary().of("AWS_ACCESS_KEY_ID").kind()).isEqualTo("aws-access-key-id");
  }

  @Test
  void anUnknownKindNamesTheKnownOnes(Captured captured) {
    assertThatThrownBy(() -> captured.canary().of("github_classic_token"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Unknown canary kind 'github_classic_token' (known: sensitive-key, aws-access-key-id,"
            + " github-token");
  }

  @Test
  void userNameCanariesAreRefused(Captured captured) {
    assertThatThrownBy(() -> captured.canary().of("user-name"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("only catches the policy's own user name");
  }

  @Test
  void aKindWhoseRuleIsDisabledIsRefused() {
    Canaries canaries = new Canaries(RedactionPolicy.builder().disableRule("jwt").build(), 42L);
    assertThat(canaries.kinds()).doesNotContain("jwt");
    assertThatThrownBy(canaries::jwt)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Canary kind 'jwt' is not redacted under this test's policy (the rule is disabled)");
  }
}
