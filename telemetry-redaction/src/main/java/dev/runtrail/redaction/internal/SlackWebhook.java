package dev.runtrail.redaction.internal;

/**
 * Slack incoming webhook URLs ({@code https://hooks.slack.com/services/T.../B.../secret}, also
 * {@code /workflows/} and {@code /triggers/}): the path after the kind is the credential and is replaced,
 * scheme, host and kind stay so the log still says where it was posting. Found from the first '/' of
 * {@code ://}, which the scan already stops at, or, written without a scheme
 * ({@code hooks.slack.com/services/...}), from the '.' after {@code hooks} (the scan stops at '.' after
 * 's' for Vault tokens anyway).
 */
final class SlackWebhook {
  private static final String HOST = "//hooks.slack.com/";
  static final String BARE_HOST = "hooks.slack.com/";
  private static final String[] KINDS = {"services/", "workflows/", "triggers/"};
  private static final int MAX_PATH = 256;
  private static final int MIN_LAST_SEGMENT = 16;

  private SlackWebhook() {}

  /** '/' at {@code p}, right after a scheme's ':'. */
  static long match(String s, int p) {
    if (!CharClass.matches(s, p, HOST)) {
      return ScanResult.resumeAt(p + 1);
    }
    int kindStart = p + HOST.length();
    for (String kind : KINDS) {
      if (CharClass.matches(s, kindStart, kind)) {
        return secretPath(s, p, kindStart + kind.length());
      }
    }
    return ScanResult.resumeAt(p + 1);
  }

  /** {@code hooks.slack.com/} at {@code h}, with or without a scheme before it. */
  static long matchBareHost(String s, int h) {
    if (h > 0 && (CharClass.isAlnum(s.charAt(h - 1)) || s.charAt(h - 1) == '.' || s.charAt(h - 1) == '-')) {
      return ScanResult.resumeAt(h + 6);
    }
    int kindStart = h + BARE_HOST.length();
    for (String kind : KINDS) {
      if (CharClass.matches(s, kindStart, kind)) {
        return secretPath(s, h + 5, kindStart + kind.length());
      }
    }
    return ScanResult.resumeAt(h + 6);
  }

  /** Segments of {@code [A-Za-z0-9+]} split by '/': 3+ of them, the last one 16+ chars long. */
  private static long secretPath(String s, int p, int from) {
    int limit = Math.min(s.length(), from + MAX_PATH);
    int segments = 0;
    int segmentStart = from;
    int end = from;
    int lastLength = 0;
    for (int i = from; i <= limit; i++) {
      char c = i < limit ? s.charAt(i) : ' ';
      if (c == '/' || !(CharClass.isAlnum(c) || c == '+')) {
        if (i == segmentStart) {
          break;
        }
        segments++;
        lastLength = i - segmentStart;
        end = i;
        segmentStart = i + 1;
        if (c != '/') {
          break;
        }
      }
    }
    WorkMeter.add(end - from + 1);
    if (segments < 3 || lastLength < MIN_LAST_SEGMENT) {
      return ScanResult.resumeAt(p + 1);
    }
    return ScanResult.match(RuleIds.SLACK_WEBHOOK_URL, from, end);
  }
}
