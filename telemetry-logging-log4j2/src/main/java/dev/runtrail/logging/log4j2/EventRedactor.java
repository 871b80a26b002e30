package dev.runtrail.logging.log4j2;

import dev.runtrail.redaction.RedactedThrowable;
import dev.runtrail.redaction.internal.RepeatedTexts;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.BinaryOperator;
import java.util.function.UnaryOperator;
import org.apache.logging.log4j.message.Message;
import org.apache.logging.log4j.message.ParameterConsumer;
import org.apache.logging.log4j.message.ParameterVisitable;
import org.apache.logging.log4j.message.ReusableMessage;
import org.apache.logging.log4j.util.ReadOnlyStringMap;
import org.apache.logging.log4j.util.SortedArrayStringMap;
import org.apache.logging.log4j.util.TriConsumer;

/**
 * The parts of a log event through one pair of text rules; each returns its input itself when it is clean.
 *
 * <p>A clean line allocates nothing. Log4j2's reused events (its default outside web apps) make a new
 * {@code String} on every {@code getFormattedMessage()} and copy their array on every
 * {@code getParameters()}: so the line is checked in a per-thread buffer against the last clean line of
 * its pattern ({@link RepeatedTexts#isKnownClean}), the parameters are visited in place, the
 * ThreadContext through a stateful {@code forEach}; only a line found dirty is copied and rebuilt.
 */
final class EventRedactor {

  private static final ThreadLocal<Pass> PASSES = ThreadLocal.withInitial(Pass::new);
  private static final ParameterConsumer<Pass> PARAMETER = (parameter, index, pass) -> pass.parameter(parameter, index);
  private static final TriConsumer<String, Object, Pass> CONTEXT_VALUE = (key, value, pass) -> pass.contextValue(key, value);

  private final UnaryOperator<String> text;
  private final BinaryOperator<String> keyed;
  private final RepeatedTexts parts;

  /** @param parts remembers clean lines and parameters per pattern; null: every text goes through {@code text} */
  EventRedactor(UnaryOperator<String> text, BinaryOperator<String> keyed, RepeatedTexts parts) {
    this.text = text;
    this.keyed = keyed;
    this.parts = parts;
  }

  /**
   * The message, or a {@link RedactedMessage} when its text or one of its parameters held a secret. Each
   * piece passes the redactor once: each parameter, then the line, in which a dirty parameter's text is
   * first replaced by its redaction (so a secret is matched once, in its parameter; the line's scan still
   * catches what only its context shows, such as {@code password=}), and the pattern (by identity).
   */
  Message message(Message message) {
    String format = message.getFormat();
    Pass pass = Pass.take(this, format);
    try {
      boolean knownClean = pass.isKnownClean(message); // else the line is left in pass.line, when reused
      if (message instanceof ParameterVisitable) {
        ((ParameterVisitable) message).forEachParameter(PARAMETER, pass);
      } else {
        Object[] parameters = message.getParameters();
        for (int i = 0; parameters != null && i < parameters.length; i++) {
          pass.parameter(parameters[i], i);
        }
      }
      if (pass.dirty == 0 && knownClean) {
        return message;
      }
      String formatted = pass.line.length() > 0 ? pass.line.toString() : message.getFormattedMessage();
      if (pass.dirty == 0) {
        String cleanFormatted = part(format, 0, formatted);
        return cleanFormatted == formatted ? message
            : new RedactedMessage(cleanFormatted, pattern(format), message.getParameters());
      }
      Object[] parameters = message.getParameters().clone(); // a ParameterizedMessage hands out its own
      for (int i = 0; i < pass.dirty; i++) {
        parameters[pass.dirtyIndexes[i]] = pass.dirtyCleans[i];
        formatted = formatted == null ? null : formatted.replace(pass.dirtyTexts[i], pass.dirtyCleans[i]);
      }
      return new RedactedMessage(text.apply(formatted), pattern(format), parameters);
    } finally {
      pass.release();
    }
  }

  /** The text of a parameter to redact; null for none (a throwable is the event's, redacted there). */
  private static String checked(Object parameter) {
    return parameter == null || parameter instanceof Throwable ? null : parameter.toString();
  }

  /** A message pattern (a constant in the code, so the same {@code String} line after line) redacted. */
  private String pattern(String format) {
    return parts == null || format == null ? text.apply(format) : parts.redact(null, format);
  }

  /** Part {@code part} of a line of {@code format} (0 its text, 1 + i its parameter i), redacted. */
  private String part(String format, int part, String value) {
    return parts == null || format == null || value == null ? text.apply(value) : parts.redactPart(format, part, value);
  }

  /** A redacted copy of the ThreadContext, or null when every value is clean. */
  SortedArrayStringMap context(ReadOnlyStringMap context) {
    if (context.isEmpty()) {
      return null;
    }
    Pass pass = Pass.take(this, null);
    try {
      if (pass.isLastCleanContext(context)) {
        return null;
      }
      // Iterating it may allocate (Log4j2's view of the ThreadContext sorts a copy of its keys), hence the check.
      pass.startContext(context);
      context.forEach(CONTEXT_VALUE, pass);
      return pass.endContext();
    } finally {
      pass.release();
    }
  }

  /**
   * One thread's working state for one event part, reused from line to line; a line logged while it is in
   * use (by a parameter's {@code toString()}) gets a fresh one.
   */
  private static final class Pass {
    private static final int KEPT_CAPACITY = 4096;

