package dev.runtrail.redaction.internal;

import java.util.function.IntConsumer;

/**
 * The single pass over a string. An {@link AnchorTable} marks the few chars where a rule can anchor
 * ('@', '=', ':', '-', '_', 'J', 'A', 'B', 'G', 'a', 'f', 'p', 'v', '~', '.', '/', '\', digits) and after which previous
 * chars; every other char costs one table load and one branch. At an anchor, an inlined check rejects the
 * common harmless cases ({@code trace_id=}, {@code 2025-09-20T10:22:31Z}, short numbers) in a few
 * instructions; only what survives runs that anchor's matchers, each reading a bounded window or consuming
 * what it matched, so the pass is linear. Nothing is allocated until the first match: a clean string comes
 * back as itself.
 */
public final class TextScanner {
  private static final long ID_RULES = 1L << RuleIds.CARD_NUMBER;

  private final byte[] kinds;
  private final int[] steps;
  private final int[] multi;
  private final long enabledRules;
  private final long enabledRulesHigh;
  /** True when any token family rule is on ({@link TokenFamilies}). */
  private final boolean families;
  private final Replacement replacement;
  private final IntConsumer onMatch;
  private final Assignment assignment;
  private final CliFlag cliFlag;
  private final ConfigCommand configCommand;
  private final CardNumbers cards;
  private final NumberContext numbers;
  private final HomePath homePath;
  private final UserName userName;
  private final boolean ipv4;
  private final boolean ipv6;
  private final boolean emails;
  private final boolean homePaths;
  private final boolean slackWebhooks;
  /** Second char of a configured home directory that starts with '/', or 0. */
  private final char homeSecondChar;

  /** @param onMatch told the rule id of each replacement (must not throw) */
  public TextScanner(ScannerSettings settings, IntConsumer onMatch) {
    this.enabledRules = settings.enabledRules();
    this.enabledRulesHigh = settings.enabledRulesHigh();
    boolean anyFamily = false;
    for (int rule = RuleIds.FIRST_FAMILY; rule < RuleIds.COUNT; rule++) {
      anyFamily |= settings.enabled(rule);
    }
    this.families = anyFamily;
    this.replacement = settings.replacement();
    this.onMatch = onMatch;
    KeyClassifier keys = settings.keys();
    this.assignment = new Assignment(keys, settings.strict(), replacement.maskText());
    this.cliFlag = new CliFlag(keys, settings.strict());
    this.configCommand = new ConfigCommand(keys, settings.strict());
    this.numbers = new NumberContext(keys);
    this.cards = new CardNumbers(numbers);
    this.homePath = new HomePath(settings.homeDirectory());
    this.ipv4 = enabled(RuleIds.IPV4_ADDRESS);
    this.ipv6 = enabled(RuleIds.IPV6_ADDRESS);
    this.emails = enabled(RuleIds.EMAIL);
    this.homePaths = enabled(RuleIds.HOME_PATH);
    this.slackWebhooks = enabled(RuleIds.SLACK_WEBHOOK_URL);
    String home = settings.homeDirectory();
    this.homeSecondChar = enabled(RuleIds.HOME_PATH) && home != null && home.length() > 1 && home.startsWith("/")
        ? home.charAt(1) : 0;
    String user = settings.userName();
    this.userName = enabled(RuleIds.USER_NAME) && user != null && user.length() >= UserName.MIN_LENGTH
        && user.charAt(0) < 128 ? new UserName(user) : null;
    AnchorTable table = new AnchorTable(enabledRules, userName == null ? 0 : userName.firstChar(), families);
    this.kinds = table.kinds;
    this.steps = table.steps;
    this.multi = table.multi;
  }

  private boolean enabled(int rule) {
    return (enabledRules & (1L << rule)) != 0;
  }

  /** Redacts {@code s}; returns {@code s} itself when nothing matched. */
  public String redact(String s) {
    return redact(s, 0L);
  }

