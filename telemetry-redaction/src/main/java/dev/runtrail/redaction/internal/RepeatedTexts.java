package dev.runtrail.redaction.internal;

import java.util.function.BinaryOperator;

/**
 * Remembers the redaction of texts a log line carries again and again as the very same {@code String}:
 * the message pattern (a constant in the code) and MDC values (put once per request, run or step, then
 * on every line until removed). Matched by identity, never by content, so a hit is exactly a text (under
 * exactly a key) redacted before, and its result is that redaction's. A small table of 4-way buckets (a
 * line's dozen texts do not evict one another); a miss redacts, and remembers in place of one of its
 * bucket's entries. Entries are immutable, so threads racing on a slot only lose a remembered result,
 * never mix one up.
 *
 * <p>The texts a line makes afresh from its pattern (its formatted message, its arguments) are fresh
 * {@code String}s, but often equal to those of a line before. {@link #redactPart} remembers, per message
 * pattern and part, the last such text found clean, and takes an equal text ({@link String#equals}) as
 * clean without scanning it: redaction depends on a text's content only, so equal content gets the same
 * verdict. A slot holds a bare reference (no entry allocated, so a line of fresh texts allocates nothing),
 * and only a clean text is ever stored in one, so racing threads can only lose a remembered text.
 *
 * <p>Used by the logging integrations (Logback, Log4j2), not public API.
 */
public final class RepeatedTexts {
  private static final int WAYS = 4;
  private static final int BUCKETS = 128; // a power of two
  private static final int PART_SLOTS = 1024; // a power of two
  /** Longer texts are not remembered (a slot keeps its text alive). */
  static final int MAX_PART_LENGTH = 2048;

  private final Entry[] entries = new Entry[BUCKETS * WAYS];
  private final BinaryOperator<String> redaction;
  private final String[] cleanParts = new String[PART_SLOTS];
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

  /**
   * {@code text}, part {@code part} of a line logged with {@code pattern} (say 0 for its formatted message,
   * 1 + i for its argument i), redacted as free text; the text itself when clean. Nothing is allocated
   * beyond what the redaction of a dirty text allocates.
   */
  public String redactPart(String pattern, int part, String text) {
    int slot = partSlot(pattern, part);
    String clean = cleanParts[slot];
    if (clean == text || text.equals(clean)) {
      return text;
    }
    String redacted = redaction.apply(null, text);
    if (redacted == text && text.length() <= MAX_PART_LENGTH) {
      cleanParts[slot] = text;
    }
    return redacted;
  }

  /**
   * Whether {@code text}, part {@code part} of a line logged with {@code pattern}, has the content of the
   * text {@link #redactPart} last found clean there: a text not yet made into a {@code String} (a
   * framework's reused buffer) checked without making it one. False says only "not known": redact it.
   */
  public boolean isKnownClean(String pattern, int part, CharSequence text) {
    String clean = cleanParts[partSlot(pattern, part)];
    return clean != null && clean.contentEquals(text);
  }

  private static int partSlot(String pattern, int part) {
    int hash = pattern.hashCode() * 31 + part;
    return (hash ^ (hash >>> 16)) & (PART_SLOTS - 1);
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
