package dev.runtrail.redaction.internal;

/**
 * Which chars can anchor which matchers, for one policy, and after what: a byte per char value (64 KiB,
 * so the scan loop indexes it with the char itself, no range check). {@link #kinds} holds a dense kind id
 * ({@link #MULTI} when several kinds share a char; then {@link #multi} holds their bits). {@link #after}
 * holds the classes of previous char after which the anchor can start a match: a digit or 'A' only at a
 * token start, '/' only at a path start (or after ':' alone, when only the Slack webhook rule needs it),
 * '_', 'J' and '~' only after a letter, '.' only after a digit ({@code ya29.}, {@code atlasv1.}) or 's'
 * ({@code s.} Vault tokens, {@code hooks.slack.com}), 'G' and 'K' only after 'S' ({@code SG.}, {@code SK}),
 * 'a' and 'p' only after 'd' ({@code dapi}, {@code dp.}), 'v' only after 'h' ({@code hvs.}), 'T', 'j', 'z', 'D'
 * only after 'M', 'N', 'O' (Discord bot tokens), 'u' only after '-' ({@code -us13}, Mailchimp), 'w' and 'W' only
 * after 's' and 'S' ({@code password <value>}), '>' only after a letter or digit ({@code <password>}), 'f' only
 * after 'n' ({@code config}, {@code configure}).
 * The scan loop tests
 * {@code after[c] & PREVIOUS[prev]} (both packed into {@link #steps}), so digits inside hex ids, '/' inside paths and '-' inside dates never
 * stop it.
 */
final class AnchorTable {
  static final byte AT = 1;
  static final byte ASSIGN = 2;
  static final byte COLON = 3;
  static final byte DASH = 4;
  static final byte UNDERSCORE = 5;
  static final byte J = 6;
  static final byte UPPER_A = 7;
  static final byte B = 8;
  static final byte SLASH = 9;
  static final byte BACKSLASH = 10;
  static final byte DIGIT = 11;
  static final byte USER = 12;
  /** 'G' after 'S' ({@code SG.}). */
  static final byte UPPER_G = 13;
  /** 'a' after 'd' ({@code dapi}). */
  static final byte LOWER_A = 14;
  static final byte DOT = 15;
  /** 'p' after 'd' ({@code dp.pt.}). */
  static final byte LOWER_P = 16;
  /** 'v' after 'h' ({@code hvs.}). */
  static final byte LOWER_V = 17;
  /** '~' after a letter ({@code Q~} in Azure AD client secrets). */
  static final byte TILDE = 18;
  /** 'K' after 'S' ({@code SK} + 32 hex, Twilio). */
  static final byte UPPER_K = 19;
  /** 'T', 'j', 'z', 'D' after 'M', 'N', 'O' (a Discord bot token starts with the base64 of a digit). */
  static final byte DISCORD = 20;
  /** 'u' after '-' ({@code -us} + a digit ends a Mailchimp key). */
  static final byte LOWER_U = 21;
  /** 'w' after 's', 'W' after 'S' ({@code password <value>}). */
  static final byte PASSWORD_W = 22;
  /** '>' after a letter or digit ({@code <password>}). */
  static final byte GT = 23;
  /** 'f' after 'n' ({@code config}, {@code configure}). */
  static final byte CONFIG = 24;
  /** 'T' after 'L', 'Z' and 'A' after 'E', 'R' and 'X' after 'G' or 'Z': rare pairs starting token family prefixes. */
  static final byte PAIR = 25;
  static final byte MULTI = 26;

