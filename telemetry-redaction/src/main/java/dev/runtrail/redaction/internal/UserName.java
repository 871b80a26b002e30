package dev.runtrail.redaction.internal;

/**
 * The current user's login name as a whole word becomes {@code <user>} (strict mode). Case-insensitive,
 * ASCII word boundaries ({@code alice} matches in {@code by alice.}, not in {@code malice}). Names shorter
 * than 3 chars are ignored: they would hit ordinary words.
 */
final class UserName {
  static final int MIN_LENGTH = 3;

  private final String lowerName;

  UserName(String name) {
    this.lowerName = name.toLowerCase(java.util.Locale.ROOT);
  }

  char firstChar() {
    return lowerName.charAt(0);
  }

  long match(String s, int u) {
    int end = u + lowerName.length();
    if (CharClass.matchesIgnoreCase(s, u, lowerName)
        && (u == 0 || !CharClass.is(s.charAt(u - 1), CharClass.WORD))
        && !CharClass.at(s, end, CharClass.WORD)) {
      return ScanResult.match(RuleIds.USER_NAME, u, end);
    }
    return ScanResult.resumeAt(u + 1);
  }
}
