package dev.runtrail.redaction.internal;

import java.util.function.BinaryOperator;

/**
 * Remembers the redaction of texts a log line carries again and again as the very same {@code String}:
 * the message pattern (a constant in the code) and MDC values (put once per request, run or step, then
 * on every line until removed). Matched by identity, never by content, so a hit is exactly a text (under
 * exactly a key) redacted before, and its result is that redaction's. A small table of 4-way buckets (a
 * line's dozen texts do not evict one another); a miss redacts, and remembers in place of one of its
 * bucket's entries. Entries are immutable, so threads racing on a slot only lose a remembered result,
 * never mix one up. Used by the logging integrations (Logback, Log4j2), not public API.
 */
public final class RepeatedTexts {
  private static final int WAYS = 4;
  private static final int BUCKETS = 128; // a power of two

  private final Entry[] entries = new Entry[BUCKETS * WAYS];
  private final BinaryOperator<String> redaction;
  private int misses; // picks the way a miss replaces; racy on purpose, any way will do

  /** @param redaction the redaction of a text under a key (the key may be null: free text) */
  public RepeatedTexts(BinaryOperator<String> redaction) {
    this.redaction = redaction;
  }

  /** {@code text} (under {@code key}, or as free text when it is null) redacted; the text itself when clean. */
  public String redact(String key, String text) {
    int hash = text.hashCode() * 31 + (key == null ? 0 : key.hashCode());
    int bucket = ((hash ^ (hash >>> 16)) & (BUCKETS - 1)) * WAYS;
    for (int way = bucket; way < bucket + WAYS; way++) {
      Entry entry = entries[way];
      if (entry != null && entry.text == text && entry.key == key) {
        return entry.redacted;
      }
    }
    String redacted = redaction.apply(key, text);
    entries[bucket + (misses++ & (WAYS - 1))] = new Entry(key, text, redacted);
    return redacted;
  }

  private static final class Entry {
    final String key;
    final String text;
    final String redacted;

    Entry(String key, String text, String redacted) {
      this.key = key;
      this.text = text;
      this.redacted = redacted;
    }
  }
}
