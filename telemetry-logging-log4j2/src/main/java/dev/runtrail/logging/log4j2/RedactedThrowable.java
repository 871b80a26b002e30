package dev.runtrail.logging.log4j2;

/**
 * A throwable's redacted twin: the original's class name (in {@link #toString()}, and so in every stack
 * trace), its redacted message, its stack frames, and its redacted cause and suppressed throwables.
 */
public final class RedactedThrowable extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String originalClassName;
  private final String description;

  RedactedThrowable(String originalClassName, String message, String description, Throwable cause,
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
