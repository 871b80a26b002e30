package dev.runtrail.redaction;

import static dev.runtrail.redaction.CoverageMissesTest.mixed;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A vendor's name before the word {@code key} ({@code ALGOLIA_KEY}, {@code DATADOG_KEY}, {@code adafruitIoKey})
 * names a secret when the value reads as random; a lookup key's name ({@code sort_key}, {@code PRIMARY_KEY},
 * {@code cache_key}) or a value that reads as a name, path or date does not (issue 20, evaluation misses).
 */
class VendorKeyRedactionTest {
  private static final String LOWER = "abcdefghijklmnopqrstuvwxyz";
  private static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  private static final String DIGITS = "0123456789";
  private static final String HEX = "0123456789abcdef";

  static Stream<Arguments> vendorKeys() {
    SplittableRandom rnd = new SplittableRandom(21);
    List<Arguments> cases = new ArrayList<>();
    cases.add(Arguments.of("ALGOLIA_KEY", mixed(rnd, 32, HEX)));
    cases.add(Arguments.of("DATADOG_KEY", mixed(rnd, 32, HEX)));
    cases.add(Arguments.of("DATADOG_APP_KEY", mixed(rnd, 40, HEX)));
    cases.add(Arguments.of("ADAFRUIT_IO_KEY", mixed(rnd, 32, LOWER + DIGITS)));
    cases.add(Arguments.of("sumologic_key", mixed(rnd, 64, UPPER + LOWER + DIGITS)));
    cases.add(Arguments.of("pusherKey", mixed(rnd, 20, HEX)));
    cases.add(Arguments.of("mapbox-key", mixed(rnd, 40, UPPER + LOWER + DIGITS + "-_")));
    cases.add(Arguments.of("SNYK_KEY", new java.util.UUID(rnd.nextLong(), rnd.nextLong()).toString()));
    cases.add(Arguments.of("FASTLY_KEY", "K9Hnjg5b4HRk_15DgawWT8YnEE-jhYBo"));
    cases.add(Arguments.of("CONFLUENT_KEY", "dGhpc2lzYXRlc3Q0MjFiYXNlNjRrZXk="));
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vendorKeys")
  void aRandomValueUnderAVendorKeyIsMasked(String key, String value) {
    for (PrivacyMode mode : PrivacyMode.values()) {
      List<String> told = new ArrayList<>();
      Redactor redactor = Redactor.of(TestRedactors.policy(mode).build(), told::add);
      assertThat(redactor.redact(key + "=" + value)).as(mode.name()).isEqualTo(key + "=[REDACTED]");
      assertThat(redactor.redact("export " + key + "='" + value + "' && run")).isEqualTo("export " + key + "='[REDACTED]' && run");
      assertThat(redactor.redact(key + ": " + value + "\nnext: 1")).isEqualTo(key + ": [REDACTED]\nnext: 1");
      assertThat(redactor.redact("env {\"" + key + "\": \"" + value + "\"} loaded"))
          .isEqualTo("env {\"" + key + "\": \"[REDACTED]\"} loaded");
      assertThat(redactor.redact("log {\\\"" + key + "\\\": \\\"" + value + "\\\"} end"))
          .isEqualTo("log {\\\"" + key + "\\\": \\\"[REDACTED]\\\"} end");
      // a sentence's '.' stays outside the mask where the value rule decides (a keyed secret's own rule may take it)
      assertThat(redactor.redact(key + "=" + value + ". Rotated")).startsWith(key + "=[REDACTED]").endsWith(" Rotated");
      assertThat(redactor.redactJson("{\"" + key + "\":\"" + value + "\",\"n\":1}"))
          .isEqualTo("{\"" + key + "\":\"[REDACTED]\",\"n\":1}");
      assertThat(redactor.redactTree(Map.of(key, value))).isEqualTo(Map.of(key, "[REDACTED]"));
      assertThat(redactor.redact(key, value)).isEqualTo("[REDACTED]");
      assertThat(told).containsOnly("sensitive-key");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "PRIMARY_KEY=id", "SORT_KEY=createdAt", "cache_key=order:42", "partition_key=2024-01-15", "primaryKey=orderId",
    // a lookup key's name keeps even a random-looking value: content hashes and ids are its usual values
    "cache_key=3f2a9c0b7d1e4f5a6b8c9d0e1f2a3b4c", "idempotency_key=Xk9fQ2mLp8RtVb3NwYz7", "sort_key=Ab12Cd34Ef56Gh78",
    "object_key=uploads/2024/01/report-7f3a.pdf", "FEATURE_KEY=newCheckoutFlowV2", "REGION_KEY=orders_by_region_2024", "RELEASE_KEY=release-2024-01-15", "CLASS_KEY=com.example.service.v2.Handler",
    "MESSAGE_KEY=order.created.v2", "TENANT_KEY=tenant-eu-west-1-prod-v2", "ALGOLIA_KEY=search-only",
    "TRACE_KEY=550e8400-e29b-41d4-a716-446655440000", "key=Xk9fQ2mLp8RtVb3NwYz7", "monkey=Xk9fQ2mLp8RtVb3NwYz7",
    "VENDOR_KEY=aaaaaaaaaaaa1111111", "VENDOR_KEY=K9Hnjg5b4HRk=15DgawWT8YnEE", "HOTKEY=ctrl+shift+k", "sshHostKey=AAAAC3NzaC1lZDI1NTE5"
  })
  void lookupKeysNamesAndWordsPass(String text) {
    // cache_key=user:42 too, in balanced and minimal mode (strict masks the 42 under the personal-data key user)
    assertThat(TestRedactors.balanced().redact("cache_key=user:42")).isEqualTo("cache_key=user:42");
    for (PrivacyMode mode : PrivacyMode.values()) {
      assertThat(TestRedactors.redactor(mode).redact(text)).as(mode.name()).isEqualTo(text);
      int eq = text.indexOf('=');
      String key = text.substring(0, eq);
      String value = text.substring(eq + 1);
      assertThat(TestRedactors.redactor(mode).redactTree(Map.of(key, value))).as(mode.name()).isEqualTo(Map.of(key, value));
      assertThat(TestRedactors.redactor(mode).redactJson("{\"" + key + "\":\"" + value + "\"}"))
          .isEqualTo("{\"" + key + "\":\"" + value + "\"}");
    }
  }
}
