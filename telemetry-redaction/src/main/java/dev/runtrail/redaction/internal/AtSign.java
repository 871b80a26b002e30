package dev.runtrail.redaction.internal;

import static dev.runtrail.redaction.internal.CharClass.ALNUM;

/**
 * What an '@' can reveal: credentials in a URL ({@code scheme://user:PASSWORD@host}: only the password
 * is replaced, or a token used as the user name) and e-mail addresses. Both look back a bounded
 * distance that stops at the previous '@', so hostile input such as {@code a@a@a@...} or a 100k-char
 * local part costs linear work (the quadratic JDK e-mail regex is the trap this avoids).
 */
final class AtSign {
  private static final int MAX_USERINFO = 128;
  private static final int MAX_SCHEME = 32;
  private static final int MAX_LOCAL = 64;
  private static final int MAX_DOMAIN = 253;
  private static final int MIN_TOKEN_USER = 20;

  private AtSign() {}

  static long match(String s, int at, boolean emails) {
    long url = urlCredentials(s, at);
    if (ScanResult.isMatch(url) || !emails) {
      return url;
    }
    return email(s, at);
  }

  static long urlCredentials(String s, int at) {
    int u = CharClass.runStart(s, at, at - MAX_USERINFO, CharClass.USERINFO);
    if (u < 4 || u == at || !CharClass.matches(s, u - 3, "://")) {
      return ScanResult.resumeAt(at + 1);
    }
    int schemeStart = CharClass.runStart(s, u - 3, u - 3 - MAX_SCHEME, CharClass.SCHEME);
    if (schemeStart == u - 3 || !CharClass.is(s.charAt(schemeStart), CharClass.ALPHA)) {
      return ScanResult.resumeAt(at + 1);
    }
    int colon = indexOf(s, ':', u, at);
    if (colon >= 0) {
      return colon + 1 < at
          ? ScanResult.match(RuleIds.URL_CREDENTIALS, colon + 1, at)
          : ScanResult.resumeAt(at + 1);
    }
    if (at - u >= MIN_TOKEN_USER && AuthScheme.looksLikeCredential(s, u, at)) {
      return ScanResult.match(RuleIds.URL_CREDENTIALS, u, at);
    }
    return ScanResult.resumeAt(at + 1);
  }

  private static int indexOf(String s, char c, int from, int to) {
    for (int i = from; i < to; i++) {
      if (s.charAt(i) == c) {
        return i;
      }
    }
    return -1;
  }

  static long email(String s, int at) {
    int local = CharClass.runStart(s, at, at - MAX_LOCAL - 1, CharClass.EMAIL_LOCAL);
    while (local < at && s.charAt(local) == '.') {
      local++;
    }
    if (local == at || at - local > MAX_LOCAL
        || (local > 0 && CharClass.is(s.charAt(local - 1), CharClass.EMAIL_LOCAL))
        || (at - local == 3 && CharClass.matches(s, local, "git"))) {
      return ScanResult.resumeAt(at + 1);
    }
    int end = domainEnd(s, at + 1);
    return end < 0 ? ScanResult.resumeAt(at + 1) : ScanResult.match(RuleIds.EMAIL, local, end);
  }

  /** End of a domain of 2+ labels with an alphabetic TLD, starting at {@code from}; -1 if none. */
  private static int domainEnd(String s, int from) {
    int limit = Math.min(s.length(), from + MAX_DOMAIN);
    int i = from;
    int labels = 0;
    int tldStart = -1;
    int end = -1;
    while (i < limit) {
      int labelStart = i;
      while (i < limit && (CharClass.isAlnum(s.charAt(i)) || s.charAt(i) == '-')) {
        i++;
      }
      if (i == labelStart) {
        break;
      }
      labels++;
      tldStart = labelStart;
      end = i;
      if (i + 1 < limit && s.charAt(i) == '.' && CharClass.isAlnum(s.charAt(i + 1))) {
        i++;
      } else {
        break;
      }
    }
    WorkMeter.add(i - from + 1);
    if (labels < 2 || end - tldStart < 2 || CharClass.at(s, end, ALNUM)) {
      return -1;
    }
    for (int k = tldStart; k < end; k++) {
      if (!CharClass.is(s.charAt(k), CharClass.ALPHA)) {
        return -1;
      }
    }
    return end;
  }
}
