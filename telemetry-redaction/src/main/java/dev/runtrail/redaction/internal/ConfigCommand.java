package dev.runtrail.redaction.internal;

/**
 * A secret set through a tool's config command, key and value as separate words: {@code aws configure set
 * aws_secret_access_key X}, {@code git config --global github.token X}, {@code npm config set
 * //registry.npmjs.org/:_authToken X}, {@code kubectl config set users.ci.token X}. Anchored on the 'f' of
 * {@code config} after 'n' (a rare pair) at a word start. The command word may be followed by up to
 * {@value #MAX_FLAGS} flags that set ({@code --global}; not {@code --get} or {@code --unset}, which read or
 * remove), then {@code set} ({@code configure} needs it), the key and, after a space, the value. After a key
 * of one word ({@code token}) an unquoted value is taken only when it looks like a credential, so prose such
 * as "config token expired" passes.
 */
final class ConfigCommand {
  private static final int MAX_FLAGS = 3;
  private static final int MAX_TOKEN = 128;
  private static final int MAX_GAP = 3;
  private static final int MAX_VALUE = 256;
  /** Flags (after their dashes) that read, list or remove settings: what follows the key is no value. */
  private static final String[] READING_FLAGS = {"get", "unset", "list", "remove", "rename", "edit", "show"};

  private final KeyClassifier keys;
  private final boolean strict;

  ConfigCommand(KeyClassifier keys, boolean strict) {
    this.keys = keys;
    this.strict = strict;
  }

  /** Whether the 'f' at {@code f} is the one of {@code config} at a word start. */
  static boolean mayStartAt(String s, int f) {
    return f >= 3 && CharClass.matches(s, f - 3, "con") && CharClass.matches(s, f + 1, "ig")
        && (f == 3 || !CharClass.isAlnum(s.charAt(f - 4)));
  }

  long match(String s, int f) {
    int resume = f + 1;
    boolean configure = CharClass.matches(s, f + 3, "ure ");
    int p = f + (configure ? 6 : 3);
    if (!CharClass.matches(s, p, " ")) {
      return ScanResult.resumeAt(resume);
    }
    p = skipSpaces(s, p);
    for (int flags = 0; !configure && p < s.length() && s.charAt(p) == '-'; flags++) {
      int end = tokenEnd(s, p);
      if (flags == MAX_FLAGS || end < 0 || isReadingFlag(s, p, end)) {
        return ScanResult.resumeAt(resume);
      }
      p = skipSpaces(s, end);
    }
    if (CharClass.matches(s, p, "set ")) {
      p = skipSpaces(s, p + 3);
    } else if (configure) {
      return ScanResult.resumeAt(resume);
    }
    int keyEnd = tokenEnd(s, p);
    WorkMeter.add(Math.max(keyEnd, p) - f);
    if (keyEnd <= p || keyEnd == s.length() || s.charAt(keyEnd) != ' ' || s.charAt(p) == '"' || s.charAt(p) == '\''
        || hasEquals(s, p, keyEnd)) {
      return ScanResult.resumeAt(resume); // no key and value on this line; key=value is Assignment's
    }
    int cls = keys.classify(s, p, keyEnd);
    int rule = cls == KeyClassifier.SECRET ? RuleIds.SENSITIVE_KEY
        : cls == KeyClassifier.PII && strict ? RuleIds.PII_KEY : -1;
    return rule < 0 ? ScanResult.resumeAt(resume) : value(s, skipSpaces(s, keyEnd), isOneWord(s, p, keyEnd), rule, resume);
  }

  /** The value at {@code v}: quoted, or up to a space or punctuation and credential-shaped after a one-word key. */
  private static long value(String s, int v, boolean oneWordKey, int rule, int resume) {
    int n = s.length();
    if (v >= n) {
      return ScanResult.resumeAt(resume);
    }
    char c = s.charAt(v);
    int from = c == '"' || c == '\'' ? v + 1 : v;
    int limit = Math.min(n, from + MAX_VALUE);
    int end = from;
    if (from > v) {
      while (end < limit && s.charAt(end) != c && s.charAt(end) != '\n') {
        end++;
      }
      WorkMeter.add(end - v + 1);
      if (end == limit || s.charAt(end) != c) {
        return ScanResult.resumeAt(resume);
      }
    } else {
      while (end < limit && !CharClass.is(s.charAt(end), CharClass.VALUE_END)) {
        end++;
      }
      WorkMeter.add(end - v + 1);
      if (end == from || "-#<(".indexOf(c) >= 0 || oneWordKey && !PasswordPhrases.looksLikeCredential(s, from, end)) {
        return ScanResult.resumeAt(resume);
      }
    }
    if (end == from || PasswordPhrases.isPlaceholder(s, from, end)) {
      return ScanResult.resumeAt(resume);
    }
    return ScanResult.match(rule, from, end);
  }

  private static boolean hasEquals(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      if (s.charAt(i) == '=') {
        return true;
      }
    }
    return false;
  }

  private static boolean isOneWord(String s, int from, int to) {
    int we = KeyWords.wordEndBefore(s, from, to);
    return KeyWords.wordEndBefore(s, from, KeyWords.wordStart(s, from, we, to)) <= from;
  }

  private static int skipSpaces(String s, int p) {
    int start = p;
    while (p < s.length() && p - start < MAX_GAP && s.charAt(p) == ' ') {
      p++;
    }
    return p;
  }

  /** End of the word at {@code p} (up to a space or the end), or -1 when it runs past {@link #MAX_TOKEN}. */
  private static int tokenEnd(String s, int p) {
    int limit = Math.min(s.length(), p + MAX_TOKEN);
    int e = p;
    while (e < limit && !CharClass.is(s.charAt(e), CharClass.SPACE)) {
      e++;
    }
    return e < s.length() && e == limit ? -1 : e;
  }

  private static boolean isReadingFlag(String s, int from, int to) {
    int body = from;
    while (body < to && s.charAt(body) == '-') {
      body++;
    }
    if (to - body == 1) {
      return s.charAt(body) == 'l' || s.charAt(body) == 'e'; // git config -l, -e
    }
    for (String flag : READING_FLAGS) {
      if (CharClass.matches(s, body, flag)) {
        return true;
      }
    }
    return false;
  }
}
