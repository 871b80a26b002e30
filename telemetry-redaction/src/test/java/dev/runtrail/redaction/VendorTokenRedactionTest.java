package dev.runtrail.redaction;

import static dev.runtrail.redaction.RandomTokens.ALNUM;
import static dev.runtrail.redaction.RandomTokens.B64URL;
import static dev.runtrail.redaction.RandomTokens.HEX;
import static dev.runtrail.redaction.RandomTokens.LOWER;
import static dev.runtrail.redaction.RandomTokens.UPPER;
import static dev.runtrail.redaction.RandomTokens.random;
import static dev.runtrail.redaction.TestRedactors.minimal;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Vendor token formats beyond the first catalog: random tokens of the real shapes, in every mode. */
class VendorTokenRedactionTest {

  /** The scanner's gate before '_' and '-' looks at the prefix's last chars: every prefix must get through. */
  @ParameterizedTest
  @ValueSource(strings = {"ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_", "sk_live_", "rk_live_", "sk_test_",
      "rk_test_", "whsec_", "npm_", "glpat-", "gldt-", "glptt-", "glrt-", "glcbt-", "glft-", "glimt-", "glagent-",
      "gloas-", "glsoat-", "xoxb-", "xoxp-", "xoxa-", "xoxr-", "xoxs-", "xoxe-", "xapp-", "sk-", "sk-ant-", "dckr_pat_", "dckr_oat_"})
  void redactsEveryPrefixWithAnOpenEndedBody(String prefix) {
    String token = prefix + "Ab1" + random(new Random(prefix.hashCode()), 57, ALNUM);
    for (String before : new String[] {"", " ", "=", "\"", "(", "\n"}) {
      assertThat(minimal().redact(before + token + " x")).isEqualTo(before + "[REDACTED] x");
    }
  }

  @Test
  void masksOnlyTheSecretPathOfASlackWebhook() {
    String url = "https://hooks.slack.com/services/T024BE7LD/B07QJ1R9XMK/" + random(new Random(1), 24, ALNUM);
    assertThat(minimal().redact("posting to " + url + " failed: 404"))
        .isEqualTo("posting to https://hooks.slack.com/services/[REDACTED] failed: 404");
  }

  @Test
  void masksSlackWorkflowAndTriggerWebhooks() {
    Random rnd = new Random(2);
    String workflow = "https://hooks.slack.com/workflows/T024BE7LD/A05MZ1Y2K3P/472905364189235012/"
        + random(rnd, 24, ALNUM);
    String trigger = "https://hooks.slack.com/triggers/T024BE7LD/5832047712345/" + random(rnd, 32, HEX);
    assertThat(minimal().redact(workflow + " " + trigger)).isEqualTo(
        "https://hooks.slack.com/workflows/[REDACTED] https://hooks.slack.com/triggers/[REDACTED]");
  }

  @Test
  void redactsSlackWebhookWithoutScheme() {
    String secret = "T024BE7LD/B07QJ1R9XMK/" + random(new Random(13), 24, ALNUM);
    assertThat(minimal().redact("SLACK_WEBHOOK=hooks.slack.com/services/" + secret + " set"))
        .isEqualTo("SLACK_WEBHOOK=hooks.slack.com/services/[REDACTED] set");
    assertThat(minimal().redact("curl -X POST hooks.slack.com/services/" + secret))
        .isEqualTo("curl -X POST hooks.slack.com/services/[REDACTED]");
  }

  @Test
  void keepsSlackUrlsWithoutASecretPath() {
    String text = "see https://hooks.slack.com/ and https://hooks.slack.com/services/ or"
        + " https://api.slack.com/messaging/webhooks and https://hooks.slack.com/apps/A0F7XDUAZ";
    assertThat(minimal().redact(text)).isSameAs(text);
  }

  @Test
  void redactsSendGridApiKey() {
    Random rnd = new Random(3);
    String key = "SG." + random(rnd, 22, B64URL) + "." + random(rnd, 43, B64URL);
    assertThat(minimal().redact("SENDGRID " + key + " rejected")).isEqualTo("SENDGRID [REDACTED] rejected");
  }

  @Test
  void redactsHuggingFaceToken() {
    String token = "hf_" + random(new Random(4), 34, UPPER + LOWER);
    assertThat(minimal().redact("huggingface-cli login --token " + token)).endsWith(" [REDACTED]");
    assertThat(minimal().redact("token=" + token + ",model=x")).doesNotContain(token);
  }

  @ParameterizedTest
  @ValueSource(strings = {"dop_v1_", "doo_v1_", "dor_v1_"})
  void redactsDigitalOceanTokens(String prefix) {
    String token = prefix + random(new Random(5), 64, HEX);
    assertThat(minimal().redact("doctl auth init -t " + token)).isEqualTo("doctl auth init -t [REDACTED]");
  }

