package dev.runtrail.logging.logback;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.LoggerContextVO;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.slf4j.Marker;
import org.slf4j.event.KeyValuePair;

/** An event seen through the redactor: the redacted parts replaced, everything else the original's. */
final class RedactedEvent implements ILoggingEvent {
  private final ILoggingEvent delegate;
  private final String message;
  private final String formattedMessage;
  private final Object[] arguments;
  private final Map<String, String> mdc;
  private final List<KeyValuePair> keyValues;
  private final IThrowableProxy throwable;

  RedactedEvent(ILoggingEvent delegate, String message, String formattedMessage, Object[] arguments,
      Map<String, String> mdc, List<KeyValuePair> keyValues, IThrowableProxy throwable) {
    this.delegate = delegate;
    this.message = message;
    this.formattedMessage = formattedMessage;
    this.arguments = arguments;
    this.mdc = mdc;
    this.keyValues = keyValues;
    this.throwable = throwable;
  }

  @Override
  public String getThreadName() {
    return delegate.getThreadName();
  }

  @Override
  public Level getLevel() {
    return delegate.getLevel();
  }

  @Override
  public String getMessage() {
    return message;
  }

  @Override
  public Object[] getArgumentArray() {
    return arguments;
  }

  @Override
  public String getFormattedMessage() {
    return formattedMessage;
  }

  @Override
  public String getLoggerName() {
    return delegate.getLoggerName();
  }

  @Override
  public LoggerContextVO getLoggerContextVO() {
    return delegate.getLoggerContextVO();
  }

  @Override
  public IThrowableProxy getThrowableProxy() {
    return throwable;
  }

  @Override
  public StackTraceElement[] getCallerData() {
    return delegate.getCallerData();
  }

  @Override
  public boolean hasCallerData() {
    return delegate.hasCallerData();
  }

  @Override
  public Marker getMarker() {
    return delegate.getMarker();
  }

  @Override
  public List<Marker> getMarkerList() {
    return delegate.getMarkerList();
  }

  @Override
  public Map<String, String> getMDCPropertyMap() {
    return mdc;
  }

  @Override
  public Map<String, String> getMdc() {
    return mdc;
  }

  @Override
  public long getTimeStamp() {
    return delegate.getTimeStamp();
  }

  @Override
  public int getNanoseconds() {
    return delegate.getNanoseconds();
  }

  @Override
  public Instant getInstant() {
    return delegate.getInstant();
  }

  @Override
  public long getSequenceNumber() {
    return delegate.getSequenceNumber();
  }

  @Override
  public List<KeyValuePair> getKeyValuePairs() {
    return keyValues;
  }

  /**
   * Fixes what is still the original's: its thread name. Not the original's own preparation, which
   * formats its message: the redacted parts here are already made, and a withheld line must not render its
   * arguments again (their {@code toString()} may log, or fail).
   */
  @Override
  public void prepareForDeferredProcessing() {
    delegate.getThreadName();
  }

  @Override
  public String toString() {
    return "[" + getLevel() + "] " + formattedMessage;
  }
}
