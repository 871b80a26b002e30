package dev.runtrail.redaction.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits a key into words without allocating: separators are any non-alphanumeric char, plus camelCase
 * humps ({@code apiKey} is {@code api|Key}, {@code XMLToken} is {@code XML|Token}). Words are walked from
 * the end, because what a key names is decided by its last words ({@code token_count} is a count).
 */
public final class KeyWords {
  private KeyWords() {}

  /** True when a word boundary lies between {@code s[k-1]} and {@code s[k]} (both alphanumeric). */
  static boolean humpBefore(CharSequence s, int k, int end) {
    char prev = s.charAt(k - 1);
    char cur = s.charAt(k);
    if (!CharClass.is(cur, CharClass.UPPER)) {
      return false;
    }
    if (!CharClass.is(prev, CharClass.UPPER)) {
      return true;
    }
    return k + 1 < end && CharClass.is(s.charAt(k + 1), CharClass.LOWER);
  }

  /**
   * End (exclusive) of the last word that ends at or before {@code end}, skipping separators; returns
   * {@code start} when there is none.
   */
  static int wordEndBefore(CharSequence s, int start, int end) {
    int e = end;
    while (e > start && !CharClass.isAlnum(s.charAt(e - 1))) {
      e--;
    }
    return e;
  }

  /** Start of the word ending at {@code wordEnd} (exclusive), not before {@code start}. */
  static int wordStart(CharSequence s, int start, int wordEnd, int keyEnd) {
    int j = wordEnd - 1;
    while (j > start && CharClass.isAlnum(s.charAt(j - 1)) && !humpBefore(s, j, keyEnd)) {
      j--;
    }
    return j;
  }

  /** Case-insensitive equality of {@code s[from, to)} with a lower-case literal. */
  static boolean equalsIgnoreCase(CharSequence s, int from, int to, String lower) {
    return to - from == lower.length() && CharClass.matchesIgnoreCase(s, from, lower);
  }

  /** Case-insensitive: does {@code s[from, to)} end with the lower-case literal and is longer than it. */
  static boolean endsWithLonger(CharSequence s, int from, int to, String lower) {
    return to - from > lower.length() && CharClass.matchesIgnoreCase(s, to - lower.length(), lower);
  }

  /** The lower-case words of {@code key}, first to last (allocates; used when building policies). */
  public static List<String> split(String key) {
    List<String> words = new ArrayList<>();
    int end = key.length();
    int e = wordEndBefore(key, 0, end);
    while (e > 0) {
      int ws = wordStart(key, 0, e, end);
      words.add(0, key.substring(ws, e).toLowerCase(Locale.ROOT));
      e = wordEndBefore(key, 0, ws);
    }
    return words;
  }
}
