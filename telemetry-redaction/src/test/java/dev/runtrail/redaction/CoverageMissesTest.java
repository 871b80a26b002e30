package dev.runtrail.redaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The misses a coverage evaluation against gitleaks' rule formats found (issue 20, second round), one case
 * per shape: each token, written here from the vendor's public format (not from the engine's spec), is
 * masked bare in a log line, at a sentence's end before its '.', under a key in text and as a value under a
 * key, and is reported under the expected rule. Look-alikes that are not tokens pass untouched.
 */
class CoverageMissesTest {
  private static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  private static final String LOWER = "abcdefghijklmnopqrstuvwxyz";
  private static final String DIGITS = "0123456789";
  private static final String ALNUM = UPPER + LOWER + DIGITS;
  private static final String HEX_UPPER = "0123456789ABCDEF";
  private static final String HEX = "0123456789abcdef";

  static Stream<Arguments> misses() {
    SplittableRandom rnd = new SplittableRandom(20);
    List<Arguments> cases = new ArrayList<>();
    // 1. case and length
    cases.add(Arguments.of("twilio-api-key", "SK" + mixed(rnd, 32, HEX_UPPER)));
    cases.add(Arguments.of("twilio-api-key", "SK" + mixed(rnd, 16, HEX_UPPER) + mixed(rnd, 16, HEX)));
    cases.add(Arguments.of("flutterwave-key", "FLWSECK_TEST-" + mixed(rnd, 32, HEX_UPPER) + "-X"));
    cases.add(Arguments.of("flutterwave-key", "FLWSECK-" + mixed(rnd, 32, HEX_UPPER) + "-X"));
    cases.add(Arguments.of("flutterwave-key", "FLWSECK_TEST" + mixed(rnd, 12, HEX_UPPER)));
    cases.add(Arguments.of("square-token", "EAAA" + mixed(rnd, 22, ALNUM + "-_")));
    cases.add(Arguments.of("square-token", "EAAA" + mixed(rnd, 40, ALNUM + "-_")));
    cases.add(Arguments.of("square-token", "EAAA" + mixed(rnd, 59, ALNUM + "-_")));
    cases.add(Arguments.of("stripe-secret-key", "sk_live_" + mixed(rnd, 10, ALNUM)));
    cases.add(Arguments.of("stripe-secret-key", "rk_live_" + mixed(rnd, 12, ALNUM)));
    cases.add(Arguments.of("stripe-secret-key", "sk_test_" + mixed(rnd, 15, ALNUM)));
    cases.add(Arguments.of("stripe-secret-key", "sk_prod_" + mixed(rnd, 11, ALNUM)));
    // 3. a Typeform token at a sentence's end ('.' is in its class)
    cases.add(Arguments.of("typeform-token", "tfp_" + mixed(rnd, 59, ALNUM + "-_.")));
    // 2. new rules
    cases.add(Arguments.of("authress-access-key", "authress_" + mixed(rnd, 12, LOWER + DIGITS) + "." + mixed(rnd, 5, LOWER + DIGITS)
        + ".acc_" + mixed(rnd, 18, LOWER + DIGITS + "-") + "." + mixed(rnd, 60, LOWER + DIGITS + "+/_=-")));
    cases.add(Arguments.of("authress-access-key", "sc_" + mixed(rnd, 8, ALNUM) + "." + mixed(rnd, 4, ALNUM)
        + ".acc-" + mixed(rnd, 32, LOWER + DIGITS + "-") + "." + mixed(rnd, 30, ALNUM + "+/_=-")));
    cases.add(Arguments.of("microsoft-teams-webhook", "webhookb2/" + teamsPath(rnd)));
    cases.add(Arguments.of("jwt-base64", base64(jwt(rnd))));
    cases.add(Arguments.of("aws-access-key-id", "A3T" + mixed(rnd, 17, UPPER + DIGITS)));
    // 5. keyword-rule shapes
    cases.add(Arguments.of("plaid-access-token", "access-sandbox-" + new java.util.UUID(rnd.nextLong(), rnd.nextLong())));
    cases.add(Arguments.of("plaid-access-token", "access-production-" + new java.util.UUID(rnd.nextLong(), rnd.nextLong())));
    cases.add(Arguments.of("telegram-bot-token", "12345:A" + mixed(rnd, 34, ALNUM + "_-")));
    cases.add(Arguments.of("telegram-bot-token", "1234567890123456:A" + mixed(rnd, 34, ALNUM + "_-")));
    // 6. third round: ClickHouse Cloud, Facebook app tokens, Yandex Cloud IAM tokens, Dropbox short-lived tokens
    cases.add(Arguments.of("clickhouse-cloud-api-key", "4b1d" + mixed(rnd, 38, ALNUM)));
    cases.add(Arguments.of("facebook-access-token", "1" + String.format("%015d", rnd.nextLong(1_000_000_000_000_000L)) + "|" + mixed(rnd, 32, HEX)));
    cases.add(Arguments.of("facebook-access-token", "2" + String.format("%014d", rnd.nextLong(100_000_000_000_000L)) + "%7C" + mixed(rnd, 32, HEX)));
    cases.add(Arguments.of("yandex-iam-token", "t1." + mixed(rnd, 150, ALNUM + "_-") + "." + mixed(rnd, 86, ALNUM + "_-")));
    cases.add(Arguments.of("yandex-iam-token", "t1." + mixed(rnd, 97, ALNUM + "_-") + "=." + mixed(rnd, 86, ALNUM + "_-") + "=="));
    cases.add(Arguments.of("dropbox-short-lived-token", "sl." + mixed(rnd, 138, ALNUM + "_-")));
    cases.add(Arguments.of("dropbox-short-lived-token", "sl.B" + mixed(rnd, 129, ALNUM + "_-") + "-"));
    cases.add(Arguments.of("dropbox-short-lived-token", "sl." + mixed(rnd, 60, ALNUM + "_-") + "=" + mixed(rnd, 74, ALNUM + "_-=")));
    return cases.stream();
  }