  /** @param suppressedRules bits of rules that must not fire on this text (values under id keys) */
  public String redact(String s, long suppressedRules) {
    int n = s.length();
    if (n > ScanResult.MAX_POSITION) {
      onMatch.accept(RuleIds.SENSITIVE_KEY);
      return replacement.forValue(s);
    }
    long allowed = enabledRules & ~suppressedRules;
    final byte[] gate = kinds;
    final int[] anchorSteps = steps;
    StringBuilder out = null;
    int copied = 0;
    int jwtMemo = 0;
    int i = 0;
    while (true) {
      i = nextAnchor(anchorSteps, s, i, n);
      if (i >= n) {
        break;
      }
      int kind = gate[s.charAt(i)];
      int skip = skipHarmless(kind, s, i, n, (allowed & ID_RULES) != 0);
      if (skip > i) {
        i = skip;
        continue;
      }
      long r = kind == AnchorTable.MULTI ? dispatchMulti(s, i, jwtMemo) : dispatch(kind, s, i, jwtMemo);
      if (!ScanResult.isMatch(r)) {
        if (kind == AnchorTable.J) {
          jwtMemo = Math.max(jwtMemo, ScanResult.memo(r));
        }
        i = Math.max(i + 1, ScanResult.resumePosition(r));
        continue;
      }
      int rule = ScanResult.rule(r);
      int end = ScanResult.end(r);
      int start = Math.max(ScanResult.start(r), copied);
      if (RuleIds.in(rule, allowed, enabledRulesHigh) && end > start) {
        if (out == null) {
          out = new StringBuilder(n + 16);
        }
        out.append(s, copied, start);
        replacement.append(out, rule, s, start, end);
        copied = end;
        onMatch.accept(rule);
        i = Math.max(i + 1, end);
      } else {
        i++;
      }
    }
    WorkMeter.add(n);
    return out == null ? s : out.append(s, copied, n).toString();
  }

  /**
   * The prefilter: the next position holding an anchor char that follows a char it can follow, or
   * {@code n}. One table load and one test per char; what is carried from one char to the next is its
   * class as a previous char, which came with the same load.
   */
  private static int nextAnchor(int[] steps, String s, int from, int n) {
    int prevClass = from > 0 ? steps[s.charAt(from - 1)] >>> 16 : AnchorTable.OTHER;
    for (int i = from; i < n; i++) {
      int step = steps[s.charAt(i)];
      if ((step & prevClass) != 0) {
        return i;
      }
      prevClass = step >>> 16;
    }
    return n;
  }

  /**
   * The most frequent anchors first (numbers, '=', '-', '_', ':'), each check small enough to inline; the
   * rare ones go through {@link #quickSkip}.
   */
  private int skipHarmless(int kind, String s, int i, int n, boolean cardsOn) {
    if (kind == AnchorTable.DIGIT && !ipv4) {
      int e = CardNumbers.digitsEnd(s, i + 1, n);
      if (families && TokenFamilies.mayStartAtDigits(s, i, e) && !CharClass.isAlnum(i > 0 ? s.charAt(i - 1) : ' ')) {
        return i; // 4b1d..., <app id>|<secret>
      }
      int skip = CardNumbers.quickSkipNumber(s, i, e, n, cardsOn);
      // A '.' ending a number ("in 42.") is no ya29. anchor: step over it instead of stopping again.
      return skip > i && skip < n && s.charAt(skip) == '.' && CharClass.isDigit(s.charAt(skip - 1)) ? skip + 1 : skip;
    }
    if (kind == AnchorTable.ASSIGN || kind == AnchorTable.COLON && !ipv6) {
      return assignment.keyEnd(s, i) < 0 ? i + 1 : i;
    }
    if (kind == AnchorTable.DASH) {
      return quickSkipDash(s, i, n);
    }
    if (kind == AnchorTable.UNDERSCORE) {
      return PrefixEnds.UNDERSCORE.mayEndAt(s, i) ? i : i + 1;
    }
    return quickSkip(kind, s, i, n, cardsOn);
  }

