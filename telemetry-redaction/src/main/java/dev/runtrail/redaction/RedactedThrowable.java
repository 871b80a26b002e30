package dev.runtrail.redaction;

/**
 * The redacted twin of a throwable whose message held a secret, for logging integrations that hand a
 * {@link Throwable} on (Log4j2 appenders, OpenTelemetry's Logback appender): the original's class name (in
 * {@link #toString()}, and so in every printed stack trace), its redacted message, its stack frames, and its
 * cause and suppressed throwables, each the original when its text was clean, a twin otherwise. What reads
 * the throwable's class (OpenTelemetry's {@code exception.type}, a JSON layout's class name) sees this
 * class: a throwable of the original class cannot be made with another message. (Runtrail's own OTLP log
 * exporter puts the original class name back into {@code exception.type}, from the head of the stack trace.)
 */
public final class RedactedThrowable extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String originalClassName;
  private final String description;

  /**
   * @param originalClassName the class name of the throwable this one stands for
   * @param message its redacted message (null when it had none)
   * @param description its redacted {@code toString()}, what stack traces print first
   * @param cause the redacted cause, or null
   * @param frames the original's stack frames
   */
  public RedactedThrowable(String originalClassName, String message, String description, Throwable cause,
      StackTraceElement[] frames) {
    super(message, cause, true, true);
    this.originalClassName = originalClassName;
    this.description = description;
    setStackTrace(frames);
  }

  /** The class name of the throwable this one stands for. */
  public String originalClassName() {
    return originalClassName;
  }

  @Override
  public synchronized Throwable fillInStackTrace() {
    return this; // the frames are the original's
  }

  @Override
  public String toString() {
    return description;
  }
}
