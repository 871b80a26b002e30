package dev.runtrail.redaction.internal;

/**
 * Payment card numbers: 13-19 digits in groups separated by single spaces or dashes (first group of 4),
 * issuer prefix 2-6, Luhn-valid; or a plain run of digits whose length is one its issuer uses (13 for
 * Visa, 14 for Diners, 15 for Amex, 16 for the rest), because long plain numbers are mostly ids and
 * timestamps (a 19-digit snowflake or epoch-nanos value passes Luhn one time in ten). Card numbers have
 * no keyword, so the gate is a digit run at a token boundary; the run is walked once and scanning resumes
 * after it. A number under an id key ({@code span_id=...}) is an identifier and passes, as do digits
 * glued to letters (hex ids).
 */
final class CardNumbers {
  private static final int MIN_DIGITS = 13;
  private static final int MAX_DIGITS = 19;

  private final NumberContext context;

  CardNumbers(NumberContext context) {
    this.context = context;
  }

  /** A digit at {@code d} that starts a token. Returns a match or where the digit stretch ends. */
  long match(String s, int d) {
    int n = s.length();
    int end = d;
    int groups = 0;
    while (true) {
      end = CharClass.runEnd(s, end, n, CharClass.DIGIT);
      groups++;
      if (end + 1 < n && (s.charAt(end) == ' ' || s.charAt(end) == '-') && CharClass.isDigit(s.charAt(end + 1))) {
        end++;
      } else {
        break;
      }
    }
    long found = groups == 1 ? single(s, d, end) : grouped(s, d, end);
    return ScanResult.isMatch(found) && !context.underIdentifierKey(s, ScanResult.start(found))
        ? found : ScanResult.resumeAt(shortNumericTail(s, end));
  }

  /**
   * Past the short digit runs chained to a number by date/time/decimal separators ({@code -09-20},
   * {@code T10:22:31.123Z}, {@code ,456}, {@code +02}). Runs of at most 3 digits cannot start a card (its first group has 4), so
   * skipping them is safe; strict mode does not use this (IPv4 octets are short runs).
   */
  /** Issuer prefix check on the first 4 digits at {@code d}: 2221-2720, 3[0456789], 4, 5, 6. */
  static boolean mayStartCard(String s, int d) {
    char first = s.charAt(d);
    if (first >= '4' && first <= '6') {
      return true;
    }
    char second = s.charAt(d + 1);
    if (first == '3') {
      return second == '0' || second >= '4';
    }
    if (first != '2') {
      return false;
    }
    int prefix = (second - '0') * 100 + (s.charAt(d + 2) - '0') * 10 + (s.charAt(d + 3) - '0');
    return prefix >= 221 && prefix <= 720;
  }

  /**
   * An ungrouped run of {@code digits} digits at {@code d}: the lengths issuers give their cards, 13 for
   * Visa (4), 14 for Diners (30, 36, 38, 39), 15 for Amex (34, 37), 16 for every prefix but Amex. 17-19
   * digit cards exist but are rare and printed grouped; plain, that length is an id or a timestamp.
   */
  static boolean plainLengthFitsIssuer(String s, int d, int digits) {
    char first = s.charAt(d);
    char second = s.charAt(d + 1);
    boolean amex = first == '3' && (second == '4' || second == '7');
    switch (digits) {
      case 13:
        return first == '4';
      case 14:
        return first == '3' && (second == '0' || second == '6' || second == '8' || second == '9');
      case 15:
        return amex;
      case 16:
        return !amex && mayStartCard(s, d);
      default:
        return false;
    }
  }

  private static boolean isNumericSeparator(char c) {
    return c == ':' || c == '.' || c == '-' || c == 'T' || c == ',' || c == '/' || c == '+';
  }

  static int shortNumericTail(String s, int from) {
    int n = s.length();
    int e = from;
    while (e + 1 < n && isNumericSeparator(s.charAt(e)) && CharClass.isDigit(s.charAt(e + 1))) {
      int run = digitsEnd(s, e + 1, n);
      if (run - e - 1 > 3) {
        break;
      }
      e = run;
    }
    if (e < n && e > from && s.charAt(e) == 'Z') {
      e++;
    }
    return e;
  }

  private static long single(String s, int from, int to) {
    return plainLengthFitsIssuer(s, from, to - from) && isCard(s, from, to, to) ? ScanResult.match(RuleIds.CARD_NUMBER, from, to) : ScanResult.resumeAt(to);
  }

