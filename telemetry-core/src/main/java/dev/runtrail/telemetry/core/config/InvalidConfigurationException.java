package dev.runtrail.telemetry.core.config;

/** A Runtrail setting has a value that cannot be used. The message names the variable and the value. */
public final class InvalidConfigurationException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  public InvalidConfigurationException(String message) {
    super(message);
  }

  public InvalidConfigurationException(String message, Throwable cause) {
    super(message, cause);
  }
}
