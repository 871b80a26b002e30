package dev.runtrail.redaction;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.io.StringWriter;
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

class RedactionPropertiesTest {
  private static final JsonFactory JSON = new JsonFactory();

  /** A rule's fresh example, a mode that covers the rule, and a redactor for that mode. */
  record Case(RedactionRule rule, PrivacyMode mode, RedactionRule.Example example) {
    Redactor redactor() {
      String user = rule.name().equals("user-name") ? example.secret() : TestRedactors.USER;
      return Redactor.of(TestRedactors.policy(mode).userName(user).build());
    }
  }

  /** Where a secret sits: before, separators and after are benign. */
  record Context(String before, String open, String close, String after) {
    String embed(String secret) {
      return before + open + secret + close + after;
    }
  }

  @Provide
  Arbitrary<Case> cases() {
    Arbitrary<PrivacyMode> modes = Arbitraries.of(PrivacyMode.class);
    Arbitrary<RedactionRule> rules = Arbitraries.of(RuleCatalog.all());
    return Combinators.combine(rules, modes, Arbitraries.longs())
        .filter((rule, mode, seed) -> rule.activeIn(mode))
        .as((rule, mode, seed) -> new Case(rule, mode, rule.example(new SplittableRandom(seed))));
  }

  @Provide
  Arbitrary<Context> contexts() {
    Arbitrary<String> opens = Arbitraries.of(" ", "\n", "\t", "(", "'", "\"", "config=", "x: ", "[",
        "https://example.com/cb?next=", "line one\nline two ", "msg=\"");
    Arbitrary<String> closes = Arbitraries.of(" ", "\n", "\t", ")", "'", "\"", ", ", "&y=1", "]", "\r\n", "; ok");
    return Combinators.combine(Corpora.words(), opens, closes, Corpora.words()).as(Context::new);
  }

  @Property(tries = 600)
  void secretsNeverSurviveTextRedaction(@ForAll("cases") Case c, @ForAll("contexts") Context ctx) {
    String text = ctx.embed(c.example().text());
    assertThat(c.redactor().redact(text)).as(text).doesNotContain(c.example().secret());
  }

  @Property(tries = 300)
  void secretsNeverSurviveJsonRedaction(@ForAll("cases") Case c, @ForAll("contexts") Context ctx) throws IOException {
    String json = jsonObject(Map.of("msg", ctx.embed(c.example().text()), "trace_id", "4bf92f3577b34da6a3ce929d0e0e4736"));
    String out = c.redactor().redactJson(json);
    assertThat(decodedStrings(out)).as(json).noneMatch(s -> s.contains(c.example().secret()));
  }

  @Property(tries = 300)
  void secretsNeverSurviveTreeRedaction(@ForAll("cases") Case c, @ForAll("contexts") Context ctx) {
    Map<String, Object> tree = Map.of("event", "tool_call",
        "data", Map.of("args", List.of(ctx.embed(c.example().text())), "n", 3));
    Object out = c.redactor().redactTree(tree);
    assertThat(String.valueOf(out)).doesNotContain(c.example().secret());
  }

  @Property(tries = 200)
  void secretsNeverSurviveMultiLineText(@ForAll("cases") Case c, @ForAll List<@net.jqwik.api.constraints.AlphaChars
      @net.jqwik.api.constraints.StringLength(max = 20) String> lines) {
    List<String> all = new ArrayList<>(lines);
    all.add(all.size() / 2, c.example().text());
    String text = String.join("\n", all);
    assertThat(c.redactor().redact(text)).doesNotContain(c.example().secret());
  }

  @Property(tries = 600)
  void benignCorpusPassesUnchangedInEveryMode(@ForAll("benign") String text, @ForAll PrivacyMode mode) {
    assertThat(TestRedactors.redactor(mode).redact(text)).isSameAs(text);
  }

  @Property(tries = 200)
  void benignJsonPassesUnchangedInEveryMode(@ForAll("benign") String text, @ForAll PrivacyMode mode) throws IOException {
    String json = jsonObject(Map.of("message", text, "span_id", "00f067aa0ba902b7", "tokens", 532));
    assertThat(TestRedactors.redactor(mode).redactJson(json)).isSameAs(json);
  }

  @Provide
  Arbitrary<String> benign() {
    return Corpora.benignText();
  }