  static final int LETTER = 1;
  static final int DIGIT_CHAR = 1 << 1;
  static final int UNDERSCORE_CHAR = 1 << 2;
  static final int DOT_CHAR = 1 << 3;
  static final int COLON_CHAR = 1 << 4;
  static final int OTHER = 1 << 5;
  /**
   * 'd' and 'S' are letters with classes of their own, so that 'a' can anchor after 'd' alone
   * ({@code dapi}) and 'G' after 'S' alone ({@code SG.}): two-letter prefixes without a separator cost a
   * stop per rare pair, not per word.
   */
  static final int LOWER_D_CHAR = 1 << 6;
  static final int UPPER_S_CHAR = 1 << 7;
  /** 'h', so that 'v' anchors after it alone ({@code hvs.}). */
  static final int LOWER_H_CHAR = 1 << 8;
  /**
   * 's', so that '.' anchors after it ({@code s.} Vault tokens, {@code hooks.slack.com/}); 'l' shares it
   * ({@code sl.} Dropbox tokens; 'w' after 'l', the class's other stop, is rare).
   */
  static final int LOWER_S_CHAR = 1 << 9;
  /** '-' apart from '.', so that 'u' anchors after '-' alone ({@code -us13}). */
  static final int DASH_CHAR = 1 << 10;
  /** 'M', 'N', 'O', so that the second char of a Discord bot token anchors after them alone. */
  static final int MNO_CHAR = 1 << 11;
  /** 'n', so that 'f' anchors after it alone ({@code config}). */
  static final int LOWER_N_CHAR = 1 << 12;
  /** 'L', 'E', 'G' (and 'Z'): the first chars of the pair-anchored token families ({@code LTAI}, {@code EZAK}, {@code GR1348941}, {@code ZXlK}). */
  static final int UPPER_L_CHAR = 1 << 13;
  static final int UPPER_E_CHAR = 1 << 14;
  static final int UPPER_G_CHAR = 1 << 15;
  private static final int LETTERS = LETTER | LOWER_D_CHAR | UPPER_S_CHAR | LOWER_H_CHAR | LOWER_S_CHAR | MNO_CHAR
      | LOWER_N_CHAR | UPPER_L_CHAR | UPPER_E_CHAR | UPPER_G_CHAR;
  private static final int NOT_ALNUM = UNDERSCORE_CHAR | DOT_CHAR | DASH_CHAR | COLON_CHAR | OTHER;
  private static final int ANY = NOT_ALNUM | LETTERS | DIGIT_CHAR;

  /** The class of every char as a previous char; non-ASCII counts as {@link #OTHER} (a boundary). */
  static final short[] PREVIOUS = new short[65536];

  static {
    java.util.Arrays.fill(PREVIOUS, (short) OTHER);
    for (char c = 'a'; c <= 'z'; c++) {
      PREVIOUS[c] = LETTER;
      PREVIOUS[Character.toUpperCase(c)] = LETTER;
    }
    for (char c = '0'; c <= '9'; c++) {
      PREVIOUS[c] = DIGIT_CHAR;
    }
    PREVIOUS['_'] = UNDERSCORE_CHAR;
    PREVIOUS['.'] = DOT_CHAR;
    PREVIOUS['-'] = DASH_CHAR;
    PREVIOUS[':'] = COLON_CHAR;
    PREVIOUS['d'] = LOWER_D_CHAR;
    PREVIOUS['S'] = UPPER_S_CHAR;
    PREVIOUS['h'] = LOWER_H_CHAR;
    PREVIOUS['s'] = LOWER_S_CHAR;
    PREVIOUS['l'] = LOWER_S_CHAR;
    PREVIOUS['M'] = MNO_CHAR;
    PREVIOUS['N'] = MNO_CHAR;
    PREVIOUS['O'] = MNO_CHAR;
    PREVIOUS['n'] = LOWER_N_CHAR;
    PREVIOUS['L'] = (short) UPPER_L_CHAR;
    PREVIOUS['E'] = (short) UPPER_E_CHAR;
    PREVIOUS['G'] = (short) UPPER_G_CHAR;
    PREVIOUS['Z'] = (short) UPPER_G_CHAR; // shares G's class: 'X' after it (ZXlK), rare pairs both
  }

