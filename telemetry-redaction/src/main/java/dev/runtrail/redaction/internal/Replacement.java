package dev.runtrail.redaction.internal;

/**
 * What a match is replaced with: the mask ({@code [REDACTED]} or a custom text), or a length hint
 * ({@code <redacted:32chars>}, length in code points) so a reader still sees how long the secret was;
 * home paths become {@code ~} and the user name {@code <user>}.
 */
public final class Replacement {
  public static final String DEFAULT_MASK = "[REDACTED]";
  public static final String USER = "<user>";
  public static final String HOME = "~";

  private final String mask;
  private final boolean lengthHint;

  public Replacement(String mask, boolean lengthHint) {
    this.mask = mask;
    this.lengthHint = lengthHint;
  }

  public String maskText() {
    return mask;
  }

  /** Appends the replacement of {@code text[start, end)} matched by {@code rule}. */
  void append(StringBuilder out, int rule, CharSequence text, int start, int end) {
    if (rule == RuleIds.HOME_PATH) {
      out.append(HOME);
    } else if (rule == RuleIds.USER_NAME) {
      out.append(USER);
    } else if (lengthHint) {
      out.append("<redacted:").append(Character.codePointCount(text, start, end)).append("chars>");
    } else {
      out.append(mask);
    }
  }

  /** The replacement for a whole value (a value under a sensitive key). */
  public String forValue(CharSequence value) {
    return lengthHint ? "<redacted:" + Character.codePointCount(value, 0, value.length()) + "chars>" : mask;
  }
}
