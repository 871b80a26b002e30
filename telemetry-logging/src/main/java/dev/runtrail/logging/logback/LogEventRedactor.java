package dev.runtrail.logging.logback;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import dev.runtrail.redaction.Redactor;
import dev.runtrail.redaction.internal.RepeatedTexts;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.event.KeyValuePair;

/**
 * Passes a Logback event through a {@link Redactor}: formatted message, message pattern, arguments, MDC
 * values (key rules apply: a value under {@code password} is replaced whole), key-value pairs and the
 * throwable's messages (causes and suppressed included). A clean event comes back as the same instance.
 * If the redactor fails, the line is kept with its level, logger, thread and time but its content
 * withheld ({@link #WITHHELD}); the failure is counted ({@link #failures()}).
 */
public final class LogEventRedactor {
  /** The message a line gets when redacting it failed: its content is withheld, the line kept. */
  public static final String WITHHELD = "[log message withheld: redaction failed]";

  private final Redactor redactor;
  private final RepeatedTexts repeated;
  private final AtomicLong failures = new AtomicLong();

  /** @throws IllegalArgumentException when {@code redactor} is null */
  public LogEventRedactor(Redactor redactor) {
    if (redactor == null) {
      throw new IllegalArgumentException("redactor must not be null");
    }
    this.redactor = redactor;
    this.repeated = new RepeatedTexts((key, text) -> key == null ? redactor.redact(text) : redactor.redact(key, text));
  }

  /** How many events could not be redacted (and were written with their content withheld). */
  public long failures() {
    return failures.get();
  }

  /** The event redacted; {@code event} itself when nothing needed redaction. Never throws. */
  public ILoggingEvent redact(ILoggingEvent event) {
    try {
      return redactOrThrow(event);
    } catch (RuntimeException | StackOverflowError e) {
      failures.incrementAndGet();
      return withheld(event);
    }
  }

  private ILoggingEvent redactOrThrow(ILoggingEvent event) {
    String formatted = event.getFormattedMessage();
    String message = event.getMessage();
    String redactedMessage;
    String redactedFormatted;
    if (message == formatted || message == null || formatted == null) {
      // No arguments: the message is the line, often a String made for it.
      redactedFormatted = redactor.redact(formatted);
      redactedMessage = message == formatted ? redactedFormatted : redactor.redact(message);
    } else {
      // A message with arguments is a pattern, a constant in the code: the same String line after line.
      // Its line is made afresh, but often equal to one before (the same arguments).
      redactedMessage = repeated.redact(null, message);
      redactedFormatted = repeated.redactPart(message, 0, formatted);
    }
    Object[] arguments = event.getArgumentArray();
    Object[] redactedArguments = arguments(message, arguments);
    Map<String, String> mdc = event.getMDCPropertyMap();
    Map<String, String> redactedMdc = mdc(mdc);
    List<KeyValuePair> keyValues = event.getKeyValuePairs();
    List<KeyValuePair> redactedKeyValues = keyValues(keyValues);
    IThrowableProxy throwable = event.getThrowableProxy();
    IThrowableProxy redactedThrowable = throwable == null ? null : RedactedThrowableProxy.of(throwable, redactor);
    if (redactedFormatted == formatted && redactedMessage == message && redactedArguments == arguments
        && redactedMdc == mdc && redactedKeyValues == keyValues && redactedThrowable == throwable) {
      return event;
    }
    return new RedactedEvent(event, redactedMessage, redactedFormatted, redactedArguments, redactedMdc,
        redactedKeyValues, redactedThrowable);
  }

  private Object[] arguments(String message, Object[] arguments) {
    if (arguments == null) {
      return null;
    }
    Object[] copy = null;
    for (int i = 0; i < arguments.length; i++) {
      Object argument = arguments[i];
      if (argument == null) {
        continue;
      }
      String text = argument.toString();
      // Verdicts go by content, so this holds for an argument whose toString() changes, too.
      String redacted = text == null ? null
          : message == null ? redactor.redact(text) : repeated.redactPart(message, 1 + i, text);
      if (redacted != text) {
        if (copy == null) {
          copy = arguments.clone();
        }
        copy[i] = redacted;
      }
    }
    return copy == null ? arguments : copy;
  }

  private Map<String, String> mdc(Map<String, String> mdc) {
    if (mdc == null || mdc.isEmpty()) {
      return mdc;
    }
    // forEach, not an entry-set loop: Logback's MDC map is an unmodifiable view, whose iterator and
    // wrapped entries would be allocated for every line, clean or not.
    MdcPass pass = new MdcPass(mdc);
    mdc.forEach(pass);
    return pass.copy == null ? mdc : Collections.unmodifiableMap(pass.copy);
  }

  /** One pass over an MDC map; copies it only when a value needs redaction. */
  private final class MdcPass implements java.util.function.BiConsumer<String, String> {
    private final Map<String, String> mdc;
    private Map<String, String> copy;

    MdcPass(Map<String, String> mdc) {
      this.mdc = mdc;
    }

    @Override
    public void accept(String key, String value) {
      // MDC values stay the same Strings for a whole request, run or step.
      String redacted = value == null ? null : repeated.redact(key, value);
      if (redacted != value) {
        if (copy == null) {
          copy = new LinkedHashMap<>(mdc);
        }
        copy.put(key, redacted);
      }
    }
  }

  private List<KeyValuePair> keyValues(List<KeyValuePair> keyValues) {
    if (keyValues == null || keyValues.isEmpty()) {
      return keyValues;
    }
    List<KeyValuePair> copy = null;
    for (int i = 0; i < keyValues.size(); i++) {
      KeyValuePair pair = keyValues.get(i);
      if (pair.value == null) {
        continue;
      }
      String text = pair.value.toString();
      String redacted = redactor.redact(pair.key, text);
      if (redacted != text) {
        if (copy == null) {
          copy = new ArrayList<>(keyValues);
        }
        copy.set(i, new KeyValuePair(pair.key, redacted));
      }
    }
    return copy == null ? keyValues : copy;
  }

  /** The line kept with its level, logger, thread and time, its content withheld. */
  static ILoggingEvent withheld(ILoggingEvent event) {
    return new RedactedEvent(event, WITHHELD, WITHHELD, null, Collections.emptyMap(), null, null);
  }
}
