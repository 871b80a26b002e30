package dev.runtrail.redaction;

import static dev.runtrail.redaction.TestRedactors.balanced;
import static dev.runtrail.redaction.TestRedactors.minimal;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretRedactionTest {
  private static final String JWT = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0"
      + ".dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U";

  @Test
  void redactsJwtInsideBearerHeader() {
    assertThat(balanced().redact("curl -H 'Authorization: Bearer " + JWT + "' https://api"))
        .isEqualTo("curl -H 'Authorization: Bearer [REDACTED]' https://api");
  }

  @Test
  void redactsBareJwt() {
    assertThat(minimal().redact("id_token was " + JWT + ".")).isEqualTo("id_token was [REDACTED].");
  }

  @Test
  void redactsBearerTokenWithoutAuthorizationKey() {
    assertThat(minimal().redact("sent Bearer abcDEF123456ghi to upstream"))
        .isEqualTo("sent Bearer [REDACTED] to upstream");
  }

  @Test
  void keepsBearerInProse() {
    String text = "the API uses Bearer authentication";
    assertThat(minimal().redact(text)).isSameAs(text);
  }

  @Test
  void keepsBasicBeforeWordsThatAreNoBase64() {
    String text = "## Basic Node-API data types; Basic HTTP_AUTH setup";
    assertThat(minimal().redact(text)).isSameAs(text);
  }

  @Test
  void redactsBasicCredentials() {
    assertThat(minimal().redact("Authorization: Basic dXNlcjpwYXNzd29yZA=="))
        .isEqualTo("Authorization: Basic [REDACTED]");
  }

  @Test
  void redactsAwsAccessKeyId() {
    assertThat(minimal().redact("key AKIAIOSFODNN7EXAMPLE used")).isEqualTo("key [REDACTED] used");
  }

  @Test
  void redactsGithubClassicToken() {
    assertThat(minimal().redact("GITHUB_TOKEN ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789 set"))
        .isEqualTo("GITHUB_TOKEN [REDACTED] set");
  }

  @Test
  void redactsGithubFineGrainedToken() {
    String token = "github_pat_11ABCDEFG0123456789abcd_" + "x".repeat(30) + "Y1".repeat(15);
    assertThat(minimal().redact("push with " + token)).isEqualTo("push with [REDACTED]");
  }

  @Test
  void redactsGitlabToken() {
    assertThat(minimal().redact("token glpat-xYz1234567890abcdEFGH.")).isEqualTo("token [REDACTED].");
  }

  @Test
  void redactsSlackToken() {
    assertThat(minimal().redact("slack xoxb-12345678901-123456789012-AbCdEfGhIjKlMnOpQrStUvWx"))
        .isEqualTo("slack [REDACTED]");
  }

  @Test
  void redactsStripeSecretKey() {
    assertThat(minimal().redact("stripe sk_live_4eC39HqLyjWDarjtT1zdp7dc")).isEqualTo("stripe [REDACTED]");
  }

  @Test
  void redactsGoogleApiKey() {
    assertThat(minimal().redact("maps AIzaSyDaGmWKa4JsXZ-HjGw7ISLn_3namBGewQe ok")).isEqualTo("maps [REDACTED] ok");
  }

  @Test
  void redactsNpmToken() {
    assertThat(minimal().redact("//registry.npmjs.org/:_authToken npm_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789"))
        .endsWith(" [REDACTED]");
  }

  @Test
  void redactsOpenAiProjectKey() {
    assertThat(minimal().redact("OPENAI sk-proj-Ab3dEfGhIjKlMnOpQrStUvWxYz0123456789abcd"))
        .isEqualTo("OPENAI [REDACTED]");
  }

  @Test
  void redactsAnthropicKey() {
    assertThat(minimal().redact("key sk-ant-api03-" + "Ab1_-".repeat(18) + "AA")).isEqualTo("key [REDACTED]");
  }

  @Test
  void keepsKebabWordsStartingWithSk() {
    String text = "installed sk-learn-compatible-wrapper-module-version";
    assertThat(minimal().redact(text)).isSameAs(text);
  }

  @Test
  void redactsPemPrivateKeyBlockThroughFooter() {
    String pem = "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAx\nabc+/=\n-----END RSA PRIVATE KEY-----";
    assertThat(minimal().redact("key:\n" + pem + "\ndone")).isEqualTo("key:\n[REDACTED]\ndone");
  }

  @Test
  void redactsTruncatedPemBody() {
    assertThat(minimal().redact("-----BEGIN OPENSSH PRIVATE KEY-----\\nb3BlbnNzaC1rZXktdjEAAAAA\"}"))
        .isEqualTo("[REDACTED]\"}");
  }

  @Test
  void keepsCertificates() {
    String cert = "-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIU\n-----END CERTIFICATE-----";
    assertThat(minimal().redact(cert)).isSameAs(cert);
  }

  @Test
  void redactsOnlyThePasswordOfUrlCredentials() {
    assertThat(minimal().redact("postgres://app:S3cr3tPw@db.internal:5432/app"))
        .isEqualTo("postgres://app:[REDACTED]@db.internal:5432/app");
  }

  @Test
  void redactsTokenUsedAsUrlUserName() {
    assertThat(minimal().redact("https://Xy9kLmN0pQrStUvW1234abcd@github.com/org/repo.git"))
        .isEqualTo("https://[REDACTED]@github.com/org/repo.git");
  }

  @Test
  void redactsJdbcPasswordParameter() {
    assertThat(minimal().redact("jdbc:postgresql://db:5432/app?user=app&password=hunter2&ssl=true"))
        .isEqualTo("jdbc:postgresql://db:5432/app?user=app&password=[REDACTED]&ssl=true");
  }

  @Test
  void redactsAzureAccountKey() {
    assertThat(minimal().redact("AccountName=acct;AccountKey=abc+def/ghi==;EndpointSuffix=core.windows.net"))
        .isEqualTo("AccountName=acct;AccountKey=[REDACTED];EndpointSuffix=core.windows.net");
  }

  @Test
  void reportsConnectionStringRuleForJdbcPassword() {
    StringBuilder rules = new StringBuilder();
    Redactor.of(RedactionPolicy.defaults(), rules::append).redact("Server=x;Password=p4ss;");
    assertThat(rules).hasToString("connection-string-secret");
  }

  @Test
  void redactsOnlyTheMatchedPartOfAValue() {
    assertThat(minimal().redact("deploy failed: token ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789 expired at 10:22"))
        .isEqualTo("deploy failed: token [REDACTED] expired at 10:22");
  }
}
