package dev.runtrail.redaction.internal;

import java.io.IOException;
import java.io.Writer;

/**
 * Copies JSON text through, replacing token spans. Over a String it builds the result lazily (none
 * when nothing is replaced); over a stream it writes as it goes and keeps only the unwritten tail.
 */
final class JsonPatcher {
  private final String source;
  private final RecordingReader recording;
  private final Writer out;
  private StringBuilder built;
  private long written;

  private JsonPatcher(String source, RecordingReader recording, Writer out) {
    this.source = source;
    this.recording = recording;
    this.out = out;
  }

  static JsonPatcher forString(String json) {
    return new JsonPatcher(json, null, null);
  }

  static JsonPatcher forStream(RecordingReader recording, Writer out) {
    return new JsonPatcher(null, recording, out);
  }

  boolean streaming() {
    return recording != null;
  }

  long written() {
    return written;
  }

  private char charAt(long position) {
    return source != null ? source.charAt((int) position) : recording.charAt(position);
  }

  /** Position after the closing quote of the string token that opens at {@code start}. */
  long stringTokenEnd(long start) {
    long i = start + 1;
    while (true) {
      char c = charAt(i);
      if (c == '\\') {
        i += 2;
      } else if (c == '"') {
        return i + 1;
      } else {
        i++;
      }
    }
  }

  void replace(long start, long end, String replacement) throws IOException {
    copyTo(start);
    if (source != null) {
      built.append(replacement);
    } else {
      out.write(replacement);
    }
    written = end;
  }

  /** Stream only: text before {@code position} is final and may be written out. */
  void flushTo(long position) throws IOException {
    if (recording != null && position - written > 8192) {
      copyTo(position);
      recording.discardBefore(written);
    }
  }

  private void copyTo(long position) throws IOException {
    if (source != null && built == null) {
      built = new StringBuilder(source.length() + 32);
    }
    if (position <= written) {
      return;
    }
    if (source != null) {
      built.append(source, (int) written, (int) position);
    } else {
      recording.write(out, written, position);
    }
    written = position;
  }

  String finishString() {
    if (built == null) {
      return source;
    }
    return built.append(source, (int) written, source.length()).toString();
  }

  void finishStream() throws IOException {
    copyTo(recording.recordedEnd());
  }
}
