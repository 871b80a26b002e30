package dev.runtrail.redaction.internal;

import java.util.Arrays;
import java.util.Locale;

/**
 * A small open-addressing table from lower-case words to flag bits (and the key-word sequences that end
 * with them), looked up straight from a range of a {@link CharSequence} without allocating. Built once
 * per policy; lookups cost one hash over the word and, on a hit, one comparison.
 */
final class WordTable {
  private static final int CAPACITY = 256;

  private final String[] words = new String[CAPACITY];
  private final int[] flags = new int[CAPACITY];
  private static final String[][] NO_SEQUENCES = new String[0][];

  private final String[][][] sequences = new String[CAPACITY][][];

  void add(String word, int flag) {
    int i = indexOf(word);
    flags[i] |= flag;
  }

  void addSequence(String[] sequence, int flag) {
    String last = sequence[sequence.length - 1];
    int i = indexOf(last);
    flags[i] |= flag;
    String[][] current = sequences[i] == null ? NO_SEQUENCES : sequences[i];
    String[][] grown = Arrays.copyOf(current, current.length + 1);
    grown[current.length] = sequence;
    sequences[i] = grown;
  }

  /** Flags of the word {@code s[from, to)} compared case-insensitively; 0 when absent. */
  int flags(CharSequence s, int from, int to) {
    int i = find(s, from, to);
    return i < 0 ? 0 : flags[i];
  }

  /** The sequences registered as ending with the word {@code s[from, to)}; empty when none. Do not modify. */
  String[][] sequencesEndingWith(CharSequence s, int from, int to) {
    int i = find(s, from, to);
    return i < 0 || sequences[i] == null ? NO_SEQUENCES : sequences[i];
  }

  private int find(CharSequence s, int from, int to) {
    int len = to - from;
    if (len <= 0 || len > 32) {
      return -1;
    }
    int h = 0;
    for (int k = from; k < to; k++) {
      h = 31 * h + CharClass.lower(s.charAt(k));
    }
    for (int i = mix(h); ; i = (i + 1) & (CAPACITY - 1)) {
      String w = words[i];
      if (w == null) {
        return -1;
      }
      if (w.length() == len && CharClass.matchesIgnoreCase(s, from, w)) {
        return i;
      }
    }
  }

  private int indexOf(String word) {
    String w = word.toLowerCase(Locale.ROOT);
    int h = w.hashCode();
    for (int i = mix(h); ; i = (i + 1) & (CAPACITY - 1)) {
      if (words[i] == null) {
        words[i] = w;
        return i;
      }
      if (words[i].equals(w)) {
        return i;
      }
    }
  }

  private static int mix(int h) {
    return (h ^ (h >>> 7) ^ (h >>> 15)) & (CAPACITY - 1);
  }
}