  @org.junit.jupiter.api.Test
  void aTeamsWebhookUrlKeepsItsHost() {
    SplittableRandom rnd = new SplittableRandom(7);
    String path = "webhookb2/" + teamsPath(rnd);
    String host = "https://contoso.webhook.office.com/";
    List<String> told = new ArrayList<>();
    Redactor redactor = Redactor.of(RedactionPolicy.defaults(), told::add);
    assertThat(redactor.redact("POST " + host + path + " 200")).isEqualTo("POST " + host + "[REDACTED] 200");
    assertThat(redactor.redact("{\"webhook\": \"" + host + path + "\"}")).isEqualTo("{\"webhook\": \"" + host + "[REDACTED]\"}");
    String v2 = host + path + "/V2" + mixed(rnd, 43, ALNUM + "_-");
    assertThat(redactor.redact("url " + v2 + " ok")).isEqualTo("url " + host + "[REDACTED] ok");
    assertThat(told).containsOnly("microsoft-teams-webhook");
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "webhookb2/settings", "https://contoso.webhook.office.com/webhookb2/", "A3TB", "A3TBCDEFGHIJKLMNOPQRST", "access-sandbox-docs",
    "access-production-12345678", "live_stream", "test_0123456789abcdef0123456789abcdef", "test_pub_docs", "1234:ABCDEF",
    "ZXlK", "ZXlKaGVsbG8=", "sc_main.cfg.acc_settings", "ext_modules.build.acc-report",
    // third round look-alikes: instance types, versions, file names, hex ids, digit runs before '|' or '%'
    "t1.micro", "t1.2", "t1.medium.search", "at1.x", "sl.log", "console.sl.log", "sl.", "sl.com", "4b1d",
    "4b1d2c3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d", "4b1d-4e5f", "1234567890123456|", "1234567890123456|abc",
    "| 1234567890123456 | deadbeef |", "123456789012345%20done", "1234567890123456|0123456789abcdef0123456789abcdef0"
  })
  void newRuleLookAlikesPassUntouched(String text) {
    lookAlikesPassUntouched(text);
  }

  @org.junit.jupiter.api.Test
  void aFacebookAppTokenUnderAKeyIsMaskedPastItsBar() {
    String token = "1189727673543011|0f3a9c2b7d1e4f5a6b8c9d0e1f2a3b4c";
    Redactor redactor = Redactor.defaults();
    assertThat(redactor.redact("token: " + token + " done")).isEqualTo("token: [REDACTED] done");
    assertThat(redactor.redact("GET /oauth?access_token=" + token + "&x=1")).isEqualTo("GET /oauth?access_token=[REDACTED]&x=1");
    assertThat(redactor.redact("access_token=" + token)).isEqualTo("access_token=[REDACTED]");
    // other values still end at '|'
    assertThat(redactor.redact("token=abc123def|next")).isEqualTo("token=[REDACTED]|next");
  }

  @org.junit.jupiter.api.Test
  void aBase64BlobThatStartsLikeAnEncodedJwtButIsNotOnePasses() {
    // base64 of base64 of JSON without the JWT's two dots: a double-encoded document, not a token
    SplittableRandom rnd = new SplittableRandom(8);
    String json = "{\"name\":\"" + mixed(rnd, 60, ALNUM) + "\",\"n\":3}";
    String twice = base64(base64(json));
    assertThat(twice).startsWith("ZXlK");
    lookAlikesPassUntouched(twice);
  }

  private static String teamsPath(SplittableRandom rnd) {
    return uuid(rnd) + "@" + uuid(rnd) + "/IncomingWebhook/" + mixed(rnd, 32, HEX) + "/" + uuid(rnd);
  }

  private static String uuid(SplittableRandom rnd) {
    return new java.util.UUID(rnd.nextLong(), rnd.nextLong()).toString();
  }

  private static String jwt(SplittableRandom rnd) {
    String header = base64Url("{\"alg\":\"HS256\",\"typ\":\"JWT\"}");
    String claims = base64Url("{\"sub\":\"" + mixed(rnd, 12, ALNUM) + "\",\"iat\":1700000000}");
    return header + "." + claims + "." + mixed(rnd, 43, ALNUM + "_-");
  }

  private static String base64(String text) {
    return java.util.Base64.getEncoder().encodeToString(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  private static String base64Url(String text) {
    return java.util.Base64.getUrlEncoder().withoutPadding()
        .encodeToString(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("misses")
  void maskedBareAtASentenceEndAndUnderAKey(String ruleName, String token) {
    assertMaskedEverywhere(ruleName, token);
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "SKU 1234", "SKIPPED", "SK0123456789ABCDEF0123456789ABCDEF0", "sk_live_mode", "sk_test_helpers", "sk_live_abcdefghij",
    "rk_live_deployment", "EAAA", "EAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "FLWSECK_TEST", "FLWSECK_TESTING_MODE_ON",
    // a base64 payload that starts like a Square token: its run goes on with '+', '/' or '='
    "EAAAdGhpcyBpcyBhIHRlc3Qgb2YgYmFzZTY0+/AAAA==", "EAAAdGhpcyBpcyBhIHRlc3Qgb2Yg/base64", "EAAAdGhpcyBpcyBhIHRlc3Qgb2Y=",
    "tfp_", "tfp_docs."
  })
  void lookAlikesPassUntouched(String text) {
    for (PrivacyMode mode : PrivacyMode.values()) {
      assertThat(TestRedactors.redactor(mode).redact("value " + text + " seen")).as(mode.name())
          .isEqualTo("value " + text + " seen");
    }
  }

  /** Bare, before a sentence's '.', in key=value text and as a keyed value: masked, told {@code ruleName}. */
  static void assertMaskedEverywhere(String ruleName, String token) {
    List<String> told = new ArrayList<>();
    Redactor redactor = Redactor.of(RedactionPolicy.defaults(), told::add);
    assertThat(redactor.redact("step 3 output: " + token + " done")).isEqualTo("step 3 output: [REDACTED] done");
    assertThat(told).containsExactly(ruleName);
    assertThat(redactor.redact("The new key is " + token + ". Rotate it."))
        .isEqualTo("The new key is [REDACTED]. Rotate it.");
    assertThat(redactor.redact("rotated " + token + ".")).isEqualTo("rotated [REDACTED].");
    assertThat(redactor.redact("x_api_token = \"" + token + "\"")).doesNotContain(token).contains("[REDACTED]");
    assertThat(redactor.redact("vendor_api_token", token)).isEqualTo("[REDACTED]");
    assertThat(redactor.redact("error: " + token)).isEqualTo("error: [REDACTED]");
    assertThat(redactor.redactJson("{\"out\": \"" + token + "\", \"n\": 1}")).isEqualTo("{\"out\": \"[REDACTED]\", \"n\": 1}");
  }

  /** {@code n} chars of {@code alphabet} with at least one digit and one letter (a random draw, seeded). */
  static String mixed(SplittableRandom rnd, int n, String alphabet) {
    while (true) {
      StringBuilder b = new StringBuilder();
      for (int i = 0; i < n; i++) {
        b.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
      }
      String s = b.toString();
      boolean digit = s.chars().anyMatch(Character::isDigit);
      boolean letter = s.chars().anyMatch(Character::isLetter);
      boolean bothCases = alphabet.chars().noneMatch(Character::isLowerCase) || alphabet.chars().noneMatch(Character::isUpperCase)
          || s.chars().anyMatch(Character::isUpperCase) && s.chars().anyMatch(Character::isLowerCase);
      if (digit && letter && bothCases && Character.isLetterOrDigit(s.charAt(n - 1))) {
        return s;
      }
    }
  }
}
