package dev.runtrail.benchmarks.logging.log4j2main;

import org.apache.logging.log4j.message.Message;

/** A message whose text and parameters were redacted; immutable. */
final class RedactedMessage implements Message {
  private static final long serialVersionUID = 1L;

  private final String formatted;
  private final String format;
  private final Object[] parameters;

  RedactedMessage(String formatted, String format, Object[] parameters) {
    this.formatted = formatted;
    this.format = format;
    this.parameters = parameters;
  }

  @Override
  public String getFormattedMessage() {
    return formatted;
  }

  @Override
  public String getFormat() {
    return format == null ? formatted : format;
  }

  @Override
  public Object[] getParameters() {
    return parameters == null ? null : parameters.clone();
  }

  @Override
  public Throwable getThrowable() {
    return null;
  }

  @Override
  public String toString() {
    return formatted;
  }
}
