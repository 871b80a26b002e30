package dev.runtrail.logging.jul;

import dev.runtrail.redaction.Redactor;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;

/**
 * A java.util.logging {@link Formatter} that redacts the whole formatted line (message, parameters and the
 * stack trace text the delegate writes) with Runtrail's {@link Redactor}. A failing redaction never loses
 * the line: it is written as level, logger and a withheld message.
 * {@code handler.setFormatter(new RedactingFormatter(new SimpleFormatter()))}, or in
 * {@code logging.properties}: {@code java.util.logging.ConsoleHandler.formatter=dev.runtrail.logging.jul.RedactingFormatter}
 * (wrapping a {@link SimpleFormatter}).
 */
public class RedactingFormatter extends Formatter {
  private final Formatter delegate;
  private final Redactor redactor;

  /** Wraps a {@link SimpleFormatter} with the default redactor (for {@code logging.properties}). */
  public RedactingFormatter() {
    this(new SimpleFormatter());
  }

  /** @throws IllegalArgumentException when {@code delegate} is null */
  public RedactingFormatter(Formatter delegate) {
    if (delegate == null) {
      throw new IllegalArgumentException("delegate must not be null");
    }
    this.delegate = delegate;
    this.redactor = Redactor.defaults();
  }

  @Override
  public String format(LogRecord record) {
    try {
      return redactor.redact(delegate.format(record));
    } catch (RuntimeException e) {
      return record.getLevel() + " " + record.getLoggerName()
          + " [log message withheld: redaction failed]" + System.lineSeparator();
    }
  }
}
