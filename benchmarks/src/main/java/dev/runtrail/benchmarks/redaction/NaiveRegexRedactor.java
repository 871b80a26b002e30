package dev.runtrail.benchmarks.redaction;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The baseline: one {@code java.util.regex} pattern per rule of the balanced catalog, applied in turn over
 * the whole input, the way redaction is usually written first (seed 001's REDACTION_PATTERNS, grown to
 * the catalog). Quantifiers are bounded so it is not a ReDoS strawman; it is slow because it walks the
 * input once per rule and runs a regex engine at every position.
 */
public final class NaiveRegexRedactor {
  private static final String MASK = "[REDACTED]";
  /** A rule's pattern and its replacement ({@code $1} keeps a key or scheme that the pattern captured). */
  private record Rule(Pattern pattern, String replacement) {}

  private static final List<Rule> RULES = List.of(
      rule("(?i)\\b([a-z0-9_.-]{0,40}(?:password|passwd|pwd|secret|token|api[_-]?key|authorization|cookie"
          + "|credentials?|private[_-]?key)[\"']?\\s{0,3}[:=]\\s{0,3}[\"']?)[^\\s\"',;&]{1,256}", "$1" + MASK),
      rule("\\b(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}\\b", MASK),
      rule("\\bgh[pousr]_[A-Za-z0-9]{36,255}\\b", MASK),
      rule("\\bgithub_pat_[A-Za-z0-9_]{50,255}", MASK),
      rule("\\bgl(?:pat|dt|ptt|rt|cbt|ft|imt|agent|oas|soat)-[A-Za-z0-9_.-]{20,255}", MASK),
      rule("\\bx(?:ox[bparse]|app)-[A-Za-z0-9-]{10,250}", MASK),
      rule("\\b[sr]k_(?:live|test)_[A-Za-z0-9]{16,247}", MASK),
      rule("\\bwhsec_[A-Za-z0-9]{24,255}", MASK),
      rule("\\bAIza[A-Za-z0-9_-]{35}", MASK),
      rule("\\bnpm_[A-Za-z0-9]{36,255}", MASK),
      rule("\\bsk-ant-[A-Za-z0-9_-]{32,255}", MASK),
      rule("\\bsk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,255}", MASK),
      rule("\\beyJ[A-Za-z0-9_-]{7,4096}\\.[A-Za-z0-9_-]{10,8192}(?:\\.[A-Za-z0-9_-]{0,4096})?", MASK),
      rule("-----BEGIN [A-Z0-9 ]{0,40}PRIVATE KEY-----[\\s\\S]{0,16384}?-----END [A-Z0-9 ]{0,40}PRIVATE KEY-----", MASK),
      rule("\\b(Bearer|Basic)\\s{1,4}[A-Za-z0-9._~+/=-]{8,4096}", "$1 " + MASK),
      rule("\\b([a-zA-Z][a-zA-Z0-9+.-]{0,31}://[^\\s:@/]{0,64}:)[^\\s@/]{1,128}@", "$1" + MASK + "@"),
      rule("(?i)([;?&](?:password|pwd|accountkey|sharedaccesskey)=)[^;&\\s]{1,1024}", "$1" + MASK),
      rule("(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\\.[A-Za-z0-9-]{1,63}){1,8}", MASK),
      rule("(?:/home/|/Users/)[^/\\s\"']{1,64}|\\b[A-Za-z]:\\\\Users\\\\[^\\\\\\s\"']{1,64}", "~"));
  private static final Pattern CARD = Pattern.compile("\\b(?:\\d[ -]?){12,18}\\d\\b");

  private static Rule rule(String regex, String replacement) {
    return new Rule(Pattern.compile(regex), replacement);
  }

  public String redact(String text) {
    String out = text;
    for (Rule rule : RULES) {
      out = rule.pattern().matcher(out).replaceAll(rule.replacement());
    }
    return redactCards(out);
  }

  private static String redactCards(String text) {
    Matcher m = CARD.matcher(text);
    StringBuilder out = null;
    int copied = 0;
    while (m.find()) {
      if (luhn(m.group())) {
        if (out == null) {
          out = new StringBuilder(text.length());
        }
        out.append(text, copied, m.start()).append(MASK);
        copied = m.end();
      }
    }
    return out == null ? text : out.append(text, copied, text.length()).toString();
  }

  private static boolean luhn(String candidate) {
    int sum = 0;
    int k = 0;
    for (int i = candidate.length() - 1; i >= 0; i--) {
      char c = candidate.charAt(i);
      if (c < '0' || c > '9') {
        continue;
      }
      int d = c - '0';
      if ((k++ & 1) == 1) {
        d = d * 2 > 9 ? d * 2 - 9 : d * 2;
      }
      sum += d;
    }
    return sum % 10 == 0;
  }
}
