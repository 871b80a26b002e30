package dev.runtrail.redaction.internal;

/**
 * ASCII character classes as bit masks in one 128-entry table, so every matcher tests a class with one
 * load and one AND. Anything at or above 128 belongs to no class: non-ASCII text is a boundary.
 */
public final class CharClass {
  public static final int DIGIT = 1;
  public static final int UPPER = 1 << 1;
  public static final int LOWER = 1 << 2;
  public static final int HEX = 1 << 3;
  /** {@code [A-Za-z0-9_-]}: the base64url alphabet used by JWTs and most vendor tokens. */
  public static final int B64URL = 1 << 4;
  /** {@code [A-Za-z0-9+/=]}: classic base64. */
  public static final int B64 = 1 << 5;
  /** {@code [A-Za-z0-9_.-]}: characters of a key in {@code key=value}. */
  public static final int KEY = 1 << 6;
  /** RFC 3986 userinfo characters (no '/', '@', '?', '#', whitespace). */
  public static final int USERINFO = 1 << 7;
  /** {@code [A-Za-z0-9._%+-]}: the local part of an e-mail address. */
  public static final int EMAIL_LOCAL = 1 << 8;
  /** Space, tab, CR, LF. */
  public static final int SPACE = 1 << 9;
  /** Characters that end an unquoted value in {@code key=value}. */
  public static final int VALUE_END = 1 << 10;
  /** {@code [A-Za-z0-9+.-]}: URI scheme characters. */
  public static final int SCHEME = 1 << 11;
  /** Characters that end a path segment (user name in a home path). */
  public static final int SEGMENT_END = 1 << 12;

  /** {@code [A-Za-z0-9_]}. */
  public static final int WORD = 1 << 13;
  /** {@code [A-Za-z0-9_=-]}: base64url with padding (Terraform Cloud and Atlassian token bodies). */
  public static final int B64URL_PAD = 1 << 14;

  public static final int ALPHA = UPPER | LOWER;
  public static final int ALNUM = ALPHA | DIGIT;

  private static final short[] TABLE = new short[128];

  static {
    for (int c = 0; c < 128; c++) {
      TABLE[c] = (short) classify((char) c);
    }
  }

  private CharClass() {}

  private static int classify(char c) {
    int bits = 0;
    boolean digit = c >= '0' && c <= '9';
    boolean upper = c >= 'A' && c <= 'Z';
    boolean lower = c >= 'a' && c <= 'z';
    boolean alnum = digit || upper || lower;
    if (digit) bits |= DIGIT;
    if (upper) bits |= UPPER;
    if (lower) bits |= LOWER;
    if (digit || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')) bits |= HEX;
    if (alnum || c == '_' || c == '-') bits |= B64URL;
    if (alnum || c == '+' || c == '/' || c == '=') bits |= B64;
    if (alnum || c == '_' || c == '.' || c == '-') bits |= KEY;
    if (alnum || "-._~%!$&'()*+,;=:".indexOf(c) >= 0) bits |= USERINFO;
    if (alnum || "._%+-".indexOf(c) >= 0) bits |= EMAIL_LOCAL;
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') bits |= SPACE | VALUE_END | SEGMENT_END;
    if (",;&\"'`)]}<>|".indexOf(c) >= 0) bits |= VALUE_END;
    if (alnum || c == '+' || c == '.' || c == '-') bits |= SCHEME;
    if (alnum || c == '_') bits |= WORD;
    if (alnum || c == '_' || c == '-' || c == '=') bits |= B64URL_PAD;
    if ("/\\\"':;,<>|?*`)]}".indexOf(c) >= 0 || c < ' ') bits |= SEGMENT_END;
    return bits;
  }

  /** True when {@code c} is ASCII and in any of the classes in {@code mask}. */
  public static boolean is(char c, int mask) {
    return c < 128 && (TABLE[c] & mask) != 0;
  }

  /** True when position {@code i} is inside {@code s} and its char is in {@code mask}. */
  public static boolean at(CharSequence s, int i, int mask) {
    return i >= 0 && i < s.length() && is(s.charAt(i), mask);
  }

  public static boolean isAlnum(char c) {
    return is(c, ALNUM);
  }

  public static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** ASCII lower case; other chars unchanged. Offsets never move. */
  public static char lower(char c) {
    return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
  }

  // The String overloads repeat the CharSequence ones on purpose: the scanner's hot loops call them on
  // Strings, where String.charAt inlines; through CharSequence the call site sees several receiver
  // types (String, StringBuilder) and the loop runs measurably slower.

  /** End of the run of {@code mask} chars starting at {@code from}, looking at most up to {@code limit}. */
  public static int runEnd(String s, int from, int limit, int mask) {
    int end = Math.min(limit, s.length());
    int i = from;
    while (i < end && is(s.charAt(i), mask)) {
      i++;
    }
    WorkMeter.add(i - from + 1);
    return i;
  }

  /** Start of the run of {@code mask} chars ending just before {@code to}, looking back at most to {@code floor}. */
  public static int runStart(String s, int to, int floor, int mask) {
    int stop = Math.max(floor, 0);
    int i = to;
    while (i > stop && is(s.charAt(i - 1), mask)) {
      i--;
    }
    WorkMeter.add(to - i + 1);
    return i;
  }

  /** Exact comparison of {@code s} at {@code at} with {@code literal}. */
  public static boolean matches(String s, int at, String literal) {
    return at >= 0 && s.startsWith(literal, at);
  }

  /** End of the run of {@code mask} chars starting at {@code from}, looking at most up to {@code limit}. */
  public static int runEnd(CharSequence s, int from, int limit, int mask) {
    int end = Math.min(limit, s.length());
    int i = from;
    while (i < end && is(s.charAt(i), mask)) {
      i++;
    }
    WorkMeter.add(i - from + 1);
    return i;
  }

  /** Start of the run of {@code mask} chars ending just before {@code to}, looking back at most to {@code floor}. */
  public static int runStart(CharSequence s, int to, int floor, int mask) {
    int stop = Math.max(floor, 0);
    int i = to;
    while (i > stop && is(s.charAt(i - 1), mask)) {
      i--;
    }
    WorkMeter.add(to - i + 1);
    return i;
  }

  /** Case-insensitive ASCII comparison of {@code s} at {@code at} with the lower-case literal {@code lowerLiteral}. */
  public static boolean matchesIgnoreCase(CharSequence s, int at, String lowerLiteral) {
    int len = lowerLiteral.length();
    if (at < 0 || at + len > s.length()) {
      return false;
    }
    for (int k = 0; k < len; k++) {
      if (lower(s.charAt(at + k)) != lowerLiteral.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  /** Exact comparison of {@code s} at {@code at} with {@code literal}. */
  public static boolean matches(CharSequence s, int at, String literal) {
    int len = literal.length();
    if (at < 0 || at + len > s.length()) {
      return false;
    }
    for (int k = 0; k < len; k++) {
      if (s.charAt(at + k) != literal.charAt(k)) {
        return false;
      }
    }
    return true;
  }
}
