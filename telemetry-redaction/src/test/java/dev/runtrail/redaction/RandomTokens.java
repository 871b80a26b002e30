package dev.runtrail.redaction;

import java.util.Random;

/** Alphabets and random strings for building tokens of real shapes in tests. */
final class RandomTokens {
  static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  static final String LOWER = "abcdefghijklmnopqrstuvwxyz";
  static final String DIGITS = "0123456789";
  static final String ALNUM = UPPER + LOWER + DIGITS;
  static final String B64URL = ALNUM + "-_";
  static final String HEX = "0123456789abcdef";
  /** The upper-case bech32 alphabet (age keys). */
  static final String BECH32 = "QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L";

  private RandomTokens() {}

  /** A Luhn-valid number of {@code length} digits starting with {@code prefix}. */
  static String luhnValid(Random rnd, String prefix, int length) {
    StringBuilder digits = new StringBuilder(prefix);
    while (digits.length() < length - 1) {
      digits.append(rnd.nextInt(10));
    }
    int sum = 0;
    for (int i = digits.length() - 1, k = 0; i >= 0; i--, k++) {
      int d = digits.charAt(i) - '0';
      if (k % 2 == 0) {
        d = d * 2 > 9 ? d * 2 - 9 : d * 2;
      }
      sum += d;
    }
    return digits.append((10 - sum % 10) % 10).toString();
  }

  /** {@code length} chars drawn from {@code alphabet}. */
  static String random(Random rnd, int length, String alphabet) {
    StringBuilder sb = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      sb.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
    }
    return sb.toString();
  }
}
