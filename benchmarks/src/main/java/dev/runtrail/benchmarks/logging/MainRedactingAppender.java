package dev.runtrail.benchmarks.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import ch.qos.logback.core.spi.AppenderAttachableImpl;
import dev.runtrail.logging.logback.LogEventRedactor;
import dev.runtrail.redaction.Redactor;

/**
 * The hand-on of main's RedactingAppender (before branch logcost16): Logback's doAppend and its
 * AppenderAttachableImpl loop, the same LogEventRedactor; kept to measure both versions in one JMH run.
 */
final class MainRedactingAppender extends UnsynchronizedAppenderBase<ILoggingEvent> {
  private final AppenderAttachableImpl<ILoggingEvent> appenders = new AppenderAttachableImpl<>();
  private final LogEventRedactor redactor = new LogEventRedactor(Redactor.defaults());

  void addAppender(Appender<ILoggingEvent> appender) {
    appenders.addAppender(appender);
  }

  @Override
  protected void append(ILoggingEvent event) {
    appenders.appendLoopOnAppenders(redactor.redact(event));
  }
}
