package dev.runtrail.telemetry.core.internal.trace;

/** Keeps the end of a process' stderr: at most N lines and M bytes of UTF-8, cut at character boundaries. */
final class StderrTail {

  final String text;
  final boolean truncated;
  final int originalBytes;

  private StderrTail(String text, boolean truncated, int originalBytes) {
    this.text = text;
    this.truncated = truncated;
    this.originalBytes = originalBytes;
  }

  static StderrTail of(String stderr, int maxLines, int maxBytes) {
    int originalBytes = utf8Length(stderr, 0);
    int start = startOfLastLines(stderr, maxLines);
    // Drop whole characters from the front until the rest fits the byte budget.
    int bytes = utf8Length(stderr, start);
    while (bytes > maxBytes && start < stderr.length()) {
      int cp = stderr.codePointAt(start);
      bytes -= utf8Bytes(cp);
      start += Character.charCount(cp);
    }
    return new StderrTail(stderr.substring(start), start > 0, originalBytes);
  }

  /** Index where the last {@code maxLines} lines begin; a final newline does not start an empty line. */
  private static int startOfLastLines(String s, int maxLines) {
    int end = s.length();
    if (end > 0 && s.charAt(end - 1) == '\n') {
      end--;
    }
    int lines = 0;
    for (int i = end - 1; i >= 0; i--) {
      if (s.charAt(i) == '\n') {
        lines++;
        if (lines == maxLines) {
          return i + 1;
        }
      }
    }
    return 0;
  }

  private static int utf8Length(String s, int from) {
    int bytes = 0;
    for (int i = from; i < s.length(); ) {
      int cp = s.codePointAt(i);
      bytes += utf8Bytes(cp);
      i += Character.charCount(cp);
    }
    return bytes;
  }

  private static int utf8Bytes(int codePoint) {
    if (codePoint < 0x80) {
      return 1;
    }
    if (codePoint < 0x800) {
      return 2;
    }
    return codePoint < 0x10000 ? 3 : 4;
  }
}
