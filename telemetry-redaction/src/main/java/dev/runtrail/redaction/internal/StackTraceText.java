package dev.runtrail.redaction.internal;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * A throwable's stack trace as {@link Throwable#printStackTrace()} lays it out (class names, messages,
 * frames, "Caused by:", "Suppressed:", "... n more", circular references), with every line passed through
 * the scanner so messages anywhere in the chain are redacted. A {@code toString()} that throws is replaced
 * by the class name; this never throws.
 */
public final class StackTraceText {
  private final TextScanner scanner;

  public StackTraceText(TextScanner scanner) {
    this.scanner = scanner;
  }

  public String render(Throwable t) {
    if (t == null) {
      return "null";
    }
    StringBuilder out = new StringBuilder(512);
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    seen.add(t);
    line(out, "", describe(t));
    StackTraceElement[] trace = frames(t);
    for (StackTraceElement frame : trace) {
      line(out, "\tat ", String.valueOf(frame));
    }
    for (Throwable suppressed : suppressed(t)) {
      enclosed(out, suppressed, trace, "Suppressed: ", "\t", seen);
    }
    Throwable cause = cause(t);
    if (cause != null) {
      enclosed(out, cause, trace, "Caused by: ", "", seen);
    }
    return out.toString();
  }

  private void enclosed(StringBuilder out, Throwable t, StackTraceElement[] enclosing, String caption,
      String prefix, Set<Throwable> seen) {
    if (!seen.add(t)) {
      line(out, prefix + caption, "[CIRCULAR REFERENCE: " + describe(t) + "]");
      return;
    }
    StackTraceElement[] trace = frames(t);
    int m = trace.length - 1;
    int n = enclosing.length - 1;
    while (m >= 0 && n >= 0 && trace[m].equals(enclosing[n])) {
      m--;
      n--;
    }
    int inCommon = trace.length - 1 - m;
    line(out, prefix + caption, describe(t));
    for (int i = 0; i <= m; i++) {
      line(out, prefix + "\tat ", String.valueOf(trace[i]));
    }
    if (inCommon != 0) {
      out.append(prefix).append("\t... ").append(inCommon).append(" more\n");
    }
    for (Throwable suppressed : suppressed(t)) {
      enclosed(out, suppressed, trace, "Suppressed: ", prefix + "\t", seen);
    }
    Throwable cause = cause(t);
    if (cause != null) {
      enclosed(out, cause, trace, "Caused by: ", prefix, seen);
    }
  }

  private void line(StringBuilder out, String lead, String text) {
    out.append(lead).append(scanner.redact(text)).append('\n');
  }

  private static String describe(Throwable t) {
    try {
      return String.valueOf(t);
    } catch (RuntimeException e) {
      return t.getClass().getName() + ": <message unavailable>";
    }
  }

  private static StackTraceElement[] frames(Throwable t) {
    StackTraceElement[] trace = t.getStackTrace();
    return trace == null ? new StackTraceElement[0] : trace;
  }

  private static Throwable[] suppressed(Throwable t) {
    return t.getSuppressed();
  }

  private static Throwable cause(Throwable t) {
    try {
      return t.getCause();
    } catch (RuntimeException e) {
      return null;
    }
  }
}
