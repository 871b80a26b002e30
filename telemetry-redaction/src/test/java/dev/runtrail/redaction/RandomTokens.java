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

  /** {@code length} chars drawn from {@code alphabet}. */
  static String random(Random rnd, int length, String alphabet) {
    StringBuilder sb = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      sb.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
    }
    return sb.toString();
  }
}
