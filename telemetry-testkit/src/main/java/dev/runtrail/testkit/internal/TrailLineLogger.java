package dev.runtrail.testkit.internal;

import dev.runtrail.testkit.LogLine;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.MDC;
import org.slf4j.Marker;
import org.slf4j.event.KeyValuePair;
import org.slf4j.event.Level;
import org.slf4j.event.LoggingEvent;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.spi.LoggingEventAware;

/**
 * The fallback when logback is not the backend: an SLF4J logger given to an extra trail log sink, so
 * the test still sees the lines Runtrail itself writes about the trail.
 */
public final class TrailLineLogger extends LegacyAbstractLogger implements LoggingEventAware {

  private static final long serialVersionUID = 1L;
  private final transient LogBuffer buffer;

  public TrailLineLogger(String name, LogBuffer buffer) {
    this.name = name;
    this.buffer = buffer;
  }

  @Override
  public void log(LoggingEvent event) {
    Map<String, String> keyValues = new LinkedHashMap<>();
    List<KeyValuePair> pairs = event.getKeyValuePairs();
    if (pairs != null) {
      for (KeyValuePair pair : pairs) {
        keyValues.put(pair.key, String.valueOf(pair.value));
      }
    }
    String message = MessageFormatter.basicArrayFormat(event.getMessage(), event.getArgumentArray());
    add(event.getLevel(), message, keyValues, event.getThrowable());
  }

  @Override
  protected void handleNormalizedLoggingCall(Level level, Marker marker, String messagePattern, Object[] arguments,
      Throwable throwable) {
    add(level, MessageFormatter.basicArrayFormat(messagePattern, arguments), Map.of(), throwable);
  }

  private void add(Level level, String message, Map<String, String> keyValues, Throwable throwable) {
    Map<String, String> mdc = MDC.getCopyOfContextMap();
    String stackTrace = null;
    if (throwable != null) {
      java.io.StringWriter text = new java.io.StringWriter();
      throwable.printStackTrace(new java.io.PrintWriter(text));
      stackTrace = text.toString();
    }
    buffer.add(new LogLine(Instant.now(), level.toString(), name, Thread.currentThread().getName(), message,
        mdc == null ? Map.of() : mdc, keyValues, stackTrace));
  }

  @Override
  protected String getFullyQualifiedCallerName() {
    return null;
  }

  @Override
  public boolean isTraceEnabled() {
    return true;
  }

  @Override
  public boolean isDebugEnabled() {
    return true;
  }

  @Override
  public boolean isInfoEnabled() {
    return true;
  }

  @Override
  public boolean isWarnEnabled() {
    return true;
  }

  @Override
  public boolean isErrorEnabled() {
    return true;
  }
}
