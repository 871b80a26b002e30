package dev.runtrail.redaction.internal;

/**
 * What the text right before a number says it is. Under an id key ({@code span_id=4111...},
 * {@code "traceId": "..."}) digits are an identifier, not a card or an address; after a product name and
 * a slash ({@code Chrome/131.0.0.0}), under a version key ({@code version=1.2.3.4}, {@code build=1.0.0.123},
 * {@code AssemblyVersion("1.0.0.0")}) or after the word {@code version} a dotted quad is a version, not an
 * IPv4 address. Any other word before it is no evidence: {@code release 172.237.42.220} may name the host a
 * release went to, and strict mode promises addresses are masked, so it is masked. Both look back a
 * bounded distance.
 */
final class NumberContext {
  /** Between a key and its value: {@code =}, {@code :}, quotes, a space, an opening parenthesis. */
  private static final String KEY_VALUE_GAP = " =:\"'(";
  private static final int MAX_GAP = 4;
  private static final int MAX_KEY = 64;
  /**
   * Keys that announce a version though they are not id keys ({@code build=1.0.0.123}, {@code release: 10.0.0.1}):
   * only as keys, followed by {@code =} or {@code :}, never as plain words.
   */
  private static final String[] VERSION_KEYS = {"build", "release", "rev", "revision", "ver", "firmware", "kernel"};

  private final KeyClassifier keys;

  NumberContext(KeyClassifier keys) {
    this.keys = keys;
  }

  /** {@code span_id=4111...}, {@code "traceId": "4111..."}: the number at {@code start} is an identifier. */
  boolean underIdentifierKey(String s, int start) {
    int k = gapStart(s, start);
    if (k == start) {
      return false;
    }
    int keyStart = CharClass.runStart(s, k, k - MAX_KEY, CharClass.KEY);
    return keyStart < k && keys.classify(s, keyStart, k) == KeyClassifier.IDENTIFIER;
  }

  /**
   * True when the dotted quad at {@code start} (ending at {@code end}) names a version: after
   * {@code product/} (a name that starts a token, not a path segment or a host), under an id or version
   * key, or after the word {@code version}. Followed by {@code :port} it is an address whatever precedes it.
   */
  boolean isVersion(String s, int start, int end) {
    if (end + 1 < s.length() && s.charAt(end) == ':' && CharClass.isDigit(s.charAt(end + 1))) {
      return false;
    }
    if (start > 0 && s.charAt(start - 1) == '/') {
      return afterProductName(s, start - 1);
    }
    int k = gapStart(s, start);
    if (k == start) {
      return false;
    }
    int keyStart = CharClass.runStart(s, k, k - MAX_KEY, CharClass.KEY);
    if (keyStart == k) {
      return false;
    }
    if (keys.classify(s, keyStart, k) == KeyClassifier.IDENTIFIER) {
      return true;
    }
    int we = KeyWords.wordEndBefore(s, keyStart, k);
    int ws = KeyWords.wordStart(s, keyStart, we, k);
    if (KeyWords.equalsIgnoreCase(s, ws, we, "version")) {
      return true;
    }
    if (!isKeyGap(s, k, start)) {
      return false;
    }
    for (String key : VERSION_KEYS) {
      if (KeyWords.equalsIgnoreCase(s, ws, we, key)) {
        return true;
      }
    }
    return false;
  }

  /** {@code Chrome/}, {@code MyApp/}: a name with a letter, at a token start, before the slash at {@code slash}. */
  private static boolean afterProductName(String s, int slash) {
    int nameStart = CharClass.runStart(s, slash, slash - MAX_KEY, CharClass.KEY);
    if (nameStart == slash || !CharClass.is(s.charAt(nameStart), CharClass.ALPHA)) {
      return false;
    }
    if (nameStart > 0) {
      char before = s.charAt(nameStart - 1);
      if (before == '/' || before == ':' || before == '@' || before == '\\' || CharClass.isAlnum(before)) {
        return false;
      }
    }
    return true;
  }

  /** The gap {@code [from, to)} between a name and a value holds {@code =} or {@code :}: the name is a key. */
  private static boolean isKeyGap(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      if (s.charAt(i) == '=' || s.charAt(i) == ':') {
        return true;
      }
    }
    return false;
  }

  private static int gapStart(String s, int start) {
    int k = start;
    while (k > 0 && start - k < MAX_GAP && KEY_VALUE_GAP.indexOf(s.charAt(k - 1)) >= 0) {
      k--;
    }
    WorkMeter.add(start - k + 1);
    return k;
  }
}