  /**
   * The common harmless cases, small enough to inline: returns a position past {@code i} to resume at
   * when no rule can match at this anchor, or {@code i} when the anchor's matchers must run.
   */
  private int quickSkip(int kind, String s, int i, int n, boolean cardsOn) {
    char prev = i > 0 ? s.charAt(i - 1) : ' ';
    switch (kind) {
      case AnchorTable.DIGIT:
        return quickSkipDigit(s, i, n, prev, cardsOn);
      case AnchorTable.ASSIGN:
        return assignment.keyEnd(s, i) < 0 ? i + 1 : i;
      case AnchorTable.COLON:
        return assignment.keyEnd(s, i) < 0 && !(ipv6 && (CharClass.is(prev, CharClass.HEX) || prev == ':'
            || CharClass.matches(s, i + 1, ":"))) ? i + 1 : i;
      case AnchorTable.DASH:
        return quickSkipDash(s, i, n);
      case AnchorTable.UNDERSCORE:
        return PrefixEnds.UNDERSCORE.mayEndAt(s, i) ? i : i + 1;
      case AnchorTable.J:
        return i >= 2 && prev == 'y' && s.charAt(i - 2) == 'e' ? i : i + 1;
      case AnchorTable.UPPER_A:
        return !CharClass.isAlnum(prev) && i + 1 < n && (VendorTokens.isUpperASecond(s.charAt(i + 1))
            || families && TokenFamilies.mayStartAtA(s, i, prev)) ? i : i + 1;
      case AnchorTable.PAIR:
        return atTokenStart(s, i - 1) && TokenFamilies.mayStartPair(s, i - 1) ? i : i + 1;
      case AnchorTable.UPPER_G:
        return prev == 'S' && atTokenStart(s, i - 1) && CharClass.matches(s, i + 1, ".") ? i : i + 1;
      case AnchorTable.LOWER_A:
        return prev == 'd' && atTokenStart(s, i - 1) && CharClass.matches(s, i + 1, "pi") ? i : i + 1;
      case AnchorTable.DOT:
        return prev == '9' && i >= 4 && s.charAt(i - 2) == '2' && s.charAt(i - 3) == 'a' && s.charAt(i - 4) == 'y'
            || prev == '1' && i >= 8 && s.charAt(i - 2) == 'v' && CharClass.matches(s, i - 8, ".atlasv")
            || prev == '1' && families && (TokenFamilies.endsPrefix(s, i, "dt0c01") || isTokenStartPair(s, i, 't'))
            || prev == 's' && (atTokenStart(s, i - 1) || i >= 5 && CharClass.matches(s, i - 5, SlackWebhook.BARE_HOST))
            || prev == 'l' && families && isTokenStartPair(s, i, 's')
            ? i : i + 1;
      case AnchorTable.LOWER_P:
        return prev == 'd' && atTokenStart(s, i - 1) && CharClass.matches(s, i + 1, ".") ? i : i + 1;
      case AnchorTable.LOWER_V:
        return prev == 'h' && atTokenStart(s, i - 1) && CharClass.matches(s, i + 2, ".") ? i : i + 1;
      case AnchorTable.TILDE:
        return prev == 'Q' && i >= 5 && CharClass.isDigit(s.charAt(i - 2))
            || prev == '6' && families && TokenFamilies.endsPrefix(s, i, "sha256") ? i : i + 1;
      case AnchorTable.UPPER_K:
        return atTokenStart(s, i - 1) ? i : i + 1;
      case AnchorTable.DISCORD:
        return atTokenStart(s, i - 1) ? i : i + 1;
      case AnchorTable.LOWER_U:
        return ServiceTokens.mayEndMailchimp(s, i - 1) ? i : i + 1;
      case AnchorTable.B:
        return !CharClass.isAlnum(prev) && i + 1 < n && (s.charAt(i + 1) == 'e' || s.charAt(i + 1) == 'a'
            || s.charAt(i + 1) == 'E' || s.charAt(i + 1) == 'A' || PasswordPhrases.mayBeIdentifiedBy(s, i)) ? i : i + 1;
      case AnchorTable.PASSWORD_W:
        return PasswordPhrases.mayBePassword(s, i) ? i : i + 1;
      case AnchorTable.GT:
        return assignment.mayCloseSecretTag(s, i) ? i : i + 1;
      case AnchorTable.CONFIG:
        return ConfigCommand.mayStartAt(s, i) ? i : i + 1;
      case AnchorTable.SLASH:
        return prev == ':' || i + 1 < n && (s.charAt(i + 1) == 'h' || s.charAt(i + 1) == 'U'
            || s.charAt(i + 1) == homeSecondChar) || prev == '2' && families && TokenFamilies.endsPrefix(s, i, "webhookb2")
            ? i : i + 1;
      case AnchorTable.BACKSLASH:
        return prev == ':' ? i : i + 1;
      default:
        return i;
    }
  }

  /** True when the two chars before {@code i} start a token and the first is {@code first} ({@code t1.}, {@code sl.}). */
  private static boolean isTokenStartPair(String s, int i, char first) {
    return i >= 2 && s.charAt(i - 2) == first && atTokenStart(s, i - 2);
  }

  /** True when {@code p} is a position in {@code s} with no alphanumeric before it. */
  private static boolean atTokenStart(String s, int p) {
    return p == 0 || p > 0 && !CharClass.isAlnum(s.charAt(p - 1));
  }

  private static int quickSkipDash(String s, int i, int n) {
    return i + 1 < n && s.charAt(i + 1) == '-' || PrefixEnds.DASH.mayEndAt(s, i) || CommandPassword.mayStartFlag(s, i)
        ? i : i + 1;
  }

