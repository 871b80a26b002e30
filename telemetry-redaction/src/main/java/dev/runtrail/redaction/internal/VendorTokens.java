package dev.runtrail.redaction.internal;

import static dev.runtrail.redaction.internal.CharClass.ALNUM;
import static dev.runtrail.redaction.internal.CharClass.B64URL;
import static dev.runtrail.redaction.internal.CharClass.KEY;
import static dev.runtrail.redaction.internal.CharClass.WORD;

/**
 * Vendor tokens recognised by their prefix. The scan stops on the prefix's separator ('_' or '-'), a
 * rare char, and looks back at the word before it, so a clean string pays one table lookup per char.
 * Failing checks look at a bounded number of chars; a body is only walked in full when it matches.
 */
final class VendorTokens {
  private static final String[] GITHUB = {"ghp", "gho", "ghu", "ghs", "ghr"};
  private static final String[] GITLAB = {
    "glpat", "gldt", "glptt", "glrt", "glcbt", "glft", "glimt", "glagent", "gloas", "glsoat"
  };
  private static final String[] SLACK = {"xoxb", "xoxp", "xoxa", "xoxr", "xoxs", "xoxe", "xapp"};
  private static final int OPENAI_ENTROPY_WINDOW = 48;

  private VendorTokens() {}

  /** Tokens whose prefix ends with '_' at {@code u}: GitHub, Stripe, npm. */
  static long underscore(String s, int u) {
    int ws = prefixStart(s, u);
    if (ws < 0) {
      return ScanResult.resumeAt(u + 1);
    }
    int len = u - ws;
    if (len == 3 && any(s, ws, GITHUB)) {
      return body(s, ws, u + 1, ALNUM, 36, RuleIds.GITHUB_TOKEN, u);
    }
    if (len == 3 && CharClass.matches(s, ws, "npm")) {
      return body(s, ws, u + 1, ALNUM, 36, RuleIds.NPM_TOKEN, u);
    }
    if (len == 6 && CharClass.matches(s, ws, "github") && CharClass.matches(s, u + 1, "pat_")) {
      return body(s, ws, u + 5, WORD, 50, RuleIds.GITHUB_FINE_GRAINED_TOKEN, u);
    }
    if (len == 2 && (CharClass.matches(s, ws, "sk") || CharClass.matches(s, ws, "rk"))
        && (CharClass.matches(s, u + 1, "live_") || CharClass.matches(s, u + 1, "test_"))) {
      return body(s, ws, u + 6, ALNUM, 16, RuleIds.STRIPE_SECRET_KEY, u);
    }
    if (len == 5 && CharClass.matches(s, ws, "whsec")) {
      return body(s, ws, u + 1, ALNUM, 24, RuleIds.STRIPE_WEBHOOK_SECRET, u);
    }
    return ScanResult.resumeAt(u + 1);
  }

  /** Tokens whose prefix ends with '-' at {@code d}: GitLab, Slack, OpenAI, Anthropic. */
  static long dash(String s, int d) {
    int ws = prefixStart(s, d);
    if (ws < 0) {
      return ScanResult.resumeAt(d + 1);
    }
    char first = s.charAt(ws);
    if (first == 'g' && anyWord(s, ws, d, GITLAB)) {
      return trimmed(body(s, ws, d + 1, KEY, 20, RuleIds.GITLAB_TOKEN, d), s);
    }
    if (first == 'x' && anyWord(s, ws, d, SLACK)) {
      return body(s, ws, d + 1, B64URL, 10, RuleIds.SLACK_TOKEN, d);
    }
    if (first == 's' && d - ws == 2 && s.charAt(ws + 1) == 'k') {
      if (CharClass.matches(s, d + 1, "ant-")) {
        return body(s, ws, d + 5, B64URL, 32, RuleIds.ANTHROPIC_API_KEY, d);
      }
      return openAi(s, ws, d);
    }
    return ScanResult.resumeAt(d + 1);
  }

  /** Uppercase 'A' at {@code a}: AWS access key ids and Google API keys, both of fixed length. */
  static long upperA(String s, int a) {
    if (a > 0 && CharClass.isAlnum(s.charAt(a - 1))) {
      return ScanResult.resumeAt(a + 1);
    }
    if (CharClass.matches(s, a + 1, "KIA") || CharClass.matches(s, a + 1, "SIA")
        || CharClass.matches(s, a + 1, "BIA") || CharClass.matches(s, a + 1, "CCA")) {
      int end = CharClass.runEnd(s, a + 4, a + 21, CharClass.UPPER | CharClass.DIGIT);
      if (end == a + 20 && !CharClass.at(s, end, ALNUM)) {
        return ScanResult.match(RuleIds.AWS_ACCESS_KEY_ID, a, end);
      }
    } else if (CharClass.matches(s, a + 1, "Iza")) {
      int end = CharClass.runEnd(s, a + 4, a + 40, B64URL);
      if (end == a + 39) {
        return ScanResult.match(RuleIds.GOOGLE_API_KEY, a, end);
      }
    }
    return ScanResult.resumeAt(a + 1);
  }

  /** OpenAI keys: {@code sk-} then a long mixed-case token with digits (plain kebab words do not qualify). */
  private static long openAi(String s, int ws, int d) {
    int limit = Math.min(s.length(), d + 1 + OPENAI_ENTROPY_WINDOW);
    boolean digit = false;
    boolean upper = false;
    boolean lower = false;
    int i = d + 1;
    for (; i < limit && CharClass.is(s.charAt(i), B64URL); i++) {
      char c = s.charAt(i);
      digit |= CharClass.isDigit(c);
      upper |= CharClass.is(c, CharClass.UPPER);
      lower |= CharClass.is(c, CharClass.LOWER);
    }
    WorkMeter.add(i - d);
    if (!(digit && upper && lower)) {
      return ScanResult.resumeAt(d + 1);
    }
    return body(s, ws, d + 1, B64URL, 20, RuleIds.OPENAI_API_KEY, d);
  }

  /** Start of the prefix word ending at {@code sep}, or -1 when it is not at a token boundary. */
  private static int prefixStart(String s, int sep) {
    int ws = CharClass.runStart(s, sep, sep - 8, ALNUM);
    if (ws == sep || (ws > 0 && CharClass.isAlnum(s.charAt(ws - 1)))) {
      return -1;
    }
    return ws;
  }

  private static long body(String s, int start, int from, int mask, int minLength, int rule, int anchor) {
    int end = CharClass.runEnd(s, from, s.length(), mask);
    if (end - from < minLength) {
      return ScanResult.resumeAt(anchor + 1);
    }
    return ScanResult.match(rule, start, end);
  }

  /** Drops a trailing '.' or '-' (sentence punctuation) from a match. */
  private static long trimmed(long result, String s) {
    if (!ScanResult.isMatch(result)) {
      return result;
    }
    int end = ScanResult.end(result);
    int start = ScanResult.start(result);
    while (end > start && (s.charAt(end - 1) == '.' || s.charAt(end - 1) == '-')) {
      end--;
    }
    return ScanResult.match(ScanResult.rule(result), start, end);
  }

  private static boolean any(String s, int at, String[] literals) {
    for (String literal : literals) {
      if (CharClass.matches(s, at, literal)) {
        return true;
      }
    }
    return false;
  }

  private static boolean anyWord(String s, int from, int to, String[] literals) {
    for (String literal : literals) {
      if (literal.length() == to - from && CharClass.matches(s, from, literal)) {
        return true;
      }
    }
    return false;
  }
}
