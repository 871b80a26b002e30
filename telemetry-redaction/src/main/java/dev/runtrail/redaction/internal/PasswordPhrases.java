package dev.runtrail.redaction.internal;

/**
 * A password given after a word and a space rather than a {@code =} or {@code :}: {@code .netrc} lines
 * ({@code machine host login u password p}), SQL ({@code CREATE USER u WITH PASSWORD 'p'},
 * {@code ALTER USER u IDENTIFIED BY 'p'}), commands echoed into logs. Anchored on the 'w' of
 * {@code password}/{@code passwd} (the scan stops at 'w' after 's' alone) and on {@code BY} at a token
 * start. A quoted value is replaced whatever it is; an unquoted one only when it looks like a credential
 * (a digit, a symbol, or mixed case), so prose such as "password authentication failed" passes.
 */
final class PasswordPhrases {
  private static final int MAX_GAP = 3;
  private static final int MAX_QUOTED = 256;
  private static final int MIN_UNQUOTED = 6;
  private static final String IDENTIFIED = "identified ";

  private PasswordPhrases() {}

  /** Whether the 'w' at {@code w} follows {@code pass} (either case). */
  static boolean mayBePassword(String s, int w) {
    return w >= 4 && CharClass.matchesIgnoreCase(s, w - 4, "pass");
  }

  /** {@code password <value>} or {@code passwd <value>} with the 'w' at {@code w}. */
  static long password(String s, int w) {
    int start = w - 4;
    if (start > 0 && CharClass.is(s.charAt(start - 1), CharClass.ALPHA)) {
      return ScanResult.resumeAt(w + 1);
    }
    int wordEnd;
    if (CharClass.matchesIgnoreCase(s, w + 1, "ord")) {
      wordEnd = w + 4;
    } else if (CharClass.matchesIgnoreCase(s, w + 1, "d")) {
      wordEnd = w + 2;
    } else {
      return ScanResult.resumeAt(w + 1);
    }
    return value(s, wordEnd, w + 1);
  }

  /** Whether the 'B' at {@code b} starts {@code BY} + a space + a quote. */
  static boolean mayBeIdentifiedBy(String s, int b) {
    return CharClass.matchesIgnoreCase(s, b, "by ") && b + 3 < s.length()
        && (s.charAt(b + 3) == '\'' || s.charAt(b + 3) == '"');
  }

  /** {@code IDENTIFIED BY '<value>'} with the 'B' at {@code b}. */
  static long identifiedBy(String s, int b) {
    if (b < IDENTIFIED.length() || !CharClass.matchesIgnoreCase(s, b - IDENTIFIED.length(), IDENTIFIED)
        || !mayBeIdentifiedBy(s, b)) {
      return ScanResult.resumeAt(b + 1);
    }
    return quoted(s, b + 3, b + 1);
  }

  private static long value(String s, int wordEnd, int resume) {
    int n = s.length();
    int v = wordEnd;
    while (v < n && v - wordEnd < MAX_GAP && (s.charAt(v) == ' ' || s.charAt(v) == '\t')) {
      v++;
    }
    if (v == wordEnd || v >= n) {
      return ScanResult.resumeAt(resume);
    }
    char c = s.charAt(v);
    if (c == '\'' || c == '"') {
      return quoted(s, v, resume);
    }
    int end = v;
    while (end < n && !CharClass.is(s.charAt(end), CharClass.SPACE) && s.charAt(end) != '"' && s.charAt(end) != '\''
        && end - v <= MAX_QUOTED) {
      end++;
    }
    WorkMeter.add(end - v + 1);
    while (end > v && ".,;:!?)]}".indexOf(s.charAt(end - 1)) >= 0) {
      end--;
    }
    return looksLikeCredential(s, v, end) ? ScanResult.match(RuleIds.SENSITIVE_KEY, v, end) : ScanResult.resumeAt(resume);
  }

  /** A non-empty value in the quotes opening at {@code q}, on one line. */
  private static long quoted(String s, int q, int resume) {
    char quote = s.charAt(q);
    int limit = Math.min(s.length(), q + 1 + MAX_QUOTED);
    int i = q + 1;
    while (i < limit && s.charAt(i) != quote && s.charAt(i) != '\n') {
      i++;
    }
    WorkMeter.add(i - q);
    if (i >= limit || s.charAt(i) != quote || i == q + 1 || isPlaceholder(s, q + 1, i)) {
      return ScanResult.resumeAt(resume);
    }
    return ScanResult.match(RuleIds.SENSITIVE_KEY, q + 1, i);
  }

  /**
   * 6+ chars with a digit, a symbol (not prose punctuation or '-'), or an upper-case letter after the first
   * one beside lower-case ones ({@code REQUIRED} and {@code Reset} are words); no placeholder or mask.
   */
  static boolean looksLikeCredential(String s, int from, int to) {
    if (to - from < MIN_UNQUOTED || isPlaceholder(s, from, to) || "([{<".indexOf(s.charAt(from)) >= 0) {
      return false;
    }
    boolean lower = false;
    boolean laterUpper = false;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (CharClass.isDigit(c) || !CharClass.isAlnum(c) && c != '-' && c != '\'' && c < 128) {
        return true;
      }
      lower |= CharClass.is(c, CharClass.LOWER);
      laterUpper |= i > from && CharClass.is(c, CharClass.UPPER);
    }
    return lower && laterUpper;
  }

  static boolean isPlaceholder(String s, int from, int to) {
    char first = s.charAt(from);
    if (first == '$' || first == '*' && s.charAt(to - 1) == '*' || CharClass.matches(s, from, "<redacted")) {
      return true;
    }
    return first == '[' && CharClass.matches(s, from, "[REDACTED]");
  }
}
