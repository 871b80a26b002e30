package dev.runtrail.redaction.internal;

/**
 * IPv4 and IPv6 addresses (strict mode). IPv4 is tried at a token-starting digit; IPv6 at a ':' that
 * begins an address (first group, or {@code ::} at a boundary), so {@code a:a:a:...} is tried once. Both
 * read a bounded number of chars. Times ({@code 10:22:31}) and MAC addresses (6 groups) are not IPv6.
 */
final class IpAddresses {
  private static final int MAX_IPV6 = 45;

  private IpAddresses() {}

  static long ipv4(String s, int d) {
    int end = dottedQuadEnd(s, d);
    if (end < 0 || (end + 1 < s.length() && s.charAt(end) == '.' && CharClass.isDigit(s.charAt(end + 1)))
        || CharClass.at(s, end, CharClass.ALNUM) || (d > 0 && s.charAt(d - 1) == '.')) {
      return ScanResult.resumeAt(d + 1);
    }
    return ScanResult.match(RuleIds.IPV4_ADDRESS, d, end);
  }

  /** End of {@code d.d.d.d} (each 0-255) starting at {@code from}, or -1. */
  static int dottedQuadEnd(String s, int from) {
    int i = from;
    for (int part = 0; part < 4; part++) {
      if (part > 0) {
        if (!CharClass.matches(s, i, ".")) {
          return -1;
        }
        i++;
      }
      int start = i;
      int value = 0;
      while (i < s.length() && i - start < 3 && CharClass.isDigit(s.charAt(i))) {
        value = value * 10 + s.charAt(i) - '0';
        i++;
      }
      if (i == start || value > 255 || CharClass.at(s, i, CharClass.DIGIT)) {
        return -1;
      }
    }
    WorkMeter.add(i - from);
    return i;
  }

  static long ipv6(String s, int p) {
    int start = CharClass.runStart(s, p, p - 5, CharClass.HEX);
    if (p - start > 4 || (start == p && !CharClass.matches(s, p + 1, ":"))
        || (start > 0 && (CharClass.isAlnum(s.charAt(start - 1)) || s.charAt(start - 1) == ':'
            || s.charAt(start - 1) == '.'))) {
      return ScanResult.resumeAt(p + 1);
    }
    int end = ipv6End(s, start);
    return end < 0 ? ScanResult.resumeAt(p + 1) : ScanResult.match(RuleIds.IPV6_ADDRESS, start, end);
  }

  private static int ipv6End(String s, int from) {
    int limit = Math.min(s.length(), from + MAX_IPV6);
    int i = from;
    int groups = 0;
    boolean compressed = CharClass.matches(s, i, "::");
    int end = compressed ? i + 2 : from;
    i = end;
    while (i < limit) {
      int quad = dottedQuadEnd(s, i);
      if (quad > 0) {
        groups += 2;
        end = quad;
        break;
      }
      int g = i;
      while (i < limit && i - g < 5 && CharClass.is(s.charAt(i), CharClass.HEX)) {
        i++;
      }
      if (i == g || i - g > 4) {
        break;
      }
      groups++;
      end = i;
      if (CharClass.matches(s, i, "::")) {
        if (compressed) {
          return -1;
        }
        compressed = true;
        i += 2;
        end = i;
      } else if (CharClass.matches(s, i, ":") && CharClass.at(s, i + 1, CharClass.HEX)) {
        i++;
      } else {
        break;
      }
    }
    WorkMeter.add(i - from + 1);
    boolean valid = compressed ? groups >= 1 && groups <= 7 : groups == 8;
    return valid && !CharClass.at(s, end, CharClass.ALNUM) && !CharClass.matches(s, end, ":") ? end : -1;
  }
}
