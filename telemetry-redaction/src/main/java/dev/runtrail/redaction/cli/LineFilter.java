package dev.runtrail.redaction.cli;

import dev.runtrail.redaction.RedactionFormat;
import dev.runtrail.redaction.Redactor;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;

/**
 * Exactly one output line per input line: each line's terminator ({@code \n}, {@code \r\n}, or none on a
 * last line) is written back as it came, empty lines stay empty. Streams: a line is written as soon as it
 * is complete, and the output is flushed whenever the input has nothing more ready. A private key block
 * spread over lines is masked line by line until its END line, keeping the count.
 */
final class LineFilter {
  private final Redactor redactor;
  private boolean inPrivateKey;

  LineFilter(Redactor redactor) {
    this.redactor = redactor;
  }

  void run(Reader in, Writer out) throws IOException {
    StringBuilder line = new StringBuilder(256);
    char[] buf = new char[8192];
    int n;
    while ((n = in.read(buf)) > 0) {
      for (int i = 0; i < n; i++) {
        char c = buf[i];
        if (c != '\n') {
          line.append(c);
          continue;
        }
        boolean crlf = line.length() > 0 && line.charAt(line.length() - 1) == '\r';
        if (crlf) {
          line.setLength(line.length() - 1);
        }
        out.write(redactLine(line.toString()));
        out.write(crlf ? "\r\n" : "\n");
        line.setLength(0);
      }
      if (!in.ready()) {
        out.flush();
      }
    }
    if (line.length() > 0) {
      out.write(redactLine(line.toString()));
    }
    out.flush();
  }

  private String redactLine(String line) {
    if (inPrivateKey) {
      int end = line.indexOf("-----END");
      if (end < 0) {
        return line.isEmpty() ? line : mask(line);
      }
      inPrivateKey = false;
      int close = line.indexOf("-----", end + 8);
      int after = close < 0 ? line.length() : close + 5;
      return mask(line.substring(0, after)) + redactor.redact(line.substring(after));
    }
    int begin = line.lastIndexOf("-----BEGIN ");
    if (begin >= 0 && line.indexOf("PRIVATE KEY", begin) > 0 && line.indexOf("-----END", begin) < 0) {
      inPrivateKey = true;
    }
    return redactor.redact(line);
  }

  private String mask(String text) {
    return redactor.policy().format() == RedactionFormat.LENGTH_HINT
        ? "<redacted:" + text.codePointCount(0, text.length()) + "chars>"
        : redactor.policy().maskText();
  }
}