  /** Tries each group of 4 as a start, and any space-bounded 13-19 digit group on its own. */
  private static long grouped(String s, int stretchStart, int stretchEnd) {
    int gs = stretchStart;
    while (gs < stretchEnd) {
      int ge = groupEnd(s, gs, stretchEnd);
      if (ge - gs == 4) {
        long found = fromGroup(s, gs, ge, stretchEnd);
        if (ScanResult.isMatch(found)) {
          return found;
        }
      } else if (ge - gs >= MIN_DIGITS && spaceBounded(s, gs, ge, stretchStart, stretchEnd)
          && plainLengthFitsIssuer(s, gs, ge - gs) && isCard(s, gs, ge, stretchEnd)) {
        return ScanResult.match(RuleIds.CARD_NUMBER, gs, ge);
      }
      gs = ge + 1;
    }
    return ScanResult.resumeAt(stretchEnd);
  }

  private static long fromGroup(String s, int gs, int firstEnd, int stretchEnd) {
    char sep = firstEnd < stretchEnd ? s.charAt(firstEnd) : 0;
    int digits = 4;
    int end = firstEnd;
    int best = -1;
    while (end < stretchEnd && s.charAt(end) == sep && digits < MAX_DIGITS) {
      int next = groupEnd(s, end + 1, stretchEnd);
      int len = next - end - 1;
      if (len < 3 || digits + len > MAX_DIGITS) {
        break;
      }
      digits += len;
      end = next;
      if (digits >= MIN_DIGITS && isCard(s, gs, end, stretchEnd)) {
        best = end;
      }
    }
    return best < 0 ? ScanResult.resumeAt(stretchEnd) : ScanResult.match(RuleIds.CARD_NUMBER, gs, best);
  }

  private static int groupEnd(String s, int from, int limit) {
    int i = from;
    while (i < limit && CharClass.isDigit(s.charAt(i))) {
      i++;
    }
    WorkMeter.add(i - from + 1);
    return i;
  }

  private static boolean spaceBounded(String s, int gs, int ge, int stretchStart, int stretchEnd) {
    return (gs == stretchStart || s.charAt(gs - 1) == ' ') && (ge == stretchEnd || s.charAt(ge) == ' ');
  }

  /** Issuer prefix, digit count, Luhn, and no letter glued to the end of the whole stretch. */
  private static boolean isCard(String s, int from, int to, int stretchEnd) {
    if (to == stretchEnd && CharClass.at(s, to, CharClass.ALNUM)) {
      return false;
    }
    char first = s.charAt(from);
    if (first < '2' || first > '6') {
      return false;
    }
    int sum = 0;
    int count = 0;
    for (int i = to - 1; i >= from; i--) {
      char c = s.charAt(i);
      if (!CharClass.isDigit(c)) {
        continue;
      }
      int digit = c - '0';
      if ((count & 1) == 1) {
        digit *= 2;
        if (digit > 9) {
          digit -= 9;
        }
      }
      sum += digit;
      count++;
    }
    WorkMeter.add(to - from);
    return count >= MIN_DIGITS && count <= MAX_DIGITS && sum % 10 == 0;
  }

  /**
   * The scanner's inlined gate for a number at a token start (normal modes): only a run of 4+ digits with
   * an issuer prefix that has a plain card's length (13-16) or continues with a card separator can start a
   * card; everything else is skipped together with the short runs chained to it
   * ({@code 2025-09-20T10:22:31.123Z}).
   */
  static int quickSkipNumber(String s, int i, int n, boolean cardsOn) {
    return quickSkipNumber(s, i, digitsEnd(s, i + 1, n), n, cardsOn);
  }

  /** {@link #quickSkipNumber(String, int, int, boolean)} when the digit run from {@code i} ends at {@code e}. */
  static int quickSkipNumber(String s, int i, int e, int n, boolean cardsOn) {
    if (cardsOn && e - i >= 4 && (e - i >= 13 && e - i <= 16 || e + 1 < n && (s.charAt(e) == ' ' || s.charAt(e) == '-')
        && CharClass.isDigit(s.charAt(e + 1))) && mayStartCard(s, i)) {
      return i;
    }
    return shortNumericTail(s, e);
  }

  static int digitsEnd(String s, int from, int n) {
    int e = from;
    while (e < n && CharClass.isDigit(s.charAt(e))) {
      e++;
    }
    return e;
  }
}
