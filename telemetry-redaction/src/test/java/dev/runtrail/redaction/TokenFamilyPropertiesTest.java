package dev.runtrail.redaction;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtrail.redaction.internal.TokenFamilies;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Every token family shape, its example generated from its own spec, planted in the places secrets reach
 * telemetry (bare in a log line, quoted, in a JSON string, in a URL query, after a colon, in a stack trace
 * line, as key=value), in every privacy mode: the token never survives. Seeds are fixed in the test command
 * (test-support's {@code PropertySeeds}); {@code -Druntrail.jqwik.explore=true} explores with random seeds
 * and ten times the tries.
 */
class TokenFamilyPropertiesTest {
  /** Where a token sits in a line: {@code %s} is the token. */
  private static final List<String> PLACES = List.of(
      "%s",
      "step 4 output: %s done",
      "token '%s' rejected",
      "{\"msg\": \"retrying with %s\", \"trace_id\": \"4bf92f3577b34da6a3ce929d0e0e4736\"}",
      "GET https://api.example.com/v1/items?page=2&key=%s&sort=asc 200",
      "GET /callback?code=abc&state=%s HTTP/1.1",
      "auth:%s",
      "error: %s",
      "\tat com.example.Client.call(Client.java:42) caused by: invalid credential %s",
      "java.lang.IllegalStateException: bad token %s\n\tat com.example.App.main(App.java:7)",
      "vendor_token=%s region=eu",
      "export VENDOR_KEY=%s",
      "--header=X-Token:%s",
      "(%s)",
      "[%s]",
      "<%s>",
      "line one\n%s\nline three",
      "The new key is %s.",
      "rotated %s. Next step");

  /** A shape's spec and the seed its example is drawn with. */
  record Planted(String spec, String token) {}

  @Provide
  Arbitrary<Planted> tokens() {
    List<String> specs = new ArrayList<>();
    for (RedactionRule rule : RuleCatalog.all()) {
      specs.addAll(TokenFamilies.specs(rule.id()));
    }
    return Combinators.combine(Arbitraries.of(specs), Arbitraries.longs())
        .as((spec, seed) -> new Planted(spec, TokenFamilies.exampleOf(spec, new SplittableRandom(seed))));
  }

  @Provide
  Arbitrary<String> places() {
    return Arbitraries.of(PLACES);
  }

  @Property(tries = 800)
  void aFamilyTokenNeverSurvivesTextRedaction(@ForAll("tokens") Planted planted, @ForAll("places") String place,
      @ForAll PrivacyMode mode) {
    String text = place.replace("%s", planted.token());
    assertThat(TestRedactors.redactor(mode).redact(text)).as(planted.spec() + " in " + text)
        .doesNotContain(planted.token());
  }

  @Property(tries = 300)
  void aFamilyTokenNeverSurvivesJsonOrTreeRedaction(@ForAll("tokens") Planted planted,
      @ForAll("places") String place, @ForAll PrivacyMode mode) {
    String line = place.replace("%s", planted.token());
    String json = "{\"event\": \"tool_call\", \"output\": \"" + line.replace("\\", "\\\\").replace("\"", "\\\"")
        .replace("\n", "\\n").replace("\t", "\\t") + "\", \"n\": 3}";
    Redactor redactor = TestRedactors.redactor(mode);
    assertThat(redactor.redactJson(json)).as(json).doesNotContain(planted.token());
    assertThat(String.valueOf(redactor.redactTree(Map.of("args", List.of(line))))).doesNotContain(planted.token());
  }

  /** Prefixes and words that share them, which must pass (kept apart from {@code Corpora}, whose seeds stay). */
  private static final List<String> NEAR_MISSES = List.of("LTAI", "pplx-docs", "pul-request",
      "rubygems_version=3.5.1", "sha256~abc", "EZAK", "API-Gateway", "tk-us-east-1", "pat-na1-settings", "dt0c01.",
      "ops_eyJ", "sgp_local_", "FLWSECK-", "GR1348941", "GRPC status 14", "_gitlab_session=", "sk-or-v1-",
      "tvly-dev-", "sm_pat_count=3", "api_org_name=acme", "aio_enabled=true", "r8_cache", "fm2_build",
      "CLOJARS_URL=ci", "EAAA", "LEGAL notice", "EXAMPLE", "GREEN", "LTS release", "xkeysib-", "napi_version=2",
      "ico-sprite.png", "A3-SECRET", "AKCp", "ABSK", "12345:ABC", "eyJrIjoi", "secret_key_base_rotation",
      "bedrock-api-key-docs", "LTAI5tQ", "Elapsed 12ms", "GRAFANA_URL=http://grafana:3000");

  @Provide
  Arbitrary<String> nearMissLines() {
    Arbitrary<String> item = Arbitraries.oneOf(Arbitraries.of(NEAR_MISSES), Corpora.benignItem());
    return Combinators.combine(item.list().ofMinSize(1).ofMaxSize(5), Arbitraries.of(" ", "\n", ", ", " | "))
        .as((items, sep) -> String.join(sep, items));
  }

  @Property(tries = 400)
  void nearMissesAndTheBenignCorpusPassUnchanged(@ForAll("nearMissLines") String text, @ForAll PrivacyMode mode) {
    assertThat(TestRedactors.redactor(mode).redact(text)).isSameAs(text);
  }

  @Property(tries = 200)
  void aFamilyTokenIsReplacedWholeWithItsLengthHint(@ForAll("tokens") Planted planted, @ForAll PrivacyMode mode) {
    Redactor redactor = Redactor.of(TestRedactors.policy(mode).format(RedactionFormat.LENGTH_HINT).build());
    assertThat(redactor.redact("got " + planted.token() + " ok"))
        .isEqualTo("got <redacted:" + planted.token().length() + "chars> ok");
  }
}