  @Property(tries = 300)
  void jsonKeepsItsShape(@ForAll("trees") Object tree, @ForAll PrivacyMode mode) throws IOException {
    String json = jsonValue(tree);
    String out = TestRedactors.redactor(mode).redactJson(json);
    assertSameShape(json, out);
  }

  @Provide
  Arbitrary<Object> trees() {
    Arbitrary<String> keys = Arbitraries.of("password", "user", "trace_id", "token_count", "secret", "data", "args",
        "email", "api_key", "count", "credentials", "msg", "ip", "ok");
    SplittableRandom seeds = new SplittableRandom(11);
    Arbitrary<Object> secretText = Arbitraries.of(RuleCatalog.all())
        .map(rule -> (Object) ("value " + rule.exampleSecret(seeds.split())));
    Arbitrary<Object> leaf = Arbitraries.oneOf(secretText, Corpora.benignItem().map(s -> (Object) s),
        Arbitraries.integers().map(i -> (Object) i), Arbitraries.of(true, false), Arbitraries.just(null));
    return Arbitraries.recursive(() -> leaf,
        inner -> Arbitraries.oneOf(Arbitraries.maps(keys, inner).ofMaxSize(4).map(m -> (Object) m),
            inner.list().ofMaxSize(4).map(l -> (Object) l)), 0, 3);
  }

  @Property(tries = 200)
  void lengthHintReportsTheReplacedLength(@ForAll("cases") Case c) {
    String text = c.example().text();
    Redactor redactor = Redactor.of(TestRedactors.policy(c.mode()).format(RedactionFormat.LENGTH_HINT)
        .userName(c.rule().name().equals("user-name") ? c.example().secret() : TestRedactors.USER).build());
    if (text.equals(c.example().secret()) && c.rule().category() != RuleCategory.ANONYMIZATION) {
      assertThat(redactor.redact("before " + text + " after"))
          .isEqualTo("before <redacted:" + text.codePointCount(0, text.length()) + "chars> after");
    }
    assertThat(redactor.redact("client_secret", text)).isEqualTo("<redacted:" + text.length() + "chars>");
  }

  @Property(tries = 300)
  void redactionIsIdempotent(@ForAll("cases") Case c, @ForAll("contexts") Context ctx) {
    String once = c.redactor().redact(ctx.embed(c.example().text()));
    assertThat(c.redactor().redact(once)).isEqualTo(once);
  }

  private static String jsonObject(Map<String, Object> fields) throws IOException {
    return jsonValue(fields);
  }

  private static String jsonValue(Object value) throws IOException {
    StringWriter out = new StringWriter();
    try (JsonGenerator gen = JSON.createGenerator(out)) {
      write(gen, value);
    }
    return out.toString();
  }

  private static void write(JsonGenerator gen, Object value) throws IOException {
    if (value instanceof Map<?, ?> map) {
      gen.writeStartObject();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        gen.writeFieldName(String.valueOf(e.getKey()));
        write(gen, e.getValue());
      }
      gen.writeEndObject();
    } else if (value instanceof List<?> list) {
      gen.writeStartArray();
      for (Object item : list) {
        write(gen, item);
      }
      gen.writeEndArray();
    } else if (value instanceof Integer i) {
      gen.writeNumber(i);
    } else if (value instanceof Boolean b) {
      gen.writeBoolean(b);
    } else if (value == null) {
      gen.writeNull();
    } else {
      gen.writeString(String.valueOf(value));
    }
  }

  private static List<String> decodedStrings(String json) throws IOException {
    List<String> strings = new ArrayList<>();
    try (JsonParser p = JSON.createParser(json)) {
      while (p.nextToken() != null) {
        if (p.currentToken().isScalarValue() || p.currentToken() == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
          strings.add(p.getText());
        }
      }
    }
    return strings;
  }

  /** Same tokens in the same order; a string stays a string; a number may only become a (masked) string. */
  private static void assertSameShape(String before, String after) throws IOException {
    try (JsonParser a = JSON.createParser(before); JsonParser b = JSON.createParser(after)) {
      while (a.nextToken() != null) {
        b.nextToken();
        var ta = a.currentToken();
        var tb = b.currentToken();
        switch (ta) {
          case FIELD_NAME -> assertThat(b.currentName()).isEqualTo(a.currentName());
          case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> assertThat(tb).isIn(ta,
              com.fasterxml.jackson.core.JsonToken.VALUE_STRING);
          default -> assertThat(tb).isEqualTo(ta);
        }
      }
      assertThat(b.nextToken()).isNull();
    }
  }
}
