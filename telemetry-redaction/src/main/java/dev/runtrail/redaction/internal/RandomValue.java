package dev.runtrail.redaction.internal;

/**
 * Whether a value reads as a random credential rather than a name, path, date or lookup key: the evidence
 * that a key ending with the word {@code key} after a vendor's name ({@code ALGOLIA_KEY}, {@code datadogKey})
 * holds a secret ({@link KeyClassifier#SECRET_IF_RANDOM}). Random means 16-1024 chars of a token's alphabet
 * ({@code [A-Za-z0-9+/=_.-]}: no spaces or ':'; '=' only as 1-2 chars of padding at the end) with at most one
 * separator ({@code +/_.-}) per 8 chars, at
 * least two digits and two letters, and alphanumerics that change between upper case, lower case and digits
 * at a quarter of their steps or more (random base62 about 6 in 10, random hex or lower-case alphanumerics
 * about 4 in 10; camelCase names and words with a version number far fewer); or a UUID. So
 * {@code createdAt}, {@code user:42}, {@code orders_by_region_2024}, {@code newCheckoutFlowV2} and
 * {@code release-2024-01-15} are not.
 */
final class RandomValue {
  static final int MIN_LENGTH = 16;
  static final int MAX_LENGTH = 1024;
  private static final int UUID_LENGTH = 36;

  private RandomValue() {}

  static boolean looksRandom(CharSequence s, int from, int to) {
    int len = to - from;
    if (len < MIN_LENGTH || len > MAX_LENGTH) {
      return false;
    }
    WorkMeter.add(len);
    if (len == UUID_LENGTH && isUuid(s, from)) {
      return true;
    }
    int digits = 0;
    int letters = 0;
    int separators = 0;
    int padding = 0;
    int changes = 0;
    int previousKind = -1;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      int kind;
      if (CharClass.isDigit(c)) {
        digits++;
        kind = 0;
      } else if (CharClass.is(c, CharClass.ALPHA)) {
        letters++;
        kind = CharClass.is(c, CharClass.UPPER) ? 1 : 2;
      } else if (c == '=') {
        padding++;
        continue;
      } else if ("+/_.-".indexOf(c) >= 0 && padding == 0) {
        separators++;
        continue;
      } else {
        return false;
      }
      if (padding > 0) {
        return false; // '=' only as base64 padding at the end
      }
      changes += previousKind >= 0 && kind != previousKind ? 1 : 0;
      previousKind = kind;
    }
    return padding <= 2 && separators * 8 <= len && digits >= 2 && letters >= 2 && changes * 4 >= digits + letters - 1;
  }

  /** A char of a token's alphabet: {@code [A-Za-z0-9+/=_.-]}. */
  static boolean isTokenChar(char c) {
    return CharClass.isAlnum(c) || c == '+' || c == '/' || c == '=' || c == '_' || c == '.' || c == '-';
  }

  /** {@code 8-4-4-4-12} hex digits, with a digit and a letter. */
  private static boolean isUuid(CharSequence s, int from) {
    boolean digit = false;
    boolean letter = false;
    for (int k = 0; k < UUID_LENGTH; k++) {
      char c = s.charAt(from + k);
      if (k == 8 || k == 13 || k == 18 || k == 23) {
        if (c != '-') {
          return false;
        }
      } else if (CharClass.isDigit(c)) {
        digit = true;
      } else if (CharClass.is(c, CharClass.HEX) || c >= 'A' && c <= 'F') {
        letter = true;
      } else {
        return false;
      }
    }
    return digit && letter;
  }
}