  /**
   * Digits glued to letters (hex ids, words) are skipped whole. A card starts with a group of 4+ digits
   * and an issuer prefix, so other numbers are skipped together with the short runs chained to them
   * ({@code 10:22:31.123Z}); IPv4 (strict) needs the matcher.
   */
  private int quickSkipDigit(String s, int i, int n, char prev, boolean cardsOn) {
    if (i > 0 && CharClass.isAlnum(prev)) {
      int e = i + 1;
      while (e < n && CharClass.isAlnum(s.charAt(e))) {
        e++;
      }
      return e;
    }
    int e = CardNumbers.digitsEnd(s, i + 1, n);
    if (families && TokenFamilies.mayStartAtDigits(s, i, e)) {
      return i;
    }
    if (ipv4 && e < n && s.charAt(e) == '.') {
      return i;
    }
    if (cardsOn && e - i >= 4 && CardNumbers.mayStartCard(s, i)) {
      return i;
    }
    return ipv4 ? e : CardNumbers.shortNumericTail(s, e);
  }

  private long dispatchMulti(String s, int i, int jwtMemo) {
    for (int rest = multi[s.charAt(i)]; rest != 0; rest &= rest - 1) {
      int kind = Integer.numberOfTrailingZeros(rest);
      if (quickSkip(kind, s, i, s.length(), true) > i) {
        continue;
      }
      long r = dispatch(kind, s, i, jwtMemo);
      if (ScanResult.isMatch(r)) {
        return r;
      }
    }
    return ScanResult.resumeAt(i + 1);
  }

  private long dispatch(int kind, String s, int i, int jwtMemo) {
    switch (kind) {
      case AnchorTable.AT:
        return AtSign.match(s, i, emails);
      case AnchorTable.ASSIGN:
        return assignment.match(s, i);
      case AnchorTable.COLON:
        return colon(s, i);
      case AnchorTable.DASH:
        return dash(s, i);
      case AnchorTable.UNDERSCORE:
        return orElse(VendorTokens.underscore(s, i), s, i);
      case AnchorTable.J:
        return jay(s, i, jwtMemo);
      case AnchorTable.UPPER_A:
        return upperA(s, i);
      case AnchorTable.PAIR:
        return TokenFamilies.pair(s, i - 1);
      case AnchorTable.B:
        return PasswordPhrases.mayBeIdentifiedBy(s, i) ? PasswordPhrases.identifiedBy(s, i) : AuthScheme.match(s, i);
      case AnchorTable.PASSWORD_W:
        return PasswordPhrases.password(s, i);
      case AnchorTable.GT:
        return assignment.element(s, i);
      case AnchorTable.CONFIG:
        return configCommand.match(s, i);
      case AnchorTable.SLASH:
        return slash(s, i);
      case AnchorTable.BACKSLASH:
        return homePath.backslash(s, i);
      case AnchorTable.DIGIT:
        return digit(s, i);
      case AnchorTable.USER:
        return userName.match(s, i);
      case AnchorTable.UPPER_G:
        return VendorTokens.sendGrid(s, i - 1);
      case AnchorTable.LOWER_A:
        return VendorTokens.databricks(s, i - 1);
      case AnchorTable.DOT:
        return dot(s, i);
      case AnchorTable.LOWER_P:
        return PlatformTokens.doppler(s, i - 1);
      case AnchorTable.LOWER_V:
        return PlatformTokens.vault(s, i - 1);
      case AnchorTable.TILDE:
        return s.charAt(i - 1) == '6' ? TokenFamilies.tilde(s, i - 6) : PlatformTokens.azureAd(s, i);
      case AnchorTable.UPPER_K:
        return ServiceTokens.twilio(s, i - 1);
      case AnchorTable.DISCORD:
        return ServiceTokens.discord(s, i - 1);
      case AnchorTable.LOWER_U:
        return ServiceTokens.mailchimp(s, i - 1);
      default:
        return ScanResult.resumeAt(i + 1);
    }
  }

  /** '.' after {@code ya29}, {@code atlasv1}, a lone 's' ({@code s.} Vault tokens) or {@code hooks}. */
  private long dot(String s, int i) {
    char prev = s.charAt(i - 1);
    if (prev == '1') {
      if (families && isTokenStartPair(s, i, 't')) {
        return TokenFamilies.dot(s, i - 2); // t1. Yandex Cloud IAM tokens
      }
      return families && TokenFamilies.endsPrefix(s, i, "dt0c01")
          ? TokenFamilies.dot(s, i - 6) : PlatformTokens.terraformCloud(s, i);
    }
    if (prev == 'l') {
      return families ? TokenFamilies.dot(s, i - 2) : ScanResult.resumeAt(i + 1); // sl. Dropbox
    }
    if (prev != 's') {
      return VendorTokens.googleOAuth(s, i);
    }
    if (slackWebhooks && i >= 5 && CharClass.matches(s, i - 5, SlackWebhook.BARE_HOST)) {
      return SlackWebhook.matchBareHost(s, i - 5);
    }
    return PlatformTokens.legacyVault(s, i - 1);
  }

