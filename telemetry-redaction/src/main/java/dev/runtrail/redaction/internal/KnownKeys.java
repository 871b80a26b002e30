package dev.runtrail.redaction.internal;

/**
 * Keys seen before and what was found out about them. Map keys, JSON field names and attribute names come
 * from a small set that recurs on every event ({@code tool}, {@code command}, {@code exit_code}), so
 * classifying and scanning them again each time is wasted work.
 *
 * <p>A fixed table of {@value #SLOTS} slots in pairs, indexed by the key's hash: a new key takes an empty
 * slot of its pair or evicts one, so the table stays bounded however many distinct keys pass (ids used as
 * keys only churn their own pairs), and two hot keys that share a pair do not evict each other. No locks,
 * racy by design: entries are immutable and published through final fields, so a reader sees a whole
 * entry or none, and a lost race only costs one more classification, never a wrong answer.
 */
final class KnownKeys {
  static final int SLOTS = 1024;
  /** Longer keys are not remembered: they are rarely repeated and would pin large strings. */
  static final int MAX_KEY_LENGTH = 128;

  private final Entry[] slots = new Entry[SLOTS];

  /** What is known about {@code key}, or null. */
  Entry get(String key) {
    int i = index(key);
    Entry e = slots[i];
    if (e != null && (e.key == key || e.key.equals(key))) {
      return e;
    }
    e = slots[i ^ 1];
    return e != null && (e.key == key || e.key.equals(key)) ? e : null;
  }

  /**
   * Remembers {@code key}'s class, and whether its text passes the value rules unchanged (a key that is
   * itself a secret is never marked clean, so it is scanned and reported each time).
   */
  Entry put(String key, int keyClass, boolean cleanText) {
    return put(key, keyClass, cleanText, false);
  }

  /** Like {@link #put(String, int, boolean)}, remembering too whether a parent key can make {@code key} a secret. */
  Entry put(String key, int keyClass, boolean cleanText, boolean parentMatters) {
    Entry e = new Entry(key, keyClass, cleanText, parentMatters);
    if (key.length() > MAX_KEY_LENGTH) {
      return e;
    }
    int h = key.hashCode();
    int i = index(key);
    Entry first = slots[i];
    if (first != null && !first.key.equals(key)) {
      Entry second = slots[i ^ 1];
      // Keep the key already there when the pair's other slot is free or holds the same key; else evict
      // one of the two, chosen by a hash bit the index does not use.
      if (second == null || second.key.equals(key) || (h & SLOTS) != 0) {
        i ^= 1;
      }
    }
    slots[i] = e;
    return e;
  }

  /** Number of keys remembered (for tests). */
  int size() {
    int n = 0;
    for (Entry e : slots) {
      n += e == null ? 0 : 1;
    }
    return n;
  }

  /** The first slot of the pair {@code key} lives in; the other is {@code index ^ 1}. */
  static int index(String key) {
    int h = key.hashCode();
    return (h ^ (h >>> 16)) & (SLOTS - 1);
  }

  /** One remembered key; immutable, so it can be shared between threads without locks. */
  static final class Entry {
    final String key;
    final int keyClass;
    final boolean cleanText;
    /** The key names a secret under some parent keys ({@code key} under {@code api}): look at the parent. */
    final boolean parentMatters;

    Entry(String key, int keyClass, boolean cleanText, boolean parentMatters) {
      this.key = key;
      this.keyClass = keyClass;
      this.cleanText = cleanText;
      this.parentMatters = parentMatters;
    }
  }
}
