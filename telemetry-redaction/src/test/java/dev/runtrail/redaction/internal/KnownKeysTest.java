package dev.runtrail.redaction.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KnownKeysTest {
  private final KnownKeys known = new KnownKeys();

  @Test
  void remembersAKeyWithItsClassAndCleanness() {
    known.put("api_key", KeyClassifier.SECRET, true);
    KnownKeys.Entry e = known.get(new String("api_key"));
    assertThat(e).isNotNull();
    assertThat(e.keyClass).isEqualTo(KeyClassifier.SECRET);
    assertThat(e.cleanText).isTrue();
    assertThat(known.get("api_keys")).isNull();
  }

  @Test
  void aLaterAnswerForTheSameKeyReplacesTheEarlierOne() {
    known.put("tool", KeyClassifier.NONE, false);
    known.put("tool", KeyClassifier.NONE, true);
    assertThat(known.get("tool").cleanText).isTrue();
    assertThat(known.size()).isEqualTo(1);
  }

  @Test
  void staysBoundedHoweverManyDistinctKeysPass() {
    for (int i = 0; i < 50_000; i++) {
      known.put("span_" + i, KeyClassifier.IDENTIFIER, true);
    }
    assertThat(known.size()).isLessThanOrEqualTo(KnownKeys.SLOTS);
    assertThat(known.get("span_49999")).as("the newest key").isNotNull();
  }

  @Test
  void twoKeysSharingASlotPairAreBothKept() {
    String first = "exit_code";
    String second = keyInTheSamePairAs(first);
    known.put(first, KeyClassifier.NONE, true);
    known.put(second, KeyClassifier.SECRET, true);
    assertThat(known.get(first).keyClass).isEqualTo(KeyClassifier.NONE);
    assertThat(known.get(second).keyClass).isEqualTo(KeyClassifier.SECRET);
  }

  @Test
  void doesNotRememberLongKeys() {
    String longKey = "k".repeat(KnownKeys.MAX_KEY_LENGTH + 1);
    assertThat(known.put(longKey, KeyClassifier.NONE, true).keyClass).isEqualTo(KeyClassifier.NONE);
    assertThat(known.get(longKey)).isNull();
    assertThat(known.size()).isZero();
  }

  private static String keyInTheSamePairAs(String key) {
    int pair = KnownKeys.index(key) >>> 1;
    for (int i = 0; ; i++) {
      String candidate = "key_" + i;
      if (KnownKeys.index(candidate) >>> 1 == pair && !candidate.equals(key)) {
        return candidate;
      }
    }
  }
}
