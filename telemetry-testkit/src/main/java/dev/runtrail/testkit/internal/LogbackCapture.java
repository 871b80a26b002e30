package dev.runtrail.testkit.internal;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import dev.runtrail.testkit.LogLine;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.LoggerFactory;
import org.slf4j.event.KeyValuePair;

/**
 * An appender on logback's root logger that turns each event into a {@link LogLine} and hands it to
 * the {@link LogRouter}. Only loaded when logback is the SLF4J backend (logback is optional).
 * Unsynchronized: parallel tests must not queue behind one another's logging.
 */
final class LogbackCapture extends UnsynchronizedAppenderBase<ILoggingEvent> {

  static final String NAME = "runtrail-testkit-capture";

  /** Attaches the appender unless it is there (a logback reset removes it, so check every time). */
  static synchronized void install() {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    if (root.getAppender(NAME) != null) {
      return;
    }
    LogbackCapture appender = new LogbackCapture();
    appender.setContext(context);
    appender.setName(NAME);
    appender.start();
    root.addAppender(appender);
  }

  @Override
  protected void append(ILoggingEvent event) {
    if (!LogRouter.isListening()) {
      return;
    }
    try {
      LogRouter.route(toLine(event));
    } catch (RuntimeException e) {
      addError("Runtrail testkit could not capture a log event", e);
    }
  }

  private static LogLine toLine(ILoggingEvent event) {
    Map<String, String> keyValues = new LinkedHashMap<>();
    List<KeyValuePair> pairs = event.getKeyValuePairs();
    if (pairs != null) {
      for (KeyValuePair pair : pairs) {
        keyValues.put(pair.key, String.valueOf(pair.value));
      }
    }
    IThrowableProxy proxy = event.getThrowableProxy();
    Instant instant = event.getInstant() != null ? event.getInstant() : Instant.ofEpochMilli(event.getTimeStamp());
    return new LogLine(instant, event.getLevel().toString(), event.getLoggerName(), event.getThreadName(),
        event.getFormattedMessage(), event.getMDCPropertyMap(), keyValues,
        proxy == null ? null : ThrowableProxyUtil.asString(proxy));
  }
}