  private long colon(String s, int i) {
    long r = assignment.match(s, i);
    return !ScanResult.isMatch(r) && ipv6 ? IpAddresses.ipv6(s, i) : r;
  }

  /** '/': a Slack webhook after {@code ://}, a Teams webhook's path after {@code webhookb2/}, else a home path. */
  private long slash(String s, int p) {
    if (families && p > 0 && s.charAt(p - 1) == '2' && TokenFamilies.endsPrefix(s, p, "webhookb2")) {
      long r = TokenFamilies.slash(s, p - 9);
      if (ScanResult.isMatch(r)) {
        return r;
      }
    }
    if (slackWebhooks && p > 0 && s.charAt(p - 1) == ':') {
      long r = SlackWebhook.match(s, p);
      if (ScanResult.isMatch(r)) {
        return r;
      }
    }
    return homePaths ? homePath.slash(s, p) : ScanResult.resumeAt(p + 1);
  }

  private long dash(String s, int d) {
    if (PemBlock.startsAt(s, d)) {
      return PemBlock.match(s, d);
    }
    if (CommandPassword.mayStartFlag(s, d)) {
      return CommandPassword.match(s, d);
    }
    if (CharClass.matches(s, d + 1, "-")) {
      long r = cliFlag.match(s, d);
      if (ScanResult.isMatch(r) || ScanResult.isMatch(r = CommandPassword.curlLongUser(s, d))) {
        return r; // strict mode's user key masks curl's whole --user value first
      }
      // not a flag: a token whose body starts with '-' (GOCSPX--0fV...) follows its prefix's '-'
    }
    return orElse(VendorTokens.dash(s, d), s, d);
  }

  /**
   * After the hand-written prefix matchers failed at separator {@code sep}: a checksum-valid GitHub or npm
   * token or a structured Slack token glued to what precedes it, then the token families.
   */
  private long orElse(long r, String s, int sep) {
    if (ScanResult.isMatch(r) || !families) {
      return r;
    }
    long glued = s.charAt(sep) == '_' ? Checksums.gluedCrcToken(s, sep) : Checksums.gluedSlackToken(s, sep);
    return ScanResult.isMatch(glued) ? glued : TokenFamilies.atSeparator(s, sep);
  }

  /** 'J': a JWT, else (after {@code eyJrIjoi}) a Grafana API key. The JWT's memo is kept on a miss. */
  private long jay(String s, int i, int jwtMemo) {
    long r = Jwt.match(s, i, jwtMemo);
    if (ScanResult.isMatch(r) || !families || i < 2 || !CharClass.matches(s, i - 2, "eyJrIjoi")) {
      return r;
    }
    long grafana = TokenFamilies.j(s, i - 2);
    return ScanResult.isMatch(grafana) ? grafana : r;
  }

  /** 'A' at a token start: AWS, Google, Atlassian, age; then the token families (and Telegram after ':'). */
  private long upperA(String s, int a) {
    long r = VendorTokens.upperA(s, a);
    if (ScanResult.isMatch(r) || !families || a > 0 && CharClass.isAlnum(s.charAt(a - 1))) {
      return r;
    }
    long family = a > 1 && s.charAt(a - 1) == ':' ? TokenFamilies.telegram(s, a) : TokenFamilies.upperA(s, a);
    return ScanResult.isMatch(family) ? family : r;
  }

  /**
   * A token-starting digit run may begin an IPv4 address (strict; not a version such as
   * {@code Chrome/131.0.0.0}) or a card number.
   */
  private long digit(String s, int d) {
    if (d > 0 && CharClass.isAlnum(s.charAt(d - 1))) {
      return ScanResult.resumeAt(CharClass.runEnd(s, d, s.length(), CharClass.ALNUM));
    }
    if (families && TokenFamilies.mayStartAtDigit(s, d)) {
      long r = TokenFamilies.digit(s, d);
      if (ScanResult.isMatch(r)) {
        return r;
      }
    }
    if (ipv4) {
      long r = IpAddresses.ipv4(s, d);
      if (ScanResult.isMatch(r)) {
        if (!numbers.isVersion(s, d, ScanResult.end(r))) {
          return r;
        }
        return ScanResult.resumeAt(ScanResult.end(r));
      }
    }
    return cards.match(s, d);
  }
}
