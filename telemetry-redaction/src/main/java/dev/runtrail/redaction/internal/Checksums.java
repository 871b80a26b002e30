package dev.runtrail.redaction.internal;

import java.util.zip.CRC32;

/**
 * Validators vendors publish, used as stronger evidence where the shape alone is too weak: a GitHub or npm
 * token glued to what precedes it (URL-encoded {@code %3Dghp_...}, {@code %22npm_...}) has no token
 * boundary, so only its checksum tells it from a word that happens to end in {@code ghp}; a Slack bot or
 * user token glued the same way must have Slack's structure (team id, user or bot id, secret).
 *
 * <p>GitHub and npm: the last 6 chars are the CRC32 of the 30 random chars before them, in base62
 * ({@code 0-9A-Za-z}), left-padded with '0'.
 */
public final class Checksums {
  private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  private static final String[] CRC_PREFIXES = {"ghp", "gho", "ghu", "ghs", "ghr", "npm"};
  /** Random part and checksum of a GitHub classic or npm token. */
  static final int RANDOM_LENGTH = 30;
  static final int CHECK_LENGTH = 6;

  private Checksums() {}

  /** True when the 36 chars at {@code from} are 30 base62 chars and their CRC32 in base62. */
  static boolean validCrc32Base62(String s, int from) {
    if (from + RANDOM_LENGTH + CHECK_LENGTH > s.length()) {
      return false;
    }
    CRC32 crc = new CRC32();
    for (int i = from; i < from + RANDOM_LENGTH; i++) {
      char c = s.charAt(i);
      if (!CharClass.isAlnum(c)) {
        return false;
      }
      crc.update(c);
    }
    long value = 0;
    for (int i = from + RANDOM_LENGTH; i < from + RANDOM_LENGTH + CHECK_LENGTH; i++) {
      int digit = BASE62.indexOf(s.charAt(i));
      if (digit < 0) {
        return false;
      }
      value = value * 62 + digit;
    }
    WorkMeter.add(RANDOM_LENGTH + CHECK_LENGTH);
    return value == crc.getValue();
  }

  /** The 6-char base62 CRC32 of {@code random} (what a GitHub or npm token ends with). */
  public static String crc32Base62(String random) {
    CRC32 crc = new CRC32();
    for (int i = 0; i < random.length(); i++) {
      crc.update(random.charAt(i));
    }
    long value = crc.getValue();
    char[] out = new char[CHECK_LENGTH];
    for (int i = CHECK_LENGTH - 1; i >= 0; i--) {
      out[i] = BASE62.charAt((int) (value % 62));
      value /= 62;
    }
    return new String(out);
  }

  /**
   * A GitHub classic or npm token whose '_' is at {@code u}, glued to what precedes it: caught only with a
   * valid checksum and nothing alphanumeric after its 36 chars.
   */
  static long gluedCrcToken(String s, int u) {
    if (u < 3) {
      return ScanResult.resumeAt(u + 1);
    }
    for (String prefix : CRC_PREFIXES) {
      if (CharClass.matches(s, u - 3, prefix)) {
        int end = u + 1 + RANDOM_LENGTH + CHECK_LENGTH;
        if (!CharClass.at(s, end, CharClass.ALNUM) && validCrc32Base62(s, u + 1)) {
          return ScanResult.match(prefix.equals("npm") ? RuleIds.NPM_TOKEN : RuleIds.GITHUB_TOKEN, u - 3, end);
        }
        break;
      }
    }
    return ScanResult.resumeAt(u + 1);
  }

  /**
   * A Slack bot or user token whose '-' is at {@code d}, glued to what precedes it: caught only with Slack's
   * structure, {@code xoxb-}/{@code xoxp-} + 10-13 digits + '-' + 10-13 digits + '-' + 24-34 alphanumerics
   * (user tokens: one more digit group).
   */
  static long gluedSlackToken(String s, int d) {
    if (d < 4 || !(CharClass.matches(s, d - 4, "xoxb") || CharClass.matches(s, d - 4, "xoxp"))) {
      return ScanResult.resumeAt(d + 1);
    }
    int at = d + 1;
    int groups = 0;
    while (groups < 3) {
      int e = CharClass.runEnd(s, at, Math.min(s.length(), at + 14), CharClass.DIGIT);
      if (e - at < 10 || e - at > 13 || !CharClass.matches(s, e, "-")) {
        break;
      }
      groups++;
      at = e + 1;
    }
    if (groups < 2) {
      return ScanResult.resumeAt(d + 1);
    }
    int end = CharClass.runEnd(s, at, Math.min(s.length(), at + 35), CharClass.ALNUM);
    WorkMeter.add(end - d);
    if (end - at < 24 || end - at > 34 || CharClass.at(s, end, CharClass.B64URL)) {
      return ScanResult.resumeAt(d + 1);
    }
    return ScanResult.match(RuleIds.SLACK_TOKEN, d - 4, end);
  }
}
