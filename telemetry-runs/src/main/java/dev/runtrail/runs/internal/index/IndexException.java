package dev.runtrail.runs.internal.index;

/** The index could not be opened, read or written; the message says what and where. */
public final class IndexException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public IndexException(String message, Throwable cause) {
    super(message, cause);
  }

  public IndexException(String message) {
    super(message);
  }
}
