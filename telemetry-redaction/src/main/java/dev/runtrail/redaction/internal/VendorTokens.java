package dev.runtrail.redaction.internal;

import static dev.runtrail.redaction.internal.CharClass.ALNUM;
import static dev.runtrail.redaction.internal.CharClass.B64URL;
import static dev.runtrail.redaction.internal.CharClass.HEX;
import static dev.runtrail.redaction.internal.CharClass.KEY;
import static dev.runtrail.redaction.internal.CharClass.WORD;

/**
 * Vendor tokens recognised by their prefix. The scan stops on the prefix's separator ('_' or '-', or '.'
 * after a digit for {@code ya29.}), a rare char, and looks back at the word before it, so a clean string
 * pays one table lookup per char. Prefixes without a separator stop it on a rare pair of letters:
 * {@code AKIA} and {@code AIza} on 'A' at a token start, {@code SG.} on 'G' after 'S', {@code dapi} on 'a'
 * after 'd'. Platform credentials ({@code dckr_pat_}, {@code PMAK-}, {@code ATATT3}...) share these anchors
 * and are matched in {@link PlatformTokens}. Failing checks look at a bounded number of chars; a body is only walked in full when it
 * matches.
 */
final class VendorTokens {
  private static final String[] GITHUB = {"ghp", "gho", "ghu", "ghs", "ghr"};
  private static final String[] GITLAB = {
    "glpat", "gldt", "glptt", "glrt", "glcbt", "glft", "glimt", "glagent", "gloas", "glsoat", "glffct"
  };
  private static final String[] SLACK = {"xoxb", "xoxp", "xoxa", "xoxr", "xoxs", "xoxe", "xapp"};
  private static final String[] SHOPIFY = {"shpat", "shpss", "shpca", "shppa"};
  /** OpenAI key kinds after {@code sk-}: project, service account, admin. */
  private static final String[] OPENAI_KINDS = {"proj-", "svcacct-", "admin-"};
  /** The start of every PyPI upload token: the base64 of a macaroon whose location is "pypi.org". */
  private static final String PYPI_MACAROON = "AgEIcHlwaS5vcmc";
  private static final int OPENAI_ENTROPY_WINDOW = 48;
  private static final int HUGGINGFACE_MIN = 34;
  private static final int GOOGLE_OAUTH_MIN = 20;
  private static final int GRAFANA_CLOUD_MIN = 32;
  /** Stripe bodies this long or longer are keys; from {@link #STRIPE_SHORT_MIN} they must not read as a word. */
  private static final int STRIPE_MIN = 16;
  private static final int STRIPE_SHORT_MIN = 10;

  private VendorTokens() {}