  @ParameterizedTest
  @ValueSource(strings = {"shpat_", "shpss_", "shpca_", "shppa_"})
  void redactsShopifyTokens(String prefix) {
    String token = prefix + random(new Random(6), 32, HEX);
    assertThat(minimal().redact("X-Shopify-Access " + token + ";")).isEqualTo("X-Shopify-Access [REDACTED];");
  }

  @Test
  void redactsPypiUploadToken() {
    String token = "pypi-AgEIcHlwaS5vcmcCJD" + random(new Random(7), 160, B64URL);
    assertThat(minimal().redact("twine upload -p " + token + " dist/*")).isEqualTo("twine upload -p [REDACTED] dist/*");
  }

  @Test
  void redactsGoogleOAuthAccessTokens() {
    Random rnd = new Random(8);
    String user = "ya29.a0AfB_by" + random(rnd, 160, B64URL) + "0171";
    String serviceAccount = "ya29.c.c0ASRK0Ga" + random(rnd, 120, B64URL) + "." + random(rnd, 40, B64URL) + "Q";
    assertThat(minimal().redact("got " + user + ". then " + serviceAccount + "."))
        .isEqualTo("got [REDACTED]. then [REDACTED].");
  }

  @Test
  void redactsDatabricksTokenWithAndWithoutSuffix() {
    Random rnd = new Random(9);
    String plain = "dapi" + random(rnd, 32, HEX);
    String suffixed = "dapi" + random(rnd, 32, HEX) + "-3";
    assertThat(minimal().redact("\"" + plain + "\" '" + suffixed + "'")).isEqualTo("\"[REDACTED]\" '[REDACTED]'");
  }

  @Test
  void redactsGrafanaServiceAccountToken() {
    Random rnd = new Random(10);
    String token = "glsa_" + random(rnd, 32, ALNUM) + "_" + random(rnd, 8, HEX);
    assertThat(minimal().redact("GF token " + token + " ok")).isEqualTo("GF token [REDACTED] ok");
  }

  @Test
  void redactsGrafanaCloudTokenWithPadding() {
    String json = "{\"o\":\"1011452\",\"n\":\"stack-880123-hm-read-alloy\",\"k\":\"" + random(new Random(11), 24, ALNUM)
        + "\",\"m\":{\"r\":\"prod-us-east-0\"}}";
    String token = "glc_" + Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    assertThat(minimal().redact("GRAFANA " + token + " set")).isEqualTo("GRAFANA [REDACTED] set");
  }

  @Property(tries = 300)
  void redactsRandomOpenAiKeysOfEveryKind(@ForAll @IntRange(min = 0, max = 2) int kind,
      @ForAll @IntRange(min = 120, max = 180) int length, @ForAll long seed) {
    String key = new String[] {"sk-proj-", "sk-svcacct-", "sk-admin-"}[kind] + random(new Random(seed), length, B64URL);
    for (PrivacyMode mode : PrivacyMode.values()) {
      assertThat(TestRedactors.redactor(mode).redact("OPENAI_KEY " + key + "\n")).isEqualTo("OPENAI_KEY [REDACTED]\n");
    }
  }

  @Property(tries = 200)
  void redactsRandomTokensOfTheNewFormats(@ForAll @IntRange(min = 0, max = 8) int format, @ForAll long seed) {
    Random rnd = new Random(seed);
    String token = switch (format) {
      case 0 -> "SG." + random(rnd, 22, B64URL) + "." + random(rnd, 43, B64URL);
      case 1 -> "hf_" + random(rnd, 34 + rnd.nextInt(6), UPPER + LOWER) + "Ab";
      case 2 -> "dop_v1_" + random(rnd, 64, HEX);
      case 3 -> "shpat_" + random(rnd, 32, HEX);
      case 4 -> "pypi-AgEIcHlwaS5vcmc" + random(rnd, 50 + rnd.nextInt(200), B64URL) + "A";
      case 5 -> "ya29." + random(rnd, 20 + rnd.nextInt(200), B64URL) + "A";
      case 6 -> "dapi" + random(rnd, 32, HEX);
      case 7 -> "glsa_" + random(rnd, 32, ALNUM) + "_" + random(rnd, 8, HEX);
      default -> "glc_" + Base64.getEncoder().encodeToString(random(rnd, 24 + rnd.nextInt(100), ALNUM)
          .getBytes(StandardCharsets.US_ASCII));
    };
    for (PrivacyMode mode : PrivacyMode.values()) {
      assertThat(TestRedactors.redactor(mode).redact("(" + token + ")")).isEqualTo("([REDACTED])");
    }
  }

  @Test
  void reportsTheNewRulesByName() {
    StringBuilder rules = new StringBuilder();
    Redactor redactor = Redactor.of(RedactionPolicy.defaults(), rule -> rules.append(rule).append(' '));
    Random rnd = new Random(12);
    redactor.redact("https://hooks.slack.com/services/T0/B0/" + random(rnd, 24, ALNUM) + " dapi" + random(rnd, 32, HEX)
        + " ya29." + random(rnd, 40, B64URL) + "x");
    assertThat(rules).hasToString("slack-webhook-url databricks-token google-oauth-access-token ");
  }

