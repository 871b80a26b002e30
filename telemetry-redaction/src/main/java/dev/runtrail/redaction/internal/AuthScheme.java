package dev.runtrail.redaction.internal;

/**
 * {@code Bearer <token>} and {@code Basic <credentials>} wherever they appear (curl command lines, header
 * dumps, error messages). Only the credentials are replaced; the scheme stays for debugging. A token must
 * look like a credential (8+ chars with a digit, a symbol or mixed case), so prose such as
 * "uses Bearer authentication" passes.
 */
final class AuthScheme {
  private static final int TOKEN = CharClass.B64URL | CharClass.B64;
  private static final int MIN_TOKEN = 8;

  private AuthScheme() {}

  static long match(String s, int b) {
    if (b > 0 && CharClass.isAlnum(s.charAt(b - 1))) {
      return ScanResult.resumeAt(b + 1);
    }
    int afterScheme;
    if (CharClass.matchesIgnoreCase(s, b, "bearer")) {
      afterScheme = b + 6;
    } else if (CharClass.matchesIgnoreCase(s, b, "basic")) {
      afterScheme = b + 5;
    } else {
      return ScanResult.resumeAt(b + 1);
    }
    int tokenStart = afterScheme;
    while (tokenStart < s.length() && tokenStart - afterScheme < 4 && s.charAt(tokenStart) == ' ') {
      tokenStart++;
    }
    if (tokenStart == afterScheme) {
      return ScanResult.resumeAt(b + 1);
    }
    int tokenEnd = tokenEnd(s, tokenStart);
    if (!looksLikeCredential(s, tokenStart, tokenEnd)
        || afterScheme - b == 5 && !isBase64(s, tokenStart, tokenEnd)) {
      return ScanResult.resumeAt(b + 1);
    }
    return ScanResult.match(RuleIds.AUTHORIZATION_HEADER, tokenStart, tokenEnd);
  }

  /** End of a credential token: base64/base64url chars plus '.', '~'. */
  static int tokenEnd(String s, int from) {
    int n = s.length();
    int i = from;
    while (i < n) {
      char c = s.charAt(i);
      if (!(CharClass.is(c, TOKEN) || c == '.' || c == '~')) {
        break;
      }
      i++;
    }
    WorkMeter.add(i - from + 1);
    return i;
  }

  /** Basic credentials are base64: "Basic Node-API" is a heading, not a header. */
  private static boolean isBase64(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      if (!CharClass.is(s.charAt(i), CharClass.B64)) {
        return false;
      }
    }
    return true;
  }

  /** 8+ chars with a digit, a symbol, or an upper-case letter after the first char. */
  static boolean looksLikeCredential(String s, int from, int to) {
    if (to - from < MIN_TOKEN) {
      return false;
    }
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (!CharClass.is(c, CharClass.ALPHA) || (i > from && CharClass.is(c, CharClass.UPPER))) {
        return true;
      }
    }
    return false;
  }
}
