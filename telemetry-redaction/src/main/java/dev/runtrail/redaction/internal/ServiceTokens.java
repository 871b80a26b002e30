package dev.runtrail.redaction.internal;

import static dev.runtrail.redaction.internal.CharClass.ALNUM;
import static dev.runtrail.redaction.internal.CharClass.B64URL;
import static dev.runtrail.redaction.internal.CharClass.HEX;

/**
 * Credentials of the SaaS services an app sends messages, e-mail and telemetry through (Twilio, Discord,
 * Heroku, New Relic, Google OAuth clients, Mailchimp), matched once the scan has stopped on their anchor:
 * 'K' after 'S' ({@code SK} + 32 hex, either case), 'T'/'j'/'z'/'D' after 'M'/'N'/'O' (a Discord bot token begins
 * with the base64 of the bot's numeric id: {@code [MNO][DTjz]}), a '-' prefix ending (through {@link VendorTokens}), or 'u' after '-'
 * ({@code -us} + a digit after 32 hex, Mailchimp). As elsewhere, a failing check reads a bounded window; every body has a
 * fixed or capped length.
 */
final class ServiceTokens {
  private static final int TWILIO_HEX = 32;
  private static final int DISCORD_ID_MIN = 23;
  private static final int DISCORD_ID_MAX = 28;
  private static final int DISCORD_TIMESTAMP = 6;
  private static final int DISCORD_HMAC_MIN = 27;
  private static final int DISCORD_HMAC_MAX = 38;
  private static final int HEROKU_BODY = 58;
  private static final int NEW_RELIC_USER = 27;
  private static final int NEW_RELIC_INSERT = 32;
  private static final int NEW_RELIC_BROWSER = 19;
  private static final int GOOGLE_CLIENT_SECRET = 28;
  private static final int MAILCHIMP_HEX = 32;

  private ServiceTokens() {}

  /**
   * Twilio API key SIDs at {@code s0} (the 'S', a token start): {@code SK} + 32 hex (Twilio prints its
   * SIDs in lower case; upper-case copies, as in env files and gitleaks' format, are taken too). The key's SID is
   * what a leaked secret is used with, and Twilio prints nothing else that starts so; account SIDs
   * ({@code AC...}) and message SIDs ({@code SM...}) are ids and pass.
   */
  static long twilio(String s, int s0) {
    if (!atTokenStart(s, s0) || !CharClass.matches(s, s0 + 1, "K")) {
      return ScanResult.resumeAt(s0 + 2);
    }
    int limit = Math.min(s.length(), s0 + 3 + TWILIO_HEX);
    int end = s0 + 2;
    while (end < limit && CharClass.is(s.charAt(end), HEX)) {
      end++;
    }
    WorkMeter.add(end - s0);
    return end != s0 + 2 + TWILIO_HEX || CharClass.at(s, end, ALNUM)
        ? ScanResult.resumeAt(s0 + 2) : ScanResult.match(RuleIds.TWILIO_API_KEY, s0, end);
  }

  /**
   * Discord bot tokens at {@code m} (a token start): the base64 of the bot's id (23-28 chars), '.', a
   * 6-char timestamp, '.', a 27-38 char HMAC.
   */
  static long discord(String s, int m) {
    if (!atTokenStart(s, m)) {
      return ScanResult.resumeAt(m + 1);
    }
    int dot = CharClass.runEnd(s, m, m + DISCORD_ID_MAX + 1, ALNUM);
    if (dot - m < DISCORD_ID_MIN || !CharClass.matches(s, dot, ".")) {
      return ScanResult.resumeAt(m + 1);
    }
    int second = CharClass.runEnd(s, dot + 1, dot + DISCORD_TIMESTAMP + 2, B64URL);
    if (second != dot + 1 + DISCORD_TIMESTAMP || !CharClass.matches(s, second, ".")) {
      return ScanResult.resumeAt(m + 1);
    }
    int end = CharClass.runEnd(s, second + 1, second + DISCORD_HMAC_MAX + 2, B64URL);
    int hmac = end - second - 1;
    return hmac < DISCORD_HMAC_MIN || hmac > DISCORD_HMAC_MAX
        ? ScanResult.resumeAt(m + 1) : ScanResult.match(RuleIds.DISCORD_BOT_TOKEN, m, end);
  }