  @Test
  void redactsTwilioApiKeySid() {
    String sid = "SK" + random(new Random(14), 32, HEX);
    assertThat(minimal().redact("twilio api:core:keys:fetch --sid " + sid + " ok"))
        .isEqualTo("twilio api:core:keys:fetch --sid [REDACTED] ok");
    assertThat(minimal().redact("TWILIO_API_KEY=" + sid)).isEqualTo("TWILIO_API_KEY=[REDACTED]");
  }

  @Test
  void keepsTwilioAccountAndMessageSids() {
    Random rnd = new Random(15);
    String text = "AccountSid=AC" + random(rnd, 32, HEX) + " MessageSid SM" + random(rnd, 32, HEX) + " CallSid: CA"
        + random(rnd, 32, HEX) + " SKU-12345 SK" + random(rnd, 31, HEX) + " SK" + random(rnd, 33, HEX).toUpperCase();
    assertThat(minimal().redact(text)).isSameAs(text);
  }

  @Test
  void redactsUpperCaseTwilioApiKeySid() {
    // Twilio prints lower case; an upper-cased copy (env files, gitleaks' SK[0-9a-fA-F]{32}) is still the key.
    String sid = "SK" + random(new Random(15), 32, HEX).toUpperCase();
    assertThat(minimal().redact("sid " + sid + " ok")).isEqualTo("sid [REDACTED] ok");
  }

  @Test
  void redactsDiscordBotToken() {
    Random rnd = new Random(16);
    String id = Base64.getEncoder().withoutPadding()
        .encodeToString(("1" + random(rnd, 18, RandomTokens.DIGITS)).getBytes(StandardCharsets.US_ASCII));
    String token = id + "." + random(rnd, 6, B64URL) + "." + random(rnd, 38, B64URL);
    assertThat(minimal().redact("logging in with " + token + " as bot")).isEqualTo("logging in with [REDACTED] as bot");
    assertThat(minimal().redact("Authorization: Bot " + token)).isEqualTo("Authorization: Bot [REDACTED]");
  }

  @Test
  void redactsHerokuApiKey() {
    String key = "HRKU-AA" + random(new Random(17), 58, B64URL);
    assertThat(minimal().redact("heroku authorizations:create => " + key + "\n"))
        .isEqualTo("heroku authorizations:create => [REDACTED]\n");
  }

  @ParameterizedTest
  @ValueSource(strings = {"NRAK-", "NRII-", "NRJS-"})
  void redactsNewRelicKeys(String prefix) {
    Random rnd = new Random(prefix.hashCode());
    String body = switch (prefix) {
      case "NRAK-" -> random(rnd, 27, UPPER + RandomTokens.DIGITS);
      case "NRII-" -> random(rnd, 30, ALNUM) + "-" + random(rnd, 1, ALNUM);
      default -> random(rnd, 19, HEX);
    };
    assertThat(minimal().redact("newrelic key " + prefix + body + ".")).isEqualTo("newrelic key [REDACTED].");
  }

  @Test
  void redactsGoogleOAuthClientSecret() {
    String secret = "GOCSPX-" + random(new Random(18), 28, B64URL);
    assertThat(minimal().redact("oauth client created, secret " + secret)).isEqualTo("oauth client created, secret [REDACTED]");
  }

  @Test
  void redactsMailchimpApiKey() {
    String key = random(new Random(19), 32, HEX) + "-us21";
    assertThat(minimal().redact("mailchimp " + key + " rejected")).isEqualTo("mailchimp [REDACTED] rejected");
  }

  @Test
  void keepsMailchimpAndNewRelicLookalikes() {
    Random rnd = new Random(20);
    String text = "region us-east-1 locale en-us " + random(rnd, 32, HEX) + "-usage NRAK-docs NRJS-" + random(rnd, 12, HEX)
        + " GOCSPX-short run-" + random(rnd, 40, HEX) + "-us1x";
    assertThat(minimal().redact(text)).isSameAs(text);
  }

  @Test
  void keepsDiscordLookalikes() {
    String text = "OTLP exporter, OTel SDK, MDC keys, NTP sync, MTU 1500, ODBC driver, Main.java:12,"
        + " MTAwMDAwMDAwMDAwMDAwMDAwMA.short.x NzE0.abcdef.ghijklmnopqrstuvwxyz0123456789";
    assertThat(minimal().redact(text)).isSameAs(text);
  }

  @Test
  void keepsLookalikesInProse() {
    String text = "hf_model=bert-base hf_hub_download dapi_version=2 dapi SG. Smith signed; ya29 expired;"
        + " ya29.short MSG.send shpat_count=3 glsa_enabled=true glc_region=us pypi-upload dop_v1_enabled"
        + " sk-proj-readme sk-admin-console-settings-page-for-the-organisation update data";
    assertThat(minimal().redact(text)).isSameAs(text);
  }
}
