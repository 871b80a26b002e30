package dev.runtrail.redaction;

import static dev.runtrail.redaction.RandomTokens.ALNUM;
import static dev.runtrail.redaction.RandomTokens.B64URL;
import static dev.runtrail.redaction.RandomTokens.BECH32;
import static dev.runtrail.redaction.RandomTokens.DIGITS;
import static dev.runtrail.redaction.RandomTokens.HEX;
import static dev.runtrail.redaction.RandomTokens.LOWER;
import static dev.runtrail.redaction.RandomTokens.random;
import static dev.runtrail.redaction.TestRedactors.minimal;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Credentials of the platforms deploy pipelines talk to (Vault, Terraform Cloud, Docker Hub, Azure AD,
 * Atlassian, Postman, Linear, Doppler, age, Mailgun): random tokens of the real shapes, in every mode.
 */
class PlatformTokenRedactionTest {

  @ParameterizedTest
  @ValueSource(strings = {"hvs.CAESIJ", "hvr."})
  void redactsVaultServiceAndRecoveryTokens(String prefix) {
    String token = prefix + random(new Random(prefix.hashCode()), 92, B64URL);
    assertThat(minimal().redact("export VAULT_TOKEN=" + token)).isEqualTo("export VAULT_TOKEN=[REDACTED]");
    assertThat(minimal().redact("vault login " + token + " -method=token")).isEqualTo("vault login [REDACTED] -method=token");
  }

  @Test
  void redactsLegacyVaultServiceToken() {
    String token = "s." + random(new Random(21), 21, ALNUM) + "Ab1";
    assertThat(minimal().redact("vault login " + token)).isEqualTo("vault login [REDACTED]");
    assertThat(minimal().redact("VAULT_TOKEN=" + token + " vault kv get x")).isEqualTo("VAULT_TOKEN=[REDACTED] vault kv get x");
    assertThat(minimal().redact("token " + token + ".")).isEqualTo("token [REDACTED].");
  }

  @Test
  void redactsVaultDevRootToken() {
    String token = "hvs." + random(new Random(22), 21, ALNUM) + "Xy7";
    assertThat(minimal().redact("Root Token: " + token)).isEqualTo("Root Token: [REDACTED]");
    assertThat(minimal().redact("vault login " + token)).isEqualTo("vault login [REDACTED]");
  }

  @Test
  void keepsCodeThatLooksLikeALegacyVaultToken() {
    String text = "s.getConfigurationManager s.setAccessibleModifier s.substring(0, 24) this.s.someVeryLongFieldNameHere"
        + " logs.abcdefghijklmnopqrstuvwx hvs.enabledForAllNamespaces hvs.example.com";
    assertThat(minimal().redact(text)).isSameAs(text);
  }

  @Test
  void redactsVaultBatchTokenButNotAShortOne() {
    Random rnd = new Random(1);
    String batch = "hvb.AAAAAQ" + random(rnd, 150, B64URL);
    String tooShort = "hvb." + random(rnd, 100, ALNUM);
    assertThat(minimal().redact("batch " + batch + " issued")).isEqualTo("batch [REDACTED] issued");
    assertThat(minimal().redact("batch " + tooShort)).isEqualTo("batch " + tooShort);
  }

  @Test
  void redactsTerraformCloudToken() {
    Random rnd = new Random(2);
    String token = random(rnd, 14, LOWER + DIGITS) + ".atlasv1." + random(rnd, 66, B64URL + "=");
    assertThat(minimal().redact("credentials \"app.terraform.io\" { token = \"" + token + "\" }"))
        .isEqualTo("credentials \"app.terraform.io\" { token = \"[REDACTED]\" }");
    assertThat(minimal().redact("TF_TOKEN " + token)).isEqualTo("TF_TOKEN [REDACTED]");
  }

  @ParameterizedTest
  @ValueSource(strings = {"dckr_pat_", "dckr_oat_"})
  void redactsDockerHubAccessTokens(String prefix) {
    String token = prefix + random(new Random(3), 27, B64URL);
    assertThat(minimal().redact("echo " + token + " | docker login -u ci --password-stdin"))
        .isEqualTo("echo [REDACTED] | docker login -u ci --password-stdin");
  }

  @Test
  void redactsAzureAdClientSecrets() {
    Random rnd = new Random(4);
    for (int length = 31; length <= 34; length++) {
      String secret = random(rnd, 3, ALNUM + "_~.") + rnd.nextInt(10) + "Q~" + random(rnd, length - 1, ALNUM + "_~.-")
          + random(rnd, 1, ALNUM);
      assertThat(minimal().redact("az login --service-principal -p " + secret + " --tenant t"))
          .isEqualTo("az login --service-principal -p [REDACTED] --tenant t");
      assertThat(minimal().redact("{\"clientSecret\":\"" + secret + "\"}")).doesNotContain(secret);
    }
  }

  @Test
  void keepsAzureLookalikesOfTheWrongLength() {
    Random rnd = new Random(5);
    String shortOne = "abc1Q~" + random(rnd, 30, ALNUM);
    String longOne = "abc1Q~" + random(rnd, 36, ALNUM);
    String text = "ids " + shortOne + " " + longOne + " and ~/work";
    assertThat(minimal().redact(text)).isSameAs(text);
  }

