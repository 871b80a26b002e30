package dev.runtrail.redaction.internal;

/**
 * Home directories become {@code ~}: {@code /home/alice/x}, {@code /Users/alice/x}, {@code C:\Users\alice\x}
 * (also JSON-escaped, {@code C:\\Users\\alice}) and {@code C:/Users/alice}, for any user, plus the
 * configured home directory literally (e.g. {@code /root} or {@code /var/lib/jenkins}). Only the prefix
 * that names the user is replaced; the rest of the path stays readable.
 */
final class HomePath {
  private static final int MAX_USER = 64;
  private static final String[] NOT_USERS = {"Shared", "Public", "Default"};

  private final String homeDirectory;

  /** @param homeDirectory the current user's home, or null; ignored when shorter than 2 chars */
  HomePath(String homeDirectory) {
    String home = homeDirectory;
    while (home != null && home.length() > 1 && (home.endsWith("/") || home.endsWith("\\"))) {
      home = home.substring(0, home.length() - 1);
    }
    this.homeDirectory = home != null && home.length() >= 2 ? home : null;
  }

  /** '/' at {@code p}: {@code /home/u}, {@code /Users/u}, {@code X:/Users/u}, or the configured home. */
  long slash(String s, int p) {
    if (homeDirectory != null && homeDirectory.charAt(0) == '/' && CharClass.matches(s, p, homeDirectory)
        && atPathStart(s, p) && isPathEnd(s, p + homeDirectory.length())) {
      return ScanResult.match(RuleIds.HOME_PATH, p, p + homeDirectory.length());
    }
    if (CharClass.matches(s, p, "/home/") && atPathStart(s, p)) {
      return user(s, p, p + 6, '/');
    }
    if (CharClass.matches(s, p, "/Users/") && atPathStart(s, p)) {
      return user(s, p, p + 7, '/');
    }
    if (isDrive(s, p) && CharClass.matchesIgnoreCase(s, p + 1, "users/")) {
      return user(s, p - 2, p + 7, '/');
    }
    return ScanResult.resumeAt(p + 1);
  }

  /** Backslash at {@code p}: {@code C:\Users\name} or its JSON-escaped form, or a configured Windows home. */
  long backslash(String s, int p) {
    if (!isDrive(s, p)) {
      return ScanResult.resumeAt(p + 1);
    }
    if (homeDirectory != null && homeDirectory.length() > 3 && homeDirectory.charAt(1) == ':'
        && CharClass.matchesIgnoreCase(s, p - 2, homeDirectory.toLowerCase(java.util.Locale.ROOT))
        && isPathEnd(s, p - 2 + homeDirectory.length())) {
      return ScanResult.match(RuleIds.HOME_PATH, p - 2, p - 2 + homeDirectory.length());
    }
    int sep = CharClass.matches(s, p, "\\\\") ? 2 : 1;
    if (CharClass.matchesIgnoreCase(s, p + sep, "users")
        && CharClass.matches(s, p + sep + 5, sep == 2 ? "\\\\" : "\\")) {
      return user(s, p - 2, p + sep + 5 + sep, '\\');
    }
    return ScanResult.resumeAt(p + 1);
  }

  private static long user(String s, int matchStart, int userStart, char separator) {
    int end = userStart;
    int limit = Math.min(s.length(), userStart + MAX_USER);
    while (end < limit && !CharClass.is(s.charAt(end), CharClass.SEGMENT_END) && s.charAt(end) != separator) {
      end++;
    }
    WorkMeter.add(end - userStart + 1);
    if (end == userStart || end == limit && limit - userStart == MAX_USER || isNotAUser(s, userStart, end)) {
      return ScanResult.resumeAt(userStart);
    }
    return ScanResult.match(RuleIds.HOME_PATH, matchStart, end);
  }

  private static boolean isNotAUser(String s, int from, int to) {
    for (String word : NOT_USERS) {
      if (word.length() == to - from && CharClass.matches(s, from, word)) {
        return true;
      }
    }
    return false;
  }

  /** A path starts here: not glued to a preceding path segment ({@code /var/home/x} is not a home). */
  private static boolean atPathStart(String s, int p) {
    return p == 0 || !CharClass.is(s.charAt(p - 1), CharClass.KEY);
  }

  private static boolean isPathEnd(String s, int end) {
    return end >= s.length() || s.charAt(end) == '/' || s.charAt(end) == '\\'
        || CharClass.is(s.charAt(end), CharClass.SEGMENT_END);
  }

  /** {@code X:} right before {@code p}, at a boundary. */
  private static boolean isDrive(String s, int p) {
    return p >= 2 && s.charAt(p - 1) == ':' && CharClass.is(s.charAt(p - 2), CharClass.ALPHA)
        && (p == 2 || !CharClass.isAlnum(s.charAt(p - 3)));
  }
}
