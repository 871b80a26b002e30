package dev.runtrail.redaction.internal;

/**
 * Outcome of one matcher call, packed into a {@code long} so the scan never allocates.
 *
 * <p>A match is non-negative: rule id in bits 56..62, start in bits 28..55, end in bits 0..27 (rule sets
 * are {@code long} bit masks elsewhere, so ids stay below 64). "No match, resume scanning at {@code p}" is
 * negative: {@code ~p}, optionally carrying a memo position in bits 28..55 (a matcher's note that nothing
 * of its kind can start before it). Positions therefore stay below 2^28 (longer texts, over 268M chars,
 * are replaced whole by {@link TextScanner}).
 */
public final class ScanResult {
  public static final int MAX_POSITION = (1 << 28) - 1;
  private static final long POS_MASK = MAX_POSITION;

  private ScanResult() {}

  public static long match(int rule, int start, int end) {
    return ((long) rule << 56) | ((long) start << 28) | end;
  }

  public static long resumeAt(int position) {
    return ~(long) position;
  }

  public static long resumeAt(int position, int memo) {
    return ~(((long) memo << 28) | position);
  }

  public static int memo(long result) {
    return (int) ((~result >>> 28) & POS_MASK);
  }

  public static boolean isMatch(long result) {
    return result >= 0;
  }

  public static int rule(long result) {
    return (int) (result >>> 56);
  }

  public static int start(long result) {
    return (int) ((result >>> 28) & POS_MASK);
  }

  public static int end(long result) {
    return (int) (result & POS_MASK);
  }

  public static int resumePosition(long result) {
    return (int) (~result & POS_MASK);
  }
}
