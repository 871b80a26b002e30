package dev.runtrail.redaction.internal;

/**
 * Passwords that command-line tools take through a short flag: {@code mysql -pSECRET} (glued: for the
 * MySQL tools {@code -p SECRET} prompts and SECRET is a database name), {@code sshpass -p SECRET},
 * {@code docker login -u bot -p SECRET} (any {@code ... login}), {@code redis-cli -a SECRET}. The flag alone
 * means nothing ({@code mkdir -p}, {@code docker run -p 8080:80}, {@code ls -a}), so the matcher looks back
 * on the same command (to a line break, pipe, ';' or '&', at most {@link #MAX_LOOK_BACK} chars, and never
 * past an earlier flag of the same letter, so repeated flags cost linear work) for a tool that takes one.
 * curl's {@code -u user:password} / {@code --user user:password} / {@code --user=...}: only the password after
 * the first ':' is masked, the user stays ({@code -u user} alone makes curl prompt).
 */
final class CommandPassword {
  private static final int MAX_LOOK_BACK = 160;
  private static final int MAX_VALUE = 256;
  private static final String[] GLUED_P = {
    "mysql", "mysqldump", "mysqladmin", "mysqlimport", "mysqlcheck", "mysqlshow", "mysqlpump", "mariadb",
    "mariadb-dump", "mariadb-admin"
  };
  private static final String[] SPACED_P = {"sshpass", "login"};
  private static final String[] SPACED_A = {"redis-cli", "keydb-cli", "valkey-cli"};
  private static final String[] CURL = {"curl"};

  private CommandPassword() {}

  /** Whether the '-' at {@code d} starts a {@code -p}, {@code -a} or {@code -u} flag after a space. */
  static boolean mayStartFlag(String s, int d) {
    return d > 0 && s.charAt(d - 1) == ' ' && d + 2 < s.length()
        && (s.charAt(d + 1) == 'p' || s.charAt(d + 1) == 'a' || s.charAt(d + 1) == 'u');
  }

  static long match(String s, int d) {
    char flag = s.charAt(d + 1);
    boolean glued = s.charAt(d + 2) != ' ';
    if (flag == 'u') {
      return curlUser(s, d, glued ? d + 2 : d + 3);
    }
    String[] tools = flag == 'a' ? SPACED_A : glued ? GLUED_P : SPACED_P;
    if (!toolBefore(s, d, tools) && !(glued && flag == 'p' && toolBefore(s, d, SPACED_P))) {
      return ScanResult.resumeAt(d + 1);
    }
    int v = glued ? d + 2 : d + 3;
    while (v < s.length() && v - d < 6 && s.charAt(v) == ' ') {
      v++;
    }
    return value(s, v, d + 1);
  }

  /** curl's {@code --user} at {@code d} (the first '-'), followed by a space or '='. */
  static long curlLongUser(String s, int d) {
    int after = d + 6;
    if (!CharClass.matches(s, d, "--user") || after >= s.length() || s.charAt(after) != ' ' && s.charAt(after) != '=') {
      return ScanResult.resumeAt(d + 1);
    }
    return curlUser(s, d, after + 1);
  }

  /** The password part of curl's {@code user:password} at {@code v}, after a flag at {@code d} on a curl command. */
  private static long curlUser(String s, int d, int v) {
    if (!toolBefore(s, d, CURL)) {
      return ScanResult.resumeAt(d + 1);
    }
    while (v < s.length() && v - d < 12 && s.charAt(v) == ' ') {
      v++;
    }
    long r = value(s, v, d + 1);
    if (!ScanResult.isMatch(r)) {
      return r;
    }
    int end = ScanResult.end(r);
    int colon = ScanResult.start(r);
    while (colon < end && s.charAt(colon) != ':') {
      colon++;
    }
    WorkMeter.add(colon - ScanResult.start(r) + 1);
    return colon + 1 < end && s.charAt(colon + 1) != '$'
        ? ScanResult.match(RuleIds.SENSITIVE_KEY, colon + 1, end) : ScanResult.resumeAt(d + 1);
  }

  /** Looks back from the flag at {@code d} over the words of the same command for one of {@code tools}. */
  private static boolean toolBefore(String s, int d, String[] tools) {
    int floor = Math.max(0, d - MAX_LOOK_BACK);
    int wordEnd = d - 1;
    int i = wordEnd;
    boolean found = false;
    while (i > floor) {
      char c = s.charAt(i - 1);
      if (c == '\n' || c == '\r' || c == '|' || c == ';' || c == '&' || c == '`'
          || c == '-' && i >= 2 && s.charAt(i - 2) == ' ' && i < d && s.charAt(i) == s.charAt(d + 1)) {
        break;
      }
      if (c == ' ' || c == '/' || c == '\t' || c == '(' || c == '"' || c == '\'') {
        if (isOneOf(s, i, wordEnd, tools)) {
          found = true;
          break;
        }
        wordEnd = i - 1;
      }
      i--;
    }
    WorkMeter.add(d - i + 1);
    return found || i == floor && isOneOf(s, i, wordEnd, tools);
  }

  private static boolean isOneOf(String s, int from, int to, String[] words) {
    for (String w : words) {
      if (to - from == w.length() && CharClass.matches(s, from, w)) {
        return true;
      }
    }
    return false;
  }

  private static long value(String s, int v, int resume) {
    int n = s.length();
    if (v >= n) {
      return ScanResult.resumeAt(resume);
    }
    char c = s.charAt(v);
    int from = v;
    int end;
    if (c == '\'' || c == '"') {
      from = v + 1;
      end = from;
      while (end < n && end - from < MAX_VALUE && s.charAt(end) != c && s.charAt(end) != '\n') {
        end++;
      }
      if (end >= n || s.charAt(end) != c) {
        end = from; // unterminated: take nothing rather than the rest of the line
      }
    } else {
      end = v;
      while (end < n && end - v < MAX_VALUE && !CharClass.is(s.charAt(end), CharClass.SPACE)) {
        end++;
      }
    }
    WorkMeter.add(end - v + 1);
    if (end == from || s.charAt(from) == '$' || s.charAt(from) == '-' || isMask(s, from, end)) {
      return ScanResult.resumeAt(resume);
    }
    return ScanResult.match(RuleIds.SENSITIVE_KEY, from, end);
  }

  private static boolean isMask(String s, int from, int to) {
    return CharClass.matches(s, from, "[REDACTED]") || CharClass.matches(s, from, "<redacted:")
        || s.charAt(from) == '*' && s.charAt(to - 1) == '*';
  }
}