  /**
   * Tokens whose prefix ends with '_' at {@code u}: GitHub, Stripe, npm, Hugging Face, DigitalOcean,
   * Shopify, Grafana, Docker Hub, Linear.
   */
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
      return stripe(s, ws, u);
    }
    if (len == 5 && CharClass.matches(s, ws, "whsec")) {
      return body(s, ws, u + 1, ALNUM, 24, RuleIds.STRIPE_WEBHOOK_SECRET, u);
    }
    if (len == 2 && CharClass.matches(s, ws, "hf")) {
      return huggingFace(s, ws, u);
    }
    if (len == 3 && CharClass.matches(s, ws, "do") && CharClass.matches(s, u + 1, "v1_")
        && (s.charAt(ws + 2) == 'p' || s.charAt(ws + 2) == 'o' || s.charAt(ws + 2) == 'r')) {
      return exact(s, ws, u + 4, HEX, 64, RuleIds.DIGITALOCEAN_TOKEN, u);
    }
    if (len == 5 && anyWord(s, ws, u, SHOPIFY)) {
      return exact(s, ws, u + 1, HEX, 32, RuleIds.SHOPIFY_TOKEN, u);
    }
    if (len == 4 && CharClass.matches(s, ws, "glsa")) {
      return grafanaServiceAccount(s, ws, u);
    }
    if (len == 3 && CharClass.matches(s, ws, "glc")) {
      return grafanaCloud(s, ws, u);
    }
    if (len == 4 && CharClass.matches(s, ws, "dckr")
        && (CharClass.matches(s, u + 1, "pat_") || CharClass.matches(s, u + 1, "oat_"))) {
      return body(s, ws, u + 5, B64URL, 27, RuleIds.DOCKER_HUB_TOKEN, u);
    }
    if (len == 3 && CharClass.matches(s, ws, "lin") && CharClass.matches(s, u + 1, "api_")) {
      return exact(s, ws, u + 5, ALNUM, 40, RuleIds.LINEAR_API_KEY, u);
    }
    return ScanResult.resumeAt(u + 1);
  }

  /**
   * Tokens whose prefix ends with '-' at {@code d}: GitLab, Slack, OpenAI, Anthropic, PyPI, Postman, Mailgun,
   * Heroku, New Relic, Google OAuth client secrets.
   */
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
    if (first == 'p' && d - ws == 4 && CharClass.matches(s, ws, "pypi")
        && CharClass.matches(s, d + 1, PYPI_MACAROON)) {
      return body(s, ws, d + 1 + PYPI_MACAROON.length(), B64URL, 50, RuleIds.PYPI_TOKEN, d);
    }
    if (first == 'P' && d - ws == 4 && CharClass.matches(s, ws, "PMAK")) {
      return PlatformTokens.postman(s, ws, d);
    }
    if (first == 'k' && d - ws == 3 && CharClass.matches(s, ws, "key")) {
      return exact(s, ws, d + 1, HEX, 32, RuleIds.MAILGUN_API_KEY, d);
    }
    if (first == 'H' && d - ws == 4 && CharClass.matches(s, ws, "HRKU")) {
      return ServiceTokens.heroku(s, ws, d);
    }
    if (first == 'N' && d - ws == 4 && CharClass.matches(s, ws, "NR")) {
      return ServiceTokens.newRelic(s, ws, d);
    }
    if (first == 'G' && d - ws == 6 && CharClass.matches(s, ws, "GOCSPX")) {
      return ServiceTokens.googleClientSecret(s, ws, d);
    }
    return ScanResult.resumeAt(d + 1);
  }

  /** The scanner's gate for an 'A' at a token start: AKIA, ASIA, ABIA, ACCA, A3T, AIza, ATATT3, AGE-SECRET-KEY-1. */
  static boolean isUpperASecond(char c) {
    return c == 'K' || c == 'S' || c == 'B' || c == 'C' || c == 'I' || c == 'T' || c == 'G' || c == '3';
  }

  /**
   * Uppercase 'A' at {@code a} (a token start): AWS access key ids and Google API keys, both of fixed
   * length (the legacy {@code A3T} + 1 + 16 ids too); Atlassian API tokens ({@code ATATT3}) and age secret keys ({@code AGE-SECRET-KEY-1}).
   */
  static long upperA(String s, int a) {
    if (a > 0 && CharClass.isAlnum(s.charAt(a - 1))) {
      return ScanResult.resumeAt(a + 1);
    }
    if (CharClass.matches(s, a + 1, "KIA") || CharClass.matches(s, a + 1, "SIA")
        || CharClass.matches(s, a + 1, "BIA") || CharClass.matches(s, a + 1, "CCA")
        || CharClass.matches(s, a + 1, "3T") && CharClass.at(s, a + 3, CharClass.UPPER | CharClass.DIGIT)) {
      int end = CharClass.runEnd(s, a + 4, a + 21, CharClass.UPPER | CharClass.DIGIT);
      if (end == a + 20 && !CharClass.at(s, end, ALNUM)) {
        return ScanResult.match(RuleIds.AWS_ACCESS_KEY_ID, a, end);
      }
    } else if (CharClass.matches(s, a + 1, "Iza")) {
      int end = CharClass.runEnd(s, a + 4, a + 40, B64URL);
      if (end == a + 39) {
        return ScanResult.match(RuleIds.GOOGLE_API_KEY, a, end);
      }
    } else if (CharClass.matches(s, a + 1, "TATT3")) {
      return PlatformTokens.atlassian(s, a);
    } else if (CharClass.matches(s, a + 1, "GE-SECRET-KEY-1")) {
      return PlatformTokens.age(s, a);
    }
    return ScanResult.resumeAt(a + 1);
  }

  /** SendGrid API keys at {@code g} (a token start): {@code SG.} + 22 + {@code .} + 43 base64url. */
  static long sendGrid(String s, int g) {
    if (!CharClass.matches(s, g + 1, "G.")) {
      return ScanResult.resumeAt(g + 1);
    }
    int dot = CharClass.runEnd(s, g + 3, g + 26, B64URL);
    if (dot != g + 25 || !CharClass.matches(s, dot, ".")) {
      return ScanResult.resumeAt(g + 1);
    }
    int end = CharClass.runEnd(s, dot + 1, dot + 45, B64URL);
    return end == dot + 44 ? ScanResult.match(RuleIds.SENDGRID_API_KEY, g, end) : ScanResult.resumeAt(g + 1);
  }

  /** Databricks tokens at {@code d} (a token start): {@code dapi} + 32 hex [+ {@code -} digit]. */
  static long databricks(String s, int d) {
    if (!CharClass.matches(s, d + 1, "api")) {
      return ScanResult.resumeAt(d + 1);
    }
    int end = CharClass.runEnd(s, d + 4, d + 37, HEX);
    if (end != d + 36 || CharClass.at(s, end, ALNUM)) {
      return ScanResult.resumeAt(d + 1);
    }
    if (CharClass.matches(s, end, "-") && CharClass.at(s, end + 1, CharClass.DIGIT)
        && !CharClass.at(s, end + 2, ALNUM)) {
      end += 2;
    }
    return ScanResult.match(RuleIds.DATABRICKS_TOKEN, d, end);
  }

  /**
   * '.' at {@code p} after {@code ya29}: Google OAuth 2.0 access tokens, 20+ base64url chars (dots inside,
   * as in {@code ya29.c.c0AS...}, not at the end).
   */
  static long googleOAuth(String s, int p) {
    int ws = p - 4;
    if (ws < 0 || !CharClass.matches(s, ws, "ya29") || ws > 0 && CharClass.is(s.charAt(ws - 1), WORD)
        || !CharClass.at(s, p + 1, B64URL)) {
      return ScanResult.resumeAt(p + 1);
    }
    int end = CharClass.runEnd(s, p + 1, s.length(), KEY);
    while (s.charAt(end - 1) == '.') {
      end--;
    }
    // A failed walk is long only when all but the first <20 chars are dots: few anchors can re-walk it.
    return end - p - 1 < GOOGLE_OAUTH_MIN
        ? ScanResult.resumeAt(p + 1) : ScanResult.match(RuleIds.GOOGLE_OAUTH_ACCESS_TOKEN, ws, end);
  }

  /**
   * OpenAI keys: {@code sk-} then a long token; a legacy key must be mixed case with digits in its first
   * 48 chars, a project, service account or admin key ({@code sk-proj-}...) needs an upper case letter or
   * a digit there (plain kebab words qualify for neither).
   */
  private static long openAi(String s, int ws, int d) {
    int from = d + 1;
    boolean kind = false;
    for (String k : OPENAI_KINDS) {
      if (CharClass.matches(s, from, k)) {
        from += k.length();
        kind = true;
        break;
      }
    }
    int limit = Math.min(s.length(), from + OPENAI_ENTROPY_WINDOW);
    boolean digit = false;
    boolean upper = false;
    boolean lower = false;
    int i = from;
    for (; i < limit && CharClass.is(s.charAt(i), B64URL); i++) {
      char c = s.charAt(i);
      digit |= CharClass.isDigit(c);
      upper |= CharClass.is(c, CharClass.UPPER);
      lower |= CharClass.is(c, CharClass.LOWER);
    }
    WorkMeter.add(i - d);
    if (kind ? !(digit || upper) : !(digit && upper && lower)) {
      return ScanResult.resumeAt(d + 1);
    }
    return body(s, ws, from, B64URL, 20, RuleIds.OPENAI_API_KEY, d);
  }

  /**
   * Stripe secret and restricted keys after {@code sk_live_}, {@code rk_test_}...: 16+ alphanumerics, or
   * 10-15 with a digit or both letter cases (the vendor's format allows 10-99; a short all-lower-case body
   * such as {@code rk_live_deployment} is a word).
   */
  private static long stripe(String s, int ws, int u) {
    int from = u + 6;
    int end = CharClass.runEnd(s, from, s.length(), ALNUM);
    WorkMeter.add(end - from);
    int length = end - from;
    if (length >= STRIPE_MIN || length >= STRIPE_SHORT_MIN && !readsAsWord(s, from, end)) {
      return ScanResult.match(RuleIds.STRIPE_SECRET_KEY, ws, end);
    }
    return ScanResult.resumeAt(u + 1);
  }

  /** True when {@code s[from, end)} has no digit and only one letter case. */
  private static boolean readsAsWord(String s, int from, int end) {
    boolean upper = false;
    boolean lower = false;
    for (int i = from; i < end; i++) {
      char c = s.charAt(i);
      if (CharClass.isDigit(c)) {
        return false;
      }
      upper |= CharClass.is(c, CharClass.UPPER);
      lower |= CharClass.is(c, CharClass.LOWER);
    }
    return !(upper && lower);
  }

  /** Hugging Face: {@code hf_} then 34+ letters, mixed case (a glued identifier is neither). */
  private static long huggingFace(String s, int ws, int u) {
    int end = CharClass.runEnd(s, u + 1, s.length(), CharClass.ALPHA);
    if (end - u - 1 < HUGGINGFACE_MIN || CharClass.at(s, end, WORD)) {
      return ScanResult.resumeAt(u + 1);
    }
    boolean upper = false;
    boolean lower = false;
    for (int i = u + 1; i < end && !(upper && lower); i++) {
      upper |= CharClass.is(s.charAt(i), CharClass.UPPER);
      lower |= CharClass.is(s.charAt(i), CharClass.LOWER);
    }
    return upper && lower ? ScanResult.match(RuleIds.HUGGINGFACE_TOKEN, ws, end) : ScanResult.resumeAt(u + 1);
  }

  /** Grafana Cloud API tokens: {@code glc_} + 32+ base64 ({@code [A-Za-z0-9+/]}) + up to two '='. */
  private static long grafanaCloud(String s, int ws, int u) {
    int end = u + 1;
    while (end < s.length() && (CharClass.isAlnum(s.charAt(end)) || s.charAt(end) == '+' || s.charAt(end) == '/')) {
      end++;
    }
    WorkMeter.add(end - u);
    if (end - u - 1 < GRAFANA_CLOUD_MIN) {
      return ScanResult.resumeAt(u + 1);
    }
    for (int pad = 0; pad < 2 && CharClass.matches(s, end, "="); pad++) {
      end++;
    }
    return ScanResult.match(RuleIds.GRAFANA_TOKEN, ws, end);
  }

  /** Grafana service account tokens: {@code glsa_} + 32 alphanumerics + {@code _} + 8 hex. */
  private static long grafanaServiceAccount(String s, int ws, int u) {
    int sep = CharClass.runEnd(s, u + 1, u + 34, ALNUM);
    if (sep != u + 33 || !CharClass.matches(s, sep, "_")) {
      return ScanResult.resumeAt(u + 1);
    }
    return exact(s, ws, sep + 1, HEX, 8, RuleIds.GRAFANA_TOKEN, u);
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

  /** A body of exactly {@code length} {@code mask} chars, not glued to a following alphanumeric. */
  private static long exact(String s, int start, int from, int mask, int length, int rule, int anchor) {
    int end = CharClass.runEnd(s, from, from + length + 1, mask);
    if (end != from + length || CharClass.at(s, end, ALNUM)) {
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
