package dev.runtrail.redaction.internal;

import static dev.runtrail.redaction.internal.CharClass.B64URL;

/**
 * JSON Web Tokens: {@code eyJ<header>.<payload>[.<signature>...]}. Anchored on the 'J' of {@code eyJ}
 * (a rare capital; gitleaks' {@code ey} keyword also fires on "key" and "they"). A failed attempt tells
 * the scan how far its base64url run reached, so later {@code eyJ}s inside that run are not re-walked:
 * a string of repeated {@code eyJeyJeyJ} costs linear work.
 */
final class Jwt {
  private static final int MIN_SEGMENT = 10;
  private static final int MAX_SEGMENTS = 5;

  private Jwt() {}

  /**
   * @param memo end of a run already known to hold no JWT; anchors before it are skipped
   */
  static long match(String s, int j, int memo) {
    int start = j - 2;
    if (start < 0 || j < memo || s.charAt(start) != 'e' || s.charAt(start + 1) != 'y'
        || (start > 0 && CharClass.isAlnum(s.charAt(start - 1)))) {
      return ScanResult.resumeAt(j + 1);
    }
    int headerEnd = CharClass.runEnd(s, j + 1, s.length(), B64URL);
    if (headerEnd - start < MIN_SEGMENT || !CharClass.matches(s, headerEnd, ".")) {
      return ScanResult.resumeAt(j + 1, headerEnd);
    }
    int payloadEnd = CharClass.runEnd(s, headerEnd + 1, s.length(), B64URL);
    if (payloadEnd - headerEnd - 1 < MIN_SEGMENT) {
      return ScanResult.resumeAt(j + 1, headerEnd);
    }
    int end = payloadEnd;
    for (int segments = 2; segments < MAX_SEGMENTS && CharClass.matches(s, end, "."); segments++) {
      int next = CharClass.runEnd(s, end + 1, s.length(), B64URL);
      if (next == end + 1 && segments > 2) {
        break;
      }
      end = next;
    }
    return ScanResult.match(RuleIds.JWT, start, end);
  }
}
