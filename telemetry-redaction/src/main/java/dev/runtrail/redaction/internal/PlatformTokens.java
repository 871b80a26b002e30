package dev.runtrail.redaction.internal;

import static dev.runtrail.redaction.internal.CharClass.ALNUM;
import static dev.runtrail.redaction.internal.CharClass.B64URL;
import static dev.runtrail.redaction.internal.CharClass.B64URL_PAD;
import static dev.runtrail.redaction.internal.CharClass.HEX;

/**
 * Credentials of the platforms a deploy pipeline talks to (Vault, Terraform Cloud, Docker Hub, Azure AD,
 * Atlassian, Postman, Linear, Doppler, age, Mailgun), matched once the scan has stopped on their rare
 * anchor: 'v' after 'h' ({@code hvs.}), '.' after {@code atlasv1}, '~' after 'Q', 'p' after 'd'
 * ({@code dp.}), 'A' at a token start, or a '_'/'-' prefix ending (through {@link VendorTokens}). Like
 * there, a failing check reads a bounded window; an open-ended body is walked in full only when it matches.
 */
final class PlatformTokens {
  private static final int VAULT_MIN = 90;
  /** Vault dev-server root tokens and pre-1.10 service tokens: 24 chars after {@code hvs.} or {@code s.}. */
  private static final int VAULT_SHORT = 24;
  private static final int VAULT_BATCH_MIN = 138;
  private static final int TERRAFORM_ID = 14;
  private static final int TERRAFORM_MIN = 60;
  private static final int TERRAFORM_MAX = 70;
  private static final int AZURE_MIN = 31;
  private static final int AZURE_MAX = 34;
  private static final int ATLASSIAN_MIN = 180;
  private static final int DOPPLER_MIN = 40;
  private static final int AGE_LENGTH = 58;
  /** Doppler token kinds after {@code dp.}: personal, service, CLI, service account, SCIM, audit. */
  private static final String[] DOPPLER_KINDS = {"pt.", "st.", "ct.", "sa.", "scim.", "audit."};
  private static final String AGE_PREFIX = "AGE-SECRET-KEY-1";
  /** The bech32 data alphabet, upper case: no 1, B, I, O. */
  private static final String BECH32 = "QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L";

  private PlatformTokens() {}

  /**
   * HashiCorp Vault tokens at {@code h} (a token start): {@code hvs.} (service) and {@code hvr.} (recovery)
   * + 90+, {@code hvb.} (batch) + 138+ base64url chars; a shorter {@code hvs.} token (a dev server's root
   * token, 24 chars) when it looks random.
   */
  static long vault(String s, int h) {
    if (!atTokenStart(s, h) || !CharClass.matches(s, h, "hv") || !CharClass.matches(s, h + 3, ".")) {
      return ScanResult.resumeAt(h + 1);
    }
    char kind = s.charAt(h + 2);
    if (kind != 's' && kind != 'r' && kind != 'b') {
      return ScanResult.resumeAt(h + 1);
    }
    int end = CharClass.runEnd(s, h + 4, s.length(), B64URL);
    int length = end - h - 4;
    if (length >= (kind == 'b' ? VAULT_BATCH_MIN : VAULT_MIN)
        || kind == 's' && length >= VAULT_SHORT && !dottedOn(s, end) && looksRandom(s, h + 4, end)) {
      return ScanResult.match(RuleIds.VAULT_TOKEN, h, end);
    }
    return ScanResult.resumeAt(h + 1);
  }

  /**
   * Legacy Vault service tokens at {@code s0} (a lone 's' before '.'): {@code s.} + exactly 24
   * alphanumerics that look random (not {@code s.getConfigurationManagerX}).
   */
  static long legacyVault(String s, int s0) {
    if (!atTokenStart(s, s0)) {
      return ScanResult.resumeAt(s0 + 2);
    }
    int from = s0 + 2;
    int end = CharClass.runEnd(s, from, from + VAULT_SHORT + 1, ALNUM);
    if (end != from + VAULT_SHORT || CharClass.at(s, end, B64URL) || dottedOn(s, end) || !looksRandom(s, from, end)) {
      return ScanResult.resumeAt(s0 + 2);
    }
    return ScanResult.match(RuleIds.VAULT_TOKEN, s0, end);
  }

  /** A '.' at {@code p} that continues a dotted name ({@code s.abc.def}) rather than ending a sentence. */
  private static boolean dottedOn(String s, int p) {
    return CharClass.matches(s, p, ".") && CharClass.at(s, p + 1, ALNUM);
  }