  final byte[] kinds = new byte[65536];
  final short[] after = new short[65536];
  final int[] multi = new int[128];
  /**
   * {@link #after} in the low half and the char's own {@link #PREVIOUS} class in the high half, so the scan
   * loop gets both with one load: {@code steps[c] & prevClass} decides, {@code steps[c] >>> 16} is carried.
   */
  final int[] steps = new int[65536];

  AnchorTable(long enabledRules, char userFirstChar) {
    this(enabledRules, userFirstChar, false);
  }

  /** @param families true when any token family rule ({@link TokenFamilies}) is enabled */
  AnchorTable(long enabledRules, char userFirstChar, boolean families) {
    Rules on = rule -> rule < 64 && (enabledRules & (1L << rule)) != 0;
    if (on.any(RuleIds.URL_CREDENTIALS, RuleIds.EMAIL)) mark('@', AT, ANY);
    if (on.any(RuleIds.SENSITIVE_KEY, RuleIds.PII_KEY, RuleIds.CONNECTION_STRING_SECRET,
        RuleIds.AUTHORIZATION_HEADER)) {
      mark('=', ASSIGN, LETTERS | DIGIT_CHAR | OTHER);
      mark(':', COLON, LETTERS | DIGIT_CHAR | OTHER);
    }
    if (on.any(RuleIds.IPV6_ADDRESS)) mark(':', COLON, LETTERS | DIGIT_CHAR | OTHER);
    if (on.any(RuleIds.PEM_PRIVATE_KEY, RuleIds.GITLAB_TOKEN, RuleIds.SLACK_TOKEN, RuleIds.OPENAI_API_KEY,
        RuleIds.ANTHROPIC_API_KEY, RuleIds.PYPI_TOKEN, RuleIds.POSTMAN_API_KEY, RuleIds.MAILGUN_API_KEY,
        RuleIds.HEROKU_API_KEY, RuleIds.NEW_RELIC_API_KEY, RuleIds.GOOGLE_OAUTH_CLIENT_SECRET,
        RuleIds.SENSITIVE_KEY, RuleIds.PII_KEY) || families) {
      mark('-', DASH, LETTERS | COLON_CHAR | OTHER);
    }
    if (on.any(RuleIds.GITHUB_TOKEN, RuleIds.GITHUB_FINE_GRAINED_TOKEN, RuleIds.STRIPE_SECRET_KEY,
        RuleIds.STRIPE_WEBHOOK_SECRET, RuleIds.NPM_TOKEN, RuleIds.HUGGINGFACE_TOKEN, RuleIds.DIGITALOCEAN_TOKEN,
        RuleIds.SHOPIFY_TOKEN, RuleIds.GRAFANA_TOKEN, RuleIds.DOCKER_HUB_TOKEN, RuleIds.LINEAR_API_KEY) || families) {
      mark('_', UNDERSCORE, LETTERS);
    }
    if (families) {
      mark('_', UNDERSCORE, DIGIT_CHAR); // fm2_, r8_, lsv2_
      mark('A', UPPER_A, NOT_ALNUM); // AKCp, ABSK, A3-, AQVN; Telegram's ':A'
      mark('J', J, LETTERS); // eyJrIjoi
      mark('~', TILDE, DIGIT_CHAR); // sha256~
      mark('.', DOT, DIGIT_CHAR); // dt0c01., t1.
      mark('.', DOT, LOWER_S_CHAR); // sl. (after 'l', which shares 's''s class)
      mark('T', PAIR, UPPER_L_CHAR);
      mark('Z', PAIR, UPPER_E_CHAR);
      mark('A', PAIR, UPPER_E_CHAR);
      mark('R', PAIR, UPPER_G_CHAR);
      mark('X', PAIR, UPPER_G_CHAR); // ZXlK (also stops after G: GX is rare)
      mark('/', SLASH, DIGIT_CHAR); // webhookb2/
    }
    if (on.any(RuleIds.JWT)) mark('J', J, LETTERS);
    if (on.any(RuleIds.AWS_ACCESS_KEY_ID, RuleIds.GOOGLE_API_KEY, RuleIds.ATLASSIAN_API_TOKEN,
        RuleIds.AGE_SECRET_KEY)) {
      mark('A', UPPER_A, NOT_ALNUM);
    }
    if (on.any(RuleIds.SENDGRID_API_KEY)) mark('G', UPPER_G, UPPER_S_CHAR);
    if (on.any(RuleIds.DATABRICKS_TOKEN)) mark('a', LOWER_A, LOWER_D_CHAR);
    if (on.any(RuleIds.GOOGLE_OAUTH_ACCESS_TOKEN, RuleIds.TERRAFORM_CLOUD_TOKEN)) mark('.', DOT, DIGIT_CHAR);
    if (on.any(RuleIds.VAULT_TOKEN, RuleIds.SLACK_WEBHOOK_URL)) mark('.', DOT, LOWER_S_CHAR);
    if (on.any(RuleIds.TWILIO_API_KEY)) mark('K', UPPER_K, UPPER_S_CHAR);
    if (on.any(RuleIds.MAILCHIMP_API_KEY)) mark('u', LOWER_U, DASH_CHAR);
    if (on.any(RuleIds.DISCORD_BOT_TOKEN)) {
      for (char c : new char[] {'T', 'j', 'z', 'D'}) mark(c, DISCORD, MNO_CHAR);
    }
    if (on.any(RuleIds.DOPPLER_TOKEN)) mark('p', LOWER_P, LOWER_D_CHAR);
    if (on.any(RuleIds.VAULT_TOKEN)) mark('v', LOWER_V, LOWER_H_CHAR);
    if (on.any(RuleIds.AZURE_AD_CLIENT_SECRET)) mark('~', TILDE, LETTERS);
    if (on.any(RuleIds.AUTHORIZATION_HEADER, RuleIds.SENSITIVE_KEY)) mark('B', B, NOT_ALNUM);
    if (on.any(RuleIds.SENSITIVE_KEY, RuleIds.PII_KEY)) mark('>', GT, LETTERS | DIGIT_CHAR);
    if (on.any(RuleIds.SENSITIVE_KEY)) {
      mark('w', PASSWORD_W, LOWER_S_CHAR);
      mark('W', PASSWORD_W, UPPER_S_CHAR);
      mark('f', CONFIG, LOWER_N_CHAR);
    }
    if (on.any(RuleIds.HOME_PATH)) {
      mark('/', SLASH, COLON_CHAR | OTHER);
      mark('\\', BACKSLASH, COLON_CHAR);
    }
    if (on.any(RuleIds.SLACK_WEBHOOK_URL)) mark('/', SLASH, COLON_CHAR);
    if (on.any(RuleIds.CARD_NUMBER, RuleIds.IPV4_ADDRESS)) {
      for (char c = '0'; c <= '9'; c++) mark(c, DIGIT, NOT_ALNUM);
    }
    if (userFirstChar != 0) {
      mark(CharClass.lower(userFirstChar), USER, DOT_CHAR | DASH_CHAR | COLON_CHAR | OTHER);
      mark(Character.toUpperCase(userFirstChar), USER, DOT_CHAR | DASH_CHAR | COLON_CHAR | OTHER);
    }
    for (int c = 0; c < steps.length; c++) {
      steps[c] = after[c] & 0xffff | (PREVIOUS[c] & 0xffff) << 16;
    }
  }

  private void mark(char c, byte kind, int previous) {
    after[c] |= (short) previous;
    byte current = kinds[c];
    if (current == 0 || current == kind) {
      kinds[c] = kind;
      return;
    }
    if (current != MULTI) {
      multi[c] = 1 << current;
    }
    multi[c] |= 1 << kind;
    kinds[c] = MULTI;
  }

  @FunctionalInterface
  private interface Rules {
    boolean on(int rule);

    default boolean any(int... rules) {
      for (int rule : rules) {
        if (on(rule)) {
          return true;
        }
      }
      return false;
    }
  }
}
