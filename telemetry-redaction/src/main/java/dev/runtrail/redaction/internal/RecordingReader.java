package dev.runtrail.redaction.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;

/**
 * A reader that keeps what it handed out since the last {@link #discardBefore} so the JSON patcher can
 * copy unchanged text verbatim and, if parsing fails, redact the rest as free text.
 */
final class RecordingReader extends Reader {
  private static final int COMPACT_AT = 1 << 16;

  private final Reader in;
  private final StringBuilder kept = new StringBuilder();
  private long base;
  private IOException failed;

  RecordingReader(Reader in) {
    this.in = in;
  }

  @Override
  public int read(char[] buf, int off, int len) throws IOException {
    int n;
    try {
      n = in.read(buf, off, len);
    } catch (IOException e) {
      failed = e;
      throw e;
    }
    if (n > 0) {
      kept.append(buf, off, n);
    }
    return n;
  }

  /** The I/O error of the underlying reader, if one happened (as opposed to a parse error). */
  IOException failed() {
    return failed;
  }

  char charAt(long position) {
    return kept.charAt((int) (position - base));
  }

  long recordedEnd() {
    return base + kept.length();
  }

  void write(Writer out, long from, long to) throws IOException {
    out.append(kept, (int) (from - base), (int) (to - base));
  }

  /** Forgets text before {@code position} (already written). */
  void discardBefore(long position) {
    int drop = (int) (position - base);
    if (drop >= COMPACT_AT) {
      kept.delete(0, drop);
      base = position;
    }
  }

  /** Writes everything from {@code position} on, kept and not yet read, to {@code out}. */
  void unwrittenFrom(long position, Writer out) throws IOException {
    write(out, position, recordedEnd());
    in.transferTo(out);
  }

  @Override
  public void close() {
    // The caller owns the underlying reader.
  }
}