  /**
   * Mixed case with a digit, or with six of each case: random alphanumerics nearly always are, names and
   * camelCase identifiers are not.
   */
  private static boolean looksRandom(String s, int from, int to) {
    int upper = 0;
    int lower = 0;
    boolean digit = false;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (CharClass.is(c, CharClass.UPPER)) {
        upper++;
      } else if (CharClass.is(c, CharClass.LOWER)) {
        lower++;
      } else if (CharClass.isDigit(c)) {
        digit = true;
      }
    }
    WorkMeter.add(to - from);
    return upper > 0 && lower > 0 && (digit || upper >= 6 && lower >= 6);
  }

  /**
   * '.' at {@code p} after {@code atlasv1}: Terraform Cloud / Enterprise API tokens, 14 alphanumerics +
   * {@code .atlasv1.} + 60-70 of {@code [A-Za-z0-9_=-]}.
   */
  static long terraformCloud(String s, int p) {
    int dot = p - 8;
    int start = dot - TERRAFORM_ID;
    if (start < 0 || !CharClass.matches(s, dot, ".atlasv1")
        || CharClass.runStart(s, dot, start - 1, ALNUM) != start) {
      return ScanResult.resumeAt(p + 1);
    }
    int end = CharClass.runEnd(s, p + 1, p + 2 + TERRAFORM_MAX, B64URL_PAD);
    int length = end - p - 1;
    return length < TERRAFORM_MIN || length > TERRAFORM_MAX
        ? ScanResult.resumeAt(p + 1) : ScanResult.match(RuleIds.TERRAFORM_CLOUD_TOKEN, start, end);
  }

  /**
   * '~' at {@code t} after 'Q': Azure AD (Entra) client secrets, 3 of {@code [A-Za-z0-9_~.]} + a digit +
   * {@code Q~} + 31-34 of {@code [A-Za-z0-9_~.-]}, standing alone (gitleaks' azure-ad-client-secret).
   */
  static long azureAd(String s, int t) {
    int start = t - 5;
    if (start < 0 || s.charAt(t - 1) != 'Q' || !CharClass.isDigit(s.charAt(t - 2)) || start > 0 && isAzureBody(s.charAt(start - 1))) {
      return ScanResult.resumeAt(t + 1);
    }
    for (int i = start; i < t - 2; i++) {
      if (!isAzureHead(s.charAt(i))) {
        return ScanResult.resumeAt(t + 1);
      }
    }
    int limit = Math.min(s.length(), t + AZURE_MAX + 3);
    int end = t + 1;
    while (end < limit && isAzureBody(s.charAt(end))) {
      end++;
    }
    WorkMeter.add(end - start);
    if (end < s.length() && isAzureBody(s.charAt(end))) {
      return ScanResult.resumeAt(t + 1);
    }
    // A sentence may end right after the secret: its '.' is not part of it.
    while (end - t - 1 > AZURE_MAX && s.charAt(end - 1) == '.') {
      end--;
    }
    int length = end - t - 1;
    return length < AZURE_MIN || length > AZURE_MAX
        ? ScanResult.resumeAt(t + 1) : ScanResult.match(RuleIds.AZURE_AD_CLIENT_SECRET, start, end);
  }

  /** Atlassian API tokens at {@code a} (a token start, {@code ATATT3} checked): 180+ of {@code [A-Za-z0-9_=-]}. */
  static long atlassian(String s, int a) {
    int end = CharClass.runEnd(s, a + 6, s.length(), B64URL_PAD);
    return end - a - 6 < ATLASSIAN_MIN
        ? ScanResult.resumeAt(a + 1) : ScanResult.match(RuleIds.ATLASSIAN_API_TOKEN, a, end);
  }

  /** age secret keys at {@code a} (a token start, prefix checked): {@code AGE-SECRET-KEY-1} + 58 bech32. */
  static long age(String s, int a) {
    int from = a + AGE_PREFIX.length();
    int limit = Math.min(s.length(), from + AGE_LENGTH);
    int end = from;
    while (end < limit && BECH32.indexOf(s.charAt(end)) >= 0) {
      end++;
    }
    WorkMeter.add(end - a);
    return end != from + AGE_LENGTH || CharClass.at(s, end, ALNUM)
        ? ScanResult.resumeAt(a + 1) : ScanResult.match(RuleIds.AGE_SECRET_KEY, a, end);
  }

  /** Postman API keys after {@code PMAK-} at {@code d}: 24 hex + {@code -} + 34 hex. */
  static long postman(String s, int ws, int d) {
    int dash = CharClass.runEnd(s, d + 1, d + 26, HEX);
    if (dash != d + 25 || !CharClass.matches(s, dash, "-")) {
      return ScanResult.resumeAt(d + 1);
    }
    int end = CharClass.runEnd(s, dash + 1, dash + 36, HEX);
    return end != dash + 35 || CharClass.at(s, end, ALNUM)
        ? ScanResult.resumeAt(d + 1) : ScanResult.match(RuleIds.POSTMAN_API_KEY, ws, end);
  }

  /**
   * Doppler tokens at {@code d} (a token start): {@code dp.pt.}, {@code dp.st.}, {@code dp.ct.},
   * {@code dp.sa.}, {@code dp.scim.}, {@code dp.audit.} + 40+ alphanumerics.
   */
  static long doppler(String s, int d) {
    if (!atTokenStart(s, d) || !CharClass.matches(s, d, "dp.")) {
      return ScanResult.resumeAt(d + 1);
    }
    for (String kind : DOPPLER_KINDS) {
      if (CharClass.matches(s, d + 3, kind)) {
        int from = d + 3 + kind.length();
        int end = CharClass.runEnd(s, from, s.length(), ALNUM);
        return end - from < DOPPLER_MIN || CharClass.at(s, end, CharClass.WORD)
            ? ScanResult.resumeAt(d + 1) : ScanResult.match(RuleIds.DOPPLER_TOKEN, d, end);
      }
    }
    return ScanResult.resumeAt(d + 1);
  }

  private static boolean atTokenStart(String s, int p) {
    return p == 0 || !CharClass.isAlnum(s.charAt(p - 1));
  }

  private static boolean isAzureHead(char c) {
    return CharClass.isAlnum(c) || c == '_' || c == '~' || c == '.';
  }

  private static boolean isAzureBody(char c) {
    return isAzureHead(c) || c == '-';
  }
}
