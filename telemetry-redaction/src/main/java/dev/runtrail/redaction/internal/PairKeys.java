package dev.runtrail.redaction.internal;

/**
 * The halves of a name/value pair ({@code {"name": "DB_PASSWORD", "value": "..."}}, {@code - name: X} /
 * {@code value: ...}, {@code <add key="Password" value="..."/>}) and the one sensitive-looking key that is no
 * secret: {@code PWD} holding a path. Static checks on ranges of a {@link CharSequence}; never allocate.
 */
final class PairKeys {
  private PairKeys() {}

  /**
   * True when the last word of {@code s[start, end)} is {@code value} ({@code value}, {@code ParameterValue}):
   * the value half of a name/value pair such as {@code {"name": "DB_PASSWORD", "value": "..."}}.
   */
  static boolean isPairValueKey(CharSequence s, int start, int end) {
    return lastWordIs(s, start, end, "value");
  }

  /** True when the last word of {@code s[start, end)} is {@code name} or {@code key} (the name half of a pair). */
  static boolean isPairNameKey(CharSequence s, int start, int end) {
    return lastWordIs(s, start, end, "name") || lastWordIs(s, start, end, "key");
  }

  /**
   * {@code PWD=/srv/app} in an environment dump is the shell's working directory, not a password: the key is
   * exactly {@code PWD} and the value a path. ({@code PWD=s3cret} in an ODBC connection string is not a path.)
   */
  static boolean isWorkingDirectory(CharSequence s, int keyStart, int keyEnd, CharSequence value, int valueStart) {
    if (keyEnd - keyStart != 3 || !CharClass.matches(s, keyStart, "PWD") || valueStart >= value.length()) {
      return false;
    }
    char first = value.charAt(valueStart);
    return first == '/' || first == '~'
        || CharClass.is(first, CharClass.ALPHA) && CharClass.matches(value, valueStart + 1, ":\\");
  }

  private static boolean lastWordIs(CharSequence s, int start, int end, String word) {
    int we = KeyWords.wordEndBefore(s, start, end);
    if (we - start < word.length()) {
      return false;
    }
    int ws = KeyWords.wordStart(s, Math.max(start, we - word.length() - 1), we, end);
    return KeyWords.equalsIgnoreCase(s, ws, we, word);
  }
}
