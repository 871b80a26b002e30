package dev.runtrail.redaction.internal;

/**
 * Command-line flags that take a secret as the next argument: {@code --password hunter2},
 * {@code --client-secret "x y"}, {@code --api-key=...} (the '=' form is left to {@link Assignment}).
 */
final class CliFlag {
  private static final int MAX_FLAG = 64;

  private final KeyClassifier keys;
  private final boolean strict;

  CliFlag(KeyClassifier keys, boolean strict) {
    this.keys = keys;
    this.strict = strict;
  }

  /** {@code --} at {@code d}. */
  long match(String s, int d) {
    if (d > 0 && CharClass.is(s.charAt(d - 1), CharClass.KEY)) {
      return ScanResult.resumeAt(d + 1);
    }
    int nameStart = d + 2;
    int nameEnd = CharClass.runEnd(s, nameStart, nameStart + MAX_FLAG, CharClass.KEY);
    if (nameEnd == nameStart || !CharClass.matches(s, nameEnd, " ")) {
      return ScanResult.resumeAt(d + 1);
    }
    int wordEnd = KeyWords.wordEndBefore(s, nameStart, nameEnd);
    if (wordEnd == nameStart || !keys.mayEndSensitiveKey(s, wordEnd)) {
      return ScanResult.resumeAt(d + 1); // --set, --repo, --namespace: most flags end no sensitive word
    }
    int cls = keys.classify(s, nameStart, nameEnd);
    int rule = cls == KeyClassifier.SECRET ? RuleIds.SENSITIVE_KEY
        : cls == KeyClassifier.PII && strict ? RuleIds.PII_KEY : -1;
    if (rule < 0) {
      return ScanResult.resumeAt(d + 1);
    }
    int v = nameEnd;
    while (v < s.length() && v - nameEnd < 8 && s.charAt(v) == ' ') {
      v++;
    }
    if (v >= s.length() || s.charAt(v) == '-') {
      return ScanResult.resumeAt(d + 1);
    }
    char c = s.charAt(v);
    if (c == '"' || c == '\'') {
      int close = s.indexOf(c, v + 1);
      WorkMeter.add((close < 0 ? s.length() : close) - v);
      if (close > v + 1) {
        return ScanResult.match(rule, v + 1, close);
      }
    }
    int end = v;
    while (end < s.length() && !CharClass.is(s.charAt(end), CharClass.SPACE) && s.charAt(end) != '"'
        && s.charAt(end) != '\'') {
      end++;
    }
    WorkMeter.add(end - v + 1);
    return end > v ? ScanResult.match(rule, v, end) : ScanResult.resumeAt(d + 1);
  }
}