  @Test
  void redactsAtlassianApiToken() {
    Random rnd = new Random(6);
    String token = "ATATT3xFfGF0" + random(rnd, 170, B64URL) + "=" + random(rnd, 8, "0123456789ABCDEF");
    assertThat(minimal().redact("curl -u ci@example.com:" + token + " https://x.atlassian.net"))
        .doesNotContain(token);
    assertThat(minimal().redact("JIRA_API_TOKEN " + token + "\n")).isEqualTo("JIRA_API_TOKEN [REDACTED]\n");
  }

  @Test
  void redactsPostmanApiKey() {
    Random rnd = new Random(7);
    String key = "PMAK-" + random(rnd, 24, HEX) + "-" + random(rnd, 34, HEX);
    assertThat(minimal().redact("postman collection run c.json --api-key " + key))
        .isEqualTo("postman collection run c.json --api-key [REDACTED]");
  }

  @Test
  void redactsLinearApiKey() {
    String key = "lin_api_" + random(new Random(8), 40, ALNUM);
    assertThat(minimal().redact("LINEAR " + key + ",")).isEqualTo("LINEAR [REDACTED],");
  }

  @ParameterizedTest
  @ValueSource(strings = {"dp.pt.", "dp.st.", "dp.ct.", "dp.sa.", "dp.scim.", "dp.audit."})
  void redactsDopplerTokensOfEveryKind(String prefix) {
    String token = prefix + random(new Random(prefix.hashCode()), 43, LOWER + DIGITS);
    assertThat(minimal().redact("doppler run --token " + token + " -- ./deploy"))
        .isEqualTo("doppler run --token [REDACTED] -- ./deploy");
  }

  @Test
  void redactsAgeSecretKey() {
    String key = "AGE-SECRET-KEY-1" + random(new Random(9), 58, BECH32);
    assertThat(minimal().redact("# created: 2026-01-01\n" + key + "\n")).isEqualTo("# created: 2026-01-01\n[REDACTED]\n");
  }

  @Test
  void redactsMailgunApiKeyOnlyAtATokenStart() {
    String key = "key-" + random(new Random(10), 32, HEX);
    assertThat(minimal().redact("MG " + key + " ok")).isEqualTo("MG [REDACTED] ok");
    String glued = "monkey-" + key.substring(4);
    assertThat(minimal().redact(glued)).isSameAs(glued);
  }

  @Property(tries = 300)
  void redactsRandomTokensOfThePlatformFormats(@ForAll @IntRange(min = 0, max = 9) int format, @ForAll long seed) {
    Random rnd = new Random(seed);
    String token = switch (format) {
      case 0 -> "hvs." + random(rnd, 90 + rnd.nextInt(40), B64URL);
      case 1 -> random(rnd, 14, ALNUM) + ".atlasv1." + random(rnd, 60 + rnd.nextInt(11), B64URL + "=");
      case 2 -> "dckr_pat_" + random(rnd, 27 + rnd.nextInt(20), B64URL);
      case 3 -> random(rnd, 3, ALNUM + "_~.") + rnd.nextInt(10) + "Q~" + random(rnd, 30 + rnd.nextInt(4), ALNUM + "_~.-")
          + random(rnd, 1, ALNUM);
      case 4 -> "ATATT3" + random(rnd, 180 + rnd.nextInt(40), B64URL + "=");
      case 5 -> "PMAK-" + random(rnd, 24, HEX) + "-" + random(rnd, 34, HEX);
      case 6 -> "lin_api_" + random(rnd, 40, ALNUM);
      case 7 -> "dp.st." + random(rnd, 40 + rnd.nextInt(10), ALNUM);
      case 8 -> "AGE-SECRET-KEY-1" + random(rnd, 58, BECH32);
      default -> "key-" + random(rnd, 32, HEX);
    };
    for (PrivacyMode mode : PrivacyMode.values()) {
      assertThat(TestRedactors.redactor(mode).redact("(" + token + ")")).isEqualTo("([REDACTED])");
    }
  }

  @Test
  void reportsThePlatformRulesByName() {
    StringBuilder rules = new StringBuilder();
    Redactor redactor = Redactor.of(RedactionPolicy.defaults(), rule -> rules.append(rule).append(' '));
    Random rnd = new Random(11);
    redactor.redact("hvs." + random(rnd, 95, B64URL) + " " + random(rnd, 14, LOWER) + ".atlasv1."
        + random(rnd, 64, ALNUM) + " dckr_pat_" + random(rnd, 30, ALNUM) + " abc4Q~" + random(rnd, 34, ALNUM)
        + " ATATT3" + random(rnd, 190, ALNUM) + " PMAK-" + random(rnd, 24, HEX) + "-" + random(rnd, 34, HEX)
        + " lin_api_" + random(rnd, 40, ALNUM) + " dp.pt." + random(rnd, 43, ALNUM) + " AGE-SECRET-KEY-1"
        + random(rnd, 58, BECH32) + " key-" + random(rnd, 32, HEX));
    assertThat(rules).hasToString("vault-token terraform-cloud-token docker-hub-token azure-ad-client-secret"
        + " atlassian-api-token postman-api-key linear-api-key doppler-token age-secret-key mailgun-api-key ");
  }

  @Test
  void keepsLookalikesInProse() {
    String text = "VAULT_ADDR=https://vault.example.com hvs hvs.enabled ATATT ATATT3 dp.pt dp.st.example endpoint"
        + " app.atlasv1.json key-value key-rotation key-0123abcd dckr_pat_count lin_api_version PMAK-docs"
        + " AGE-SECRET-KEY-1 ~/app.log Q~ v1.2.3 run-20261125-083000-a1b2c3 sha256:"
        + "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    assertThat(minimal().redact(text)).isSameAs(text);
  }
}