  /** Heroku API keys after {@code HRKU-} at {@code d}: {@code AA} + 58 base64url. */
  static long heroku(String s, int ws, int d) {
    if (!CharClass.matches(s, d + 1, "AA")) {
      return ScanResult.resumeAt(d + 1);
    }
    return exactRun(s, ws, d + 3, B64URL, HEROKU_BODY, RuleIds.HEROKU_API_KEY, d);
  }

  /**
   * New Relic keys after {@code NRAK-} (user API key, 27 alphanumerics), {@code NRII-} (insert key, 32 of
   * {@code [A-Za-z0-9-]}) or {@code NRJS-} (browser key, 19 hex) at {@code d}.
   */
  static long newRelic(String s, int ws, int d) {
    char kind = s.charAt(ws + 3);
    if (kind == 'K' && s.charAt(ws + 2) == 'A') {
      return exactRun(s, ws, d + 1, ALNUM, NEW_RELIC_USER, RuleIds.NEW_RELIC_API_KEY, d);
    }
    if (kind == 'I' && s.charAt(ws + 2) == 'I') {
      int limit = Math.min(s.length(), d + 2 + NEW_RELIC_INSERT);
      int end = d + 1;
      while (end < limit && (CharClass.isAlnum(s.charAt(end)) || s.charAt(end) == '-')) {
        end++;
      }
      WorkMeter.add(end - d);
      return end != d + 1 + NEW_RELIC_INSERT || CharClass.at(s, end, B64URL)
          ? ScanResult.resumeAt(d + 1) : ScanResult.match(RuleIds.NEW_RELIC_API_KEY, ws, end);
    }
    if (kind == 'S' && s.charAt(ws + 2) == 'J') {
      return exactRun(s, ws, d + 1, HEX, NEW_RELIC_BROWSER, RuleIds.NEW_RELIC_API_KEY, d);
    }
    return ScanResult.resumeAt(d + 1);
  }

  /** Google OAuth client secrets after {@code GOCSPX-} at {@code d}: 28 base64url. */
  static long googleClientSecret(String s, int ws, int d) {
    return exactRun(s, ws, d + 1, B64URL, GOOGLE_CLIENT_SECRET, RuleIds.GOOGLE_OAUTH_CLIENT_SECRET, d);
  }

  /** Whether {@code -us} + a digit follows the '-' at {@code d} after a hex char (a Mailchimp data center). */
  static boolean mayEndMailchimp(String s, int d) {
    return d >= MAILCHIMP_HEX && CharClass.matches(s, d + 1, "us") && CharClass.at(s, d + 3, CharClass.DIGIT)
        && CharClass.is(s.charAt(d - 1), HEX);
  }

  /** Mailchimp API keys ending at the '-' at {@code d}: 32 hex (a token start) + {@code -us} + 1-2 digits. */
  static long mailchimp(String s, int d) {
    int start = d - MAILCHIMP_HEX;
    if (CharClass.runStart(s, d, start, HEX) != start || !atTokenStart(s, start)) {
      return ScanResult.resumeAt(d + 1);
    }
    int end = CharClass.runEnd(s, d + 3, d + 6, CharClass.DIGIT);
    // -us21.api.mailchimp.com is a host name, not a key: "-us1" glued to a '.' and a letter passes too
    if (CharClass.matches(s, end, ".") && CharClass.at(s, end + 1, ALNUM)) {
      return ScanResult.resumeAt(d + 1);
    }
    return end - d - 3 > 2 || CharClass.at(s, end, ALNUM)
        ? ScanResult.resumeAt(d + 1) : ScanResult.match(RuleIds.MAILCHIMP_API_KEY, start, end);
  }

  /** A body of exactly {@code length} {@code mask} chars from {@code from}, not glued to another one. */
  private static long exactRun(String s, int start, int from, int mask, int length, int rule, int anchor) {
    int end = CharClass.runEnd(s, from, from + length + 1, mask);
    return end != from + length || CharClass.at(s, end, B64URL)
        ? ScanResult.resumeAt(anchor + 1) : ScanResult.match(rule, start, end);
  }

  private static boolean atTokenStart(String s, int p) {
    return p == 0 || !CharClass.isAlnum(s.charAt(p - 1));
  }
}
