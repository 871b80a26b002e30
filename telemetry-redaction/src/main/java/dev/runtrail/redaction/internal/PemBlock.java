package dev.runtrail.redaction.internal;

/**
 * PEM private key blocks ({@code -----BEGIN [RSA |EC |OPENSSH |ENCRYPTED |PGP ]PRIVATE KEY[ BLOCK]-----}).
 * The whole block is replaced, through the matching {@code -----END ...-----} line; a block cut short (a
 * truncated log line) is replaced through the end of its base64 body, so a partial key never leaks.
 * Certificates and public keys are not secrets and pass.
 */
final class PemBlock {
  private static final String BEGIN = "-----BEGIN ";
  private static final String END = "-----END";
  private static final String DASHES = "-----";
  private static final int MAX_LABEL = 48;

  private PemBlock() {}

  static boolean startsAt(String s, int d) {
    return CharClass.matches(s, d, BEGIN) && (d == 0 || s.charAt(d - 1) != '-');
  }

  static long match(String s, int d) {
    int labelStart = d + BEGIN.length();
    int labelEnd = labelEnd(s, labelStart);
    if (labelEnd < 0 || !isPrivateKeyLabel(s, labelStart, labelEnd)) {
      return ScanResult.resumeAt(d + 1);
    }
    int bodyStart = labelEnd + DASHES.length();
    return ScanResult.match(RuleIds.PEM_PRIVATE_KEY, d, bodyEnd(s, bodyStart));
  }

  /** End of a {@code [A-Z0-9 ]} label directly followed by five dashes, or -1. */
  private static int labelEnd(String s, int from) {
    int limit = Math.min(s.length(), from + MAX_LABEL);
    int i = from;
    while (i < limit && (s.charAt(i) == ' ' || CharClass.is(s.charAt(i), CharClass.UPPER | CharClass.DIGIT))) {
      i++;
    }
    WorkMeter.add(i - from + 1);
    return CharClass.matches(s, i, DASHES) ? i : -1;
  }

  private static boolean isPrivateKeyLabel(String s, int from, int to) {
    String a = "PRIVATE KEY";
    String b = "PRIVATE KEY BLOCK";
    return (to - from >= a.length() && CharClass.matches(s, to - a.length(), a))
        || (to - from >= b.length() && CharClass.matches(s, to - b.length(), b));
  }

  /**
   * End of the block body: through {@code -----END ...-----} when it comes, else through the last body
   * char (base64, whitespace, escaped newlines, and the {@code Proc-Type:}/{@code DEK-Info:} headers).
   */
  private static int bodyEnd(String s, int from) {
    int n = s.length();
    int i = from;
    while (i < n) {
      char c = s.charAt(i);
      if (c == '-' && CharClass.matches(s, i, END)) {
        int close = labelEnd(s, i + END.length());
        WorkMeter.add(i - from + 1);
        return close < 0 ? i : close + DASHES.length();
      }
      if (!isBodyChar(c)) {
        break;
      }
      i++;
    }
    WorkMeter.add(i - from + 1);
    return i;
  }

  private static boolean isBodyChar(char c) {
    return CharClass.is(c, CharClass.B64 | CharClass.SPACE) || c == '\\' || c == ':' || c == ',' || c == '-'
        || c == '.';
  }
}
