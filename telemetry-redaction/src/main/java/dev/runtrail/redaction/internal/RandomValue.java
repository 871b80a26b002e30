package dev.runtrail.redaction.internal;

/**
 * Whether a value reads as a random credential rather than a name, path, date or lookup key: the evidence
 * that a key ending with the word {@code key} after a vendor's name ({@code ALGOLIA_KEY}, {@code datadogKey})
 * holds a secret ({@link KeyClassifier#SECRET_IF_RANDOM}). Random means: 16-1024 chars of a token's
 * alphabet ({@code [A-Za-z0-9+/=_.-]}, so no spaces or ':'), an alphanumeric run of 16+ in it, at least two
 * digits and two letters, and a run that changes between upper case, lower case and digits at a quarter of
 * its steps or more (random base62 about 6 in 10, random hex or lower-case alphanumerics about 4 in 10;
 * camelCase names and words with a version number far fewer). {@code createdAt}, {@code user:42},
 * {@code orders_by_region_2024}, {@code newCheckoutFlowV2} and UUIDs (whose runs are 12 long) are not.
 */
final class RandomValue {
  static final int MIN_LENGTH = 16;
  private static final int MAX_LENGTH = 1024;
  private static final int MIN_RUN = 16;

  private RandomValue() {}

  static boolean looksRandom(CharSequence s, int from, int to) {
    int len = to - from;
    if (len < MIN_LENGTH || len > MAX_LENGTH) {
      return false;
    }
    int digits = 0;
    int letters = 0;
    int bestStart = from;
    int bestLength = 0;
    int runStart = from;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (CharClass.isDigit(c)) {
        digits++;
      } else if (CharClass.is(c, CharClass.ALPHA)) {
        letters++;
      } else if ("+/=_.-".indexOf(c) < 0) {
        return false;
      } else {
        runStart = i + 1;
        continue;
      }
      if (i + 1 - runStart > bestLength) {
        bestStart = runStart;
        bestLength = i + 1 - runStart;
      }
    }
    WorkMeter.add(len);
    return digits >= 2 && letters >= 2 && bestLength >= MIN_RUN && changesOften(s, bestStart, bestStart + bestLength);
  }

  /** A quarter or more of the steps in the alphanumeric run {@code s[from, to)} change the char's kind. */
  private static boolean changesOften(CharSequence s, int from, int to) {
    int changes = 0;
    for (int i = from + 1; i < to; i++) {
      changes += kind(s.charAt(i)) != kind(s.charAt(i - 1)) ? 1 : 0;
    }
    return changes * 4 >= to - from - 1;
  }

  private static int kind(char c) {
    return CharClass.isDigit(c) ? 0 : CharClass.is(c, CharClass.UPPER) ? 1 : 2;
  }
}
