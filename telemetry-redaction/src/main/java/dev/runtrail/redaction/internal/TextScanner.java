package dev.runtrail.redaction.internal;

import java.util.function.IntConsumer;

/**
 * The single pass over a string. A 128-entry table marks the few chars where a rule can anchor ('@', '=',
 * ':', '-', '_', 'J', 'A', 'B'/'b', '/', '\', digits); every other char costs one load and one branch.
 * At an anchor only that anchor's matchers run, each reading a bounded window (or consuming what it
 * matched), so the whole pass is linear. Nothing is allocated until the first match: a clean string
 * comes back as the same instance.
 */
public final class TextScanner {
  static final int AT = 1;
  static final int ASSIGN = 1 << 1;
  static final int COLON = 1 << 2;
  static final int DASH = 1 << 3;
  static final int UNDERSCORE = 1 << 4;
  static final int J = 1 << 5;
  static final int UPPER_A = 1 << 6;
  static final int B = 1 << 7;
  static final int SLASH = 1 << 8;
  static final int BACKSLASH = 1 << 9;
  static final int DIGIT = 1 << 10;
  static final int USER = 1 << 11;

  private final int[] anchors = new int[128];
  private final long enabledRules;
  private final Replacement replacement;
  private final IntConsumer onMatch;
  private final Assignment assignment;
  private final CliFlag cliFlag;
  private final CardNumbers cards;
  private final HomePath homePath;
  private final UserName userName;

  /**
   * @param enabledRules bit per {@link RuleIds} id that may report
   * @param onMatch told the rule id of each replacement (must not throw)
   */
  public TextScanner(ScannerSettings settings, IntConsumer onMatch) {
    this.enabledRules = settings.enabledRules();
    this.replacement = settings.replacement();
    this.onMatch = onMatch;
    KeyClassifier keys = settings.keys();
    this.assignment = new Assignment(keys, settings.strict(), replacement.maskText());
    this.cliFlag = new CliFlag(keys, settings.strict());
    this.cards = new CardNumbers(keys);
    this.homePath = new HomePath(settings.homeDirectory());
    String user = settings.userName();
    this.userName = enabled(RuleIds.USER_NAME) && user != null && user.length() >= UserName.MIN_LENGTH
        && user.charAt(0) < 128 ? new UserName(user) : null;
    fillAnchors();
  }

  private boolean enabled(int rule) {
    return (enabledRules & (1L << rule)) != 0;
  }

  private boolean anyEnabled(int... rules) {
    for (int rule : rules) {
      if (enabled(rule)) {
        return true;
      }
    }
    return false;
  }

  private void fillAnchors() {
    if (anyEnabled(RuleIds.URL_CREDENTIALS, RuleIds.EMAIL)) mark('@', AT);
    if (anyEnabled(RuleIds.SENSITIVE_KEY, RuleIds.PII_KEY, RuleIds.CONNECTION_STRING_SECRET,
        RuleIds.AUTHORIZATION_HEADER)) {
      mark('=', ASSIGN);
      mark(':', COLON);
    }
    if (enabled(RuleIds.IPV6_ADDRESS)) mark(':', COLON);
    if (anyEnabled(RuleIds.PEM_PRIVATE_KEY, RuleIds.GITLAB_TOKEN, RuleIds.SLACK_TOKEN, RuleIds.OPENAI_API_KEY,
        RuleIds.ANTHROPIC_API_KEY, RuleIds.SENSITIVE_KEY, RuleIds.PII_KEY)) mark('-', DASH);
    if (anyEnabled(RuleIds.GITHUB_TOKEN, RuleIds.GITHUB_FINE_GRAINED_TOKEN, RuleIds.STRIPE_SECRET_KEY,
        RuleIds.STRIPE_WEBHOOK_SECRET, RuleIds.NPM_TOKEN)) mark('_', UNDERSCORE);
    if (enabled(RuleIds.JWT)) mark('J', J);
    if (anyEnabled(RuleIds.AWS_ACCESS_KEY_ID, RuleIds.GOOGLE_API_KEY)) mark('A', UPPER_A);
    if (enabled(RuleIds.AUTHORIZATION_HEADER)) {
      mark('B', B);
      mark('b', B);
    }
    if (enabled(RuleIds.HOME_PATH)) {
      mark('/', SLASH);
      mark('\\', BACKSLASH);
    }
    if (anyEnabled(RuleIds.CARD_NUMBER, RuleIds.IPV4_ADDRESS)) {
      for (char c = '0'; c <= '9'; c++) mark(c, DIGIT);
    }
    if (userName != null) {
      char first = userName.firstChar();
      mark(first, USER);
      mark(Character.toUpperCase(first), USER);
    }
  }

