package dev.runtrail.benchmarks.logging.log4j2main;

import dev.runtrail.redaction.RedactedThrowable;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.BinaryOperator;
import java.util.function.UnaryOperator;
import org.apache.logging.log4j.message.Message;
import org.apache.logging.log4j.util.ReadOnlyStringMap;
import org.apache.logging.log4j.util.SortedArrayStringMap;

/** The parts of a log event through one pair of text rules; each returns its input itself when it is clean. */
final class EventRedactor {

  private final UnaryOperator<String> text;
  private final BinaryOperator<String> keyed;

  EventRedactor(UnaryOperator<String> text, BinaryOperator<String> keyed) {
    this.text = text;
    this.keyed = keyed;
  }

  /** The message, or a {@link RedactedMessage} when its text or one of its parameters held a secret. */
  Message message(Message message) {
    String formatted = message.getFormattedMessage();
    String clean = text.apply(formatted);
    Object[] parameters = message.getParameters();
    Object[] cleanParameters = parameters;
    if (parameters != null) {
      for (int i = 0; i < parameters.length; i++) {
        Object parameter = parameters[i];
        if (parameter == null || parameter instanceof Throwable) {
          continue; // a throwable is the event's, redacted there
        }
        String value = parameter.toString();
        String cleanValue = text.apply(value);
        if (cleanValue != value) {
          if (cleanParameters == parameters) {
            cleanParameters = parameters.clone();
          }
          cleanParameters[i] = cleanValue;
        }
      }
    }
    if (clean == formatted && cleanParameters == parameters) {
      return message;
    }
    return new RedactedMessage(clean, text.apply(message.getFormat()), cleanParameters);
  }

  /** A redacted copy of the ThreadContext, or null when every value is clean. */
  SortedArrayStringMap context(ReadOnlyStringMap context) {
    if (context.isEmpty()) {
      return null;
    }
    SortedArrayStringMap[] copy = {null};
    context.forEach(
        (String key, Object value) -> {
          if (value == null) {
            return;
          }
          String original = value.toString();
          String clean = keyed.apply(key, original);
          if (clean != original) {
            if (copy[0] == null) {
              copy[0] = new SortedArrayStringMap(context);
            }
            copy[0].putValue(key, clean);
          }
        });
    return copy[0];
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
