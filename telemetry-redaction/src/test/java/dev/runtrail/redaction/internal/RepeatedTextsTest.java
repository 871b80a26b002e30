package dev.runtrail.redaction.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RepeatedTextsTest {
  private final List<String> redacted = new ArrayList<>();
  private final RepeatedTexts texts = new RepeatedTexts((key, text) -> {
    redacted.add(key + "=" + text);
    return text.contains("secret") ? "[REDACTED]" : text;
  });

  @Test
  void theSameStringUnderTheSameKeyIsRedactedOnce() {
    String value = "run-20260211-142530-1a2b3c";
    assertThat(texts.redact("run_id", value)).isSameAs(value);
    assertThat(texts.redact("run_id", value)).isSameAs(value);
    assertThat(redacted).containsExactly("run_id=" + value);
  }

  @Test
  void anEqualButOtherStringOrAnotherKeyIsRedactedAgain() {
    String value = "my secret";
    String equal = new String(value);
    assertThat(texts.redact("note", value)).isEqualTo("[REDACTED]");
    assertThat(texts.redact("note", equal)).isEqualTo("[REDACTED]");
    assertThat(texts.redact("other", value)).isEqualTo("[REDACTED]");
    assertThat(texts.redact(null, value)).isEqualTo("[REDACTED]");
    assertThat(redacted).containsExactly("note=my secret", "note=my secret", "other=my secret", "null=my secret");
  }

  @Test
  void fourTextsOfTheSameHashAreAllRemembered() {
    // "Aa" and "BB" have the same String hash, so these four land in one bucket
    List<String> same = List.of("AaAa", "AaBB", "BBAa", "BBBB");
    for (int round = 0; round < 3; round++) {
      same.forEach(text -> texts.redact("k", text));
    }
    assertThat(redacted).hasSize(4);
  }

  @Test
  void manyTextsSharingSlotsStillGetTheirOwnRedaction() {
    List<String> values = new ArrayList<>();
    for (int i = 0; i < 5_000; i++) {
      values.add((i % 7 == 0 ? "secret " : "clean ") + i);
    }
    for (int round = 0; round < 2; round++) {
      for (String value : values) {
        String expected = value.startsWith("secret") ? "[REDACTED]" : value;
        assertThat(texts.redact("k", value)).isEqualTo(expected);
      }
    }
  }

  @Test
  void aBufferIsKnownCleanOnlyWithTheContentLastFoundCleanForItsPatternAndPart() {
    String pattern = "deployed {} at {}";
    StringBuilder line = new StringBuilder("deployed api at 9fceb02d");
    assertThat(texts.isKnownClean(pattern, 0, line)).isFalse(); // nothing redacted yet
    String made = line.toString();
    assertThat(texts.redactPart(pattern, 0, made)).isSameAs(made);
    assertThat(texts.isKnownClean(pattern, 0, line)).isTrue();
    assertThat(texts.isKnownClean(pattern, 1, line)).isFalse(); // another part
    line.setLength(0);
    line.append("deployed api at 9fceb02e");
    assertThat(texts.isKnownClean(pattern, 0, line)).isFalse(); // other content
    line.setLength(0);
    line.append("deployed my secret at 9fceb02d");
    assertThat(texts.redactPart(pattern, 0, line.toString())).isEqualTo("[REDACTED]");
    assertThat(texts.isKnownClean(pattern, 0, line)).isFalse(); // a dirty text is never remembered
    assertThat(redacted).containsExactly("null=deployed api at 9fceb02d", "null=deployed my secret at 9fceb02d");
  }
}