  private void mark(char c, int kind) {
    anchors[c] |= kind;
  }

  /** Redacts {@code s}; returns {@code s} itself when nothing matched. */
  public String redact(String s) {
    return redact(s, 0L);
  }

  /**
   * @param suppressedRules bits of rules that must not fire on this text (values under id keys)
   */
  public String redact(String s, long suppressedRules) {
    int n = s.length();
    if (n > ScanResult.MAX_POSITION) {
      onMatch.accept(RuleIds.SENSITIVE_KEY);
      return replacement.forValue(s);
    }
    long allowed = enabledRules & ~suppressedRules;
    final int[] table = anchors;
    StringBuilder out = null;
    int copied = 0;
    int jwtMemo = 0;
    int i = 0;
    while (i < n) {
      char c = s.charAt(i);
      int kinds = c < 128 ? table[c] : 0;
      if (kinds == 0) {
        i++;
        continue;
      }
      long r = dispatch(kinds, s, i, jwtMemo);
      if (!ScanResult.isMatch(r)) {
        if (kinds == J) {
          jwtMemo = Math.max(jwtMemo, ScanResult.memo(r));
        }
        i = Math.max(i + 1, ScanResult.resumePosition(r));
        continue;
      }
      int rule = ScanResult.rule(r);
      if ((allowed & (1L << rule)) == 0) {
        i++;
        continue;
      }
      int start = Math.max(ScanResult.start(r), copied);
      int end = ScanResult.end(r);
      if (end > start) {
        if (out == null) {
          out = new StringBuilder(n + 16);
        }
        out.append(s, copied, start);
        replacement.append(out, rule, s, start, end);
        copied = end;
        onMatch.accept(rule);
      }
      i = Math.max(i + 1, end);
    }
    WorkMeter.add(n);
    if (out == null) {
      return s;
    }
    return out.append(s, copied, n).toString();
  }

  private long dispatch(int kinds, String s, int i, int jwtMemo) {
    if (Integer.bitCount(kinds) == 1) {
      return dispatchOne(kinds, s, i, jwtMemo);
    }
    for (int rest = kinds; rest != 0; rest &= rest - 1) {
      long r = dispatchOne(Integer.lowestOneBit(rest), s, i, jwtMemo);
      if (ScanResult.isMatch(r)) {
        return r;
      }
    }
    return ScanResult.resumeAt(i + 1);
  }

  private long dispatchOne(int kind, String s, int i, int jwtMemo) {
    switch (kind) {
      case AT:
        return AtSign.match(s, i, enabled(RuleIds.EMAIL));
      case ASSIGN:
        return assignment.match(s, i);
      case COLON:
        return colon(s, i);
      case DASH:
        return dash(s, i);
      case UNDERSCORE:
        return VendorTokens.underscore(s, i);
      case J:
        return Jwt.match(s, i, jwtMemo);
      case UPPER_A:
        return VendorTokens.upperA(s, i);
      case B:
        return AuthScheme.match(s, i);
      case SLASH:
        return homePath.slash(s, i);
      case BACKSLASH:
        return homePath.backslash(s, i);
      case DIGIT:
        return digit(s, i);
      case USER:
        return userName.match(s, i);
      default:
        return ScanResult.resumeAt(i + 1);
    }
  }

  private long colon(String s, int i) {
    long r = assignment.match(s, i);
    if (!ScanResult.isMatch(r) && enabled(RuleIds.IPV6_ADDRESS)) {
      return IpAddresses.ipv6(s, i);
    }
    return r;
  }

  private long dash(String s, int d) {
    if (PemBlock.startsAt(s, d)) {
      return PemBlock.match(s, d);
    }
    if (CharClass.matches(s, d + 1, "-")) {
      return cliFlag.match(s, d);
    }
    return VendorTokens.dash(s, d);
  }

  /** Digits glued to letters (hex ids, words) are skipped whole; a token-starting digit may be a card or IPv4. */
  private long digit(String s, int d) {
    if (d > 0 && CharClass.isAlnum(s.charAt(d - 1))) {
      return ScanResult.resumeAt(CharClass.runEnd(s, d, s.length(), CharClass.ALNUM));
    }
    if (enabled(RuleIds.IPV4_ADDRESS)) {
      long r = IpAddresses.ipv4(s, d);
      if (ScanResult.isMatch(r)) {
        return r;
      }
    }
    return cards.match(s, d);
  }
}