    private StringBuilder line = new StringBuilder(256);
    private boolean busy;
    private EventRedactor redactor;
    private String format;
    // The parameters found dirty in this line: their indexes, texts and redactions.
    private int dirty;
    private int[] dirtyIndexes = new int[2];
    private String[] dirtyTexts = new String[2];
    private String[] dirtyCleans = new String[2];
    private ReadOnlyStringMap context;
    private SortedArrayStringMap contextCopy;
    // The last ThreadContext found clean on this thread (by this redactor): its keys and value Strings.
    private EventRedactor cleanContextOf;
    private int cleanContextSize;
    private int seen;
    private String[] cleanKeys = new String[8];
    private String[] cleanValues = new String[8];

    static Pass take(EventRedactor redactor, String format) {
      Pass pass = PASSES.get();
      if (pass.busy) {
        pass = new Pass();
      }
      pass.busy = true;
      pass.redactor = redactor;
      pass.format = format;
      return pass;
    }

    /** True when a reused message's text is the last clean one of its pattern; else leaves it in {@link #line}. */
    boolean isKnownClean(Message message) {
      line.setLength(0);
      if (redactor.parts == null || format == null || !(message instanceof ReusableMessage)) {
        return false;
      }
      ((ReusableMessage) message).formatTo(line);
      return redactor.parts.isKnownClean(format, 0, line);
    }

    /** Parameter {@code index} redacted once; a dirty one remembered (index, text, redaction). */
    void parameter(Object parameter, int index) {
      String value = checked(parameter);
      String clean = value == null ? null : redactor.part(format, 1 + index, value);
      if (clean == value) {
        return;
      }
      if (dirty == dirtyIndexes.length) {
        dirtyIndexes = Arrays.copyOf(dirtyIndexes, dirty * 2);
        dirtyTexts = Arrays.copyOf(dirtyTexts, dirty * 2);
        dirtyCleans = Arrays.copyOf(dirtyCleans, dirty * 2);
      }
      dirtyIndexes[dirty] = index;
      dirtyTexts[dirty] = value;
      dirtyCleans[dirty++] = clean;
    }

    /**
     * True when {@code context} holds exactly the keys of the last context found clean here, each with the
     * very same value {@code String}: its redaction is that one's, nothing.
     */
    boolean isLastCleanContext(ReadOnlyStringMap context) {
      int size = context.size();
      if (cleanContextOf != redactor || size != cleanContextSize) {
        return false;
      }
      for (int i = 0; i < size; i++) {
        if (context.getValue(cleanKeys[i]) != cleanValues[i]) {
          return false;
        }
      }
      return true;
    }

    void startContext(ReadOnlyStringMap context) {
      this.context = context;
      cleanContextOf = null;
      seen = 0;
    }

    /** The redacted copy, or null when clean (and then remembered, if each value was a String). */
    SortedArrayStringMap endContext() {
      if (contextCopy == null && seen == context.size()) {
        cleanContextOf = redactor;
        cleanContextSize = seen;
      }
      return contextCopy;
    }

    void contextValue(String key, Object value) {
      if (value == null) {
        return; // not remembered: a null value and an absent key look alike to getValue
      }
      if (value instanceof String) { // another object's toString() may change while it stays the same
        if (seen == cleanKeys.length) {
          cleanKeys = Arrays.copyOf(cleanKeys, seen * 2);
          cleanValues = Arrays.copyOf(cleanValues, seen * 2);
        }
        cleanKeys[seen] = key;
        cleanValues[seen++] = (String) value;
      }
      String original = value.toString();
      String redacted = redactor.keyed.apply(key, original);
      if (redacted != original) {
        if (contextCopy == null) {
          contextCopy = new SortedArrayStringMap(context);
        }
        contextCopy.putValue(key, redacted);
      }
    }

    void release() {
      if (line.capacity() > KEPT_CAPACITY) {
        line = new StringBuilder(256);
      }
      line.setLength(0);
      redactor = null;
      format = null;
      context = null;
      contextCopy = null;
      Arrays.fill(dirtyTexts, 0, dirty, null);
      Arrays.fill(dirtyCleans, 0, dirty, null);
      dirty = 0;
      busy = false;
    }
  }

  /** The throwable, or a {@link RedactedThrowable} tree when any message in it held a secret. */
  Throwable throwable(Throwable thrown) {
    return throwable(thrown, new IdentityHashMap<>());
  }

  private Throwable throwable(Throwable t, Map<Throwable, Throwable> seen) {
    if (seen.containsKey(t)) {
      Throwable done = seen.get(t);
      return done == null ? t : done; // a cycle: the one still being redacted stays as it is
    }
    seen.put(t, null);
    String message = t.getMessage();
    String cleanMessage = text.apply(message);
    String className = t.getClass().getName();
    String localized = t.getLocalizedMessage();
    String standard = localized == null ? className : className + ": " + localized;
    String description = t.toString();
    String cleanDescription = description.equals(standard)
        ? (cleanMessage == null ? className : className + ": " + (cleanMessage == message ? localized : cleanMessage))
        : text.apply(description);
    boolean changed = cleanMessage != message || !cleanDescription.equals(description);
    Throwable cause = t.getCause();
    Throwable cleanCause = cause == null || cause == t ? cause : throwable(cause, seen);
    changed |= cleanCause != cause;
    Throwable[] suppressed = t.getSuppressed();
    Throwable[] cleanSuppressed = suppressed.clone();
    for (int i = 0; i < suppressed.length; i++) {
      cleanSuppressed[i] = throwable(suppressed[i], seen);
      changed |= cleanSuppressed[i] != suppressed[i];
    }
    if (!changed) {
      seen.put(t, t);
      return t;
    }
    RedactedThrowable clean = new RedactedThrowable(className, cleanMessage, cleanDescription,
        cleanCause == t ? null : cleanCause, t.getStackTrace());
    for (Throwable s : cleanSuppressed) {
      clean.addSuppressed(s);
    }
    seen.put(t, clean);
    return clean;
  }
}
