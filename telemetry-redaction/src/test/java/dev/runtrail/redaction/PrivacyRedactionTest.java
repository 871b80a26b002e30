package dev.runtrail.redaction;

import static dev.runtrail.redaction.TestRedactors.balanced;
import static dev.runtrail.redaction.TestRedactors.minimal;
import static dev.runtrail.redaction.TestRedactors.strict;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PrivacyRedactionTest {
  @Test
  void redactsLuhnValidCardNumbers() {
    assertThat(minimal().redact("paid with 4111 1111 1111 1111, 5500-0000-0000-0004 and 378282246310005"))
        .isEqualTo("paid with [REDACTED], [REDACTED] and [REDACTED]");
  }

  @Test
  void keepsLuhnInvalidDigitRuns() {
    String text = "order 4111111111111112 and epoch 1726827751123 and 1726827751123456789";
    assertThat(minimal().redact(text)).isSameAs(text);
  }

  @ParameterizedTest
  @CsvSource({"4,13", "4,16", "51,16", "55,16", "2221,16", "2720,16", "34,15", "37,15", "36,14", "38,14", "30,14",
      "6011,16", "65,16", "644,16", "35,16", "62,16"})
  void redactsPlainCardNumbersOfTheirIssuersLength(String prefix, int length) {
    String card = RandomTokens.luhnValid(new Random(prefix.hashCode() + length), prefix, length);
    assertThat(minimal().redact("charged " + card + " ok")).isEqualTo("charged [REDACTED] ok");
  }

  @Test
  void redactsGroupedNineteenDigitCard() {
    String card = RandomTokens.luhnValid(new Random(19), "4", 19);
    String grouped = card.substring(0, 4) + " " + card.substring(4, 8) + " " + card.substring(8, 12) + " "
        + card.substring(12, 16) + " " + card.substring(16);
    assertThat(minimal().redact("paid with " + grouped)).isEqualTo("paid with [REDACTED]");
  }

  @Test
  void keepsLuhnValidLongNumericIdsInFreeText() {
    Random rnd = new Random(3);
    for (int length = 17; length <= 19; length++) {
      for (String prefix : new String[] {"4", "5", "6", "3", "2"}) {
        String id = RandomTokens.luhnValid(rnd, prefix, length);
        String text = "order " + id + " created, event at " + id + " ns";
        assertThat(minimal().redact(text)).as(id).isSameAs(text);
      }
    }
  }

  @Test
  void keepsLuhnValidNumbersOfNoIssuersLength() {
    Random rnd = new Random(4);
    String amexPrefixedSixteen = RandomTokens.luhnValid(rnd, "37", 16);
    String visaFourteen = RandomTokens.luhnValid(rnd, "4", 14);
    String mastercardFifteen = RandomTokens.luhnValid(rnd, "52", 15);
    String text = "ids " + amexPrefixedSixteen + " " + visaFourteen + " " + mastercardFifteen;
    assertThat(minimal().redact(text)).isSameAs(text);
  }

  @Test
  void keepsEpochNanosTimestamps() {
    String text = "startTimeUnixNano=1733300000123456789 at 1733300000123456789 \"ts\": \"4733300000123456785\"";
    assertThat(minimal().redact(text)).isSameAs(text);
  }

  @ParameterizedTest
  @ValueSource(strings = {"card_number", "cardNumber", "credit_card", "cc_number", "card_no", "pan"})
  void redactsAnyCardUnderCardKey(String key) {
    String card = RandomTokens.luhnValid(new Random(5), "4", 19);
    assertThat(minimal().redact(key + "=" + card + " amount=12")).isEqualTo(key + "=[REDACTED] amount=12");
  }

  @Test
  void keepsCardShapedSpanIdInText() {
    String text = "span_id=4111111111111111 traceparent 00-4bf92f3577b34da6a3ce929d0e0e4736-4111111111111111-01";
    assertThat(minimal().redact(text)).isSameAs(text);
  }

  @Test
  void redactsEmailInBalancedButNotMinimal() {
    String text = "notified jane.doe@example.com";
    assertThat(balanced().redact(text)).isEqualTo("notified [REDACTED]");
    assertThat(minimal().redact(text)).isSameAs(text);
  }

  @Test
  void keepsGitSshRemoteAndObjectIdentity() {
    String text = "cloning git@github.com:org/repo.git into Foo@1b6d3586";
    assertThat(balanced().redact(text)).isSameAs(text);
  }

  @Test
  void anonymizesHomePathsForAnyUser() {
    assertThat(balanced().redact("read /home/bob/app.yml and /Users/carol/x.log"))
        .isEqualTo("read ~/app.yml and ~/x.log");
  }

  @Test
  void anonymizesWindowsHomePath() {
    assertThat(balanced().redact("C:\\Users\\dave\\AppData\\app.log")).isEqualTo("~\\AppData\\app.log");
    assertThat(balanced().redact("{\"p\":\"C:\\\\Users\\\\dave\\\\x\"}")).isEqualTo("{\"p\":\"~\\\\x\"}");
  }

  @Test
  void anonymizesConfiguredHomeDirectory() {
    Redactor redactor = Redactor.of(RedactionPolicy.builder().homeDirectory("/var/lib/jenkins").build());
    assertThat(redactor.redact("wrote /var/lib/jenkins/workspace/x")).isEqualTo("wrote ~/workspace/x");
    assertThat(redactor.redact("/var/lib/jenkinsfile")).isEqualTo("/var/lib/jenkinsfile");
  }

  @Test
  void keepsPathsOutsideHomes() {
    String text = "wrote /var/log/app.log and /var/home/x and src/main/java/App.java";
    assertThat(balanced().redact(text)).isSameAs(text);
  }

  @Test
  void minimalModeKeepsHomePaths() {
    String text = "read /home/bob/app.yml";
    assertThat(minimal().redact(text)).isSameAs(text);
  }

  @Test
  void strictReplacesUserNameAsWholeWord() {
    assertThat(strict().redact("started by alice; malice and alice_bot stay")).isEqualTo(
        "started by <user>; malice and alice_bot stay");
  }

  @ParameterizedTest
  @ValueSource(strings = {"password authentication failed for user: trace_id=0000c01031b5878da09659d3d89009b3",
      "login: request_id=r-42 rejected", "user: span-id=00f067aa0ba902b7", "email = run_id: run-20251201-101500-a1b2c3"})
  void strictJudgesAPairUnderAPersonalKeyByItsOwnKey(String text) {
    assertThat(strict().redact(text)).isSameAs(text);
  }

  @Test
  void strictStillMasksOtherValuesUnderAPersonalKey() {
    assertThat(strict().redact("user: alice, login: status=active, email: trace_id"))
        .isEqualTo("user: [REDACTED], login: [REDACTED], email: [REDACTED]");
  }

  @Test
  void strictRedactsIpAddresses() {
    assertThat(strict().redact("from 10.1.2.3 and 2001:db8::8a2e:370:7334 at 10:22:31"))
        .isEqualTo("from [REDACTED] and [REDACTED] at 10:22:31");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Chrome/131.0.0.0", "Mozilla/5.0 (X11) Chrome/131.0.0.0 Safari/537.36", "MyApp/2.3.4.5 (iPhone)",
      "version=1.2.3.4", "app_version: 2.14.0.1", "\"version\": \"1.0.0.0\"", "Version=\"13.0.3.1\"",
      "AssemblyVersion(\"1.0.0.0\")", "version 4.18.2.1", "build=1.0.0.123", "release=10.0.0.1",
      "\"release\": \"10.0.0.1\"", "firmware: 1.0.4.2"})
  void keepsFourPartVersionsInStrictMode(String text) {
    assertThat(strict().redact(text)).isSameAs(text);
  }

  @Test
  void keepsChromeVersionInStrictMode() {
    String ua = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0"
        + " Safari/537.36";
    assertThat(strict().redact("User-Agent: " + ua)).isEqualTo("User-Agent: " + ua);
  }

  @ParameterizedTest
  @ValueSource(strings = {"GET /hosts/10.1.2.3", "http://10.1.2.3/x", "upstream api/10.1.2.3:8080", "peer=10.1.2.3",
      "host 10.1.2.3", "version from 10.1.2.3", "release 10.1.2.3", "build (10.1.2.3)", "kernel '10.1.2.3'",
      "deployed release\t10.1.2.3"})
  void stillRedactsAddressesThatAreNoVersion(String text) {
    assertThat(strict().redact(text)).doesNotContain("10.1.2.3");
  }

  @Test
  void balancedKeepsIpAddresses() {
    String text = "from 10.1.2.3";
    assertThat(balanced().redact(text)).isSameAs(text);
  }

  @Test
  void lengthHintReportsLength() {
    Redactor redactor = Redactor.of(RedactionPolicy.builder().format(RedactionFormat.LENGTH_HINT).build());
    assertThat(redactor.redact("key AKIAIOSFODNN7EXAMPLE")).isEqualTo("key <redacted:20chars>");
    assertThat(redactor.redact("password", "hunter2")).isEqualTo("<redacted:7chars>");
  }

  @Test
  void usesCustomMaskText() {
    Redactor redactor = Redactor.of(RedactionPolicy.builder().maskText("***").build());
    assertThat(redactor.redact("password=x1")).isEqualTo("password=***");
  }

  @Test
  void returnsSameInstanceWhenClean() {
    String text = "2025-09-20T10:22:31Z INFO step main/deploy/api finished exit_code=0";
    assertThat(balanced().redact(text)).isSameAs(text);
  }

  @Test
  void isIdempotent() {
    String once = strict().redact("password=x https://u:p@h alice 10.0.0.1 jo@example.com /home/bob/x");
    assertThat(strict().redact(once)).isEqualTo(once);
  }

  @Test
  void disabledRuleDoesNotFire() {
    Redactor redactor = Redactor.of(RedactionPolicy.builder().disableRule("email").build());
    String text = "jo@example.com";
    assertThat(redactor.redact(text)).isSameAs(text);
  }

  @Test
  void listenerIsToldRuleNames() {
    StringBuilder seen = new StringBuilder();
    Redactor redactor = Redactor.of(RedactionPolicy.defaults(), rule -> seen.append(rule).append(' '));
    redactor.redact("AKIAIOSFODNN7EXAMPLE jo@example.com");
    assertThat(seen).hasToString("aws-access-key-id email ");
  }

  @Test
  void throwingListenerNeverReachesCaller() {
    Redactor redactor = Redactor.of(RedactionPolicy.defaults(), rule -> {
      throw new IllegalStateException("metrics down");
    });
    assertThat(redactor.redact("password=x")).isEqualTo("password=[REDACTED]");
  }

  @Test
  void nullTextStaysNull() {
    assertThat(balanced().redact((String) null)).isNull();
  }
}
