package dev.runtrail.logging.logback;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import ch.qos.logback.core.spi.AppenderAttachable;
import ch.qos.logback.core.spi.AppenderAttachableImpl;
import dev.runtrail.redaction.Redactor;
import java.util.Iterator;

/**
 * A Logback appender that redacts each event ({@link LogEventRedactor}) and hands it to the appenders
 * attached to it, the way {@code AsyncAppender} wraps its appenders. Every appender behind it (console,
 * file, async, any encoder or layout) sees only the redacted event.
 *
 * <pre>{@code
 * <appender name="REDACT" class="dev.runtrail.logging.logback.RedactingAppender">
 *   <appender-ref ref="CONSOLE"/>
 *   <appender-ref ref="FILE"/>
 * </appender>
 * <root level="INFO"><appender-ref ref="REDACT"/></root>
 * }</pre>
 *
 * <p>A failing redactor never loses a line: it is written with its content withheld, counted in
 * {@link #redactionFailures()}, and the first failure is reported once as an error on Logback's status
 * manager (shown by {@code <configuration debug="true">} or a status listener).
 */
public class RedactingAppender extends UnsynchronizedAppenderBase<ILoggingEvent>
    implements AppenderAttachable<ILoggingEvent> {

  private final AppenderAttachableImpl<ILoggingEvent> appenders = new AppenderAttachableImpl<>();
  private volatile LogEventRedactor redactor = new LogEventRedactor(Redactor.defaults());
  private volatile boolean failureReported;

  /** Replaces the default redactor (BALANCED mode); for code that configures Logback itself. */
  public void setRedactor(Redactor redactor) {
    this.redactor = new LogEventRedactor(redactor);
  }

  /** How many lines could not be redacted and were written with their content withheld. */
  public long redactionFailures() {
    return redactor.failures();
  }

  @Override
  public void start() {
    if (!appenders.iteratorForAppenders().hasNext()) {
      addWarn("No appender attached to RedactingAppender [" + getName() + "]; its events go nowhere.");
    }
    super.start();
  }

  @Override
  public void stop() {
    super.stop();
    appenders.detachAndStopAllAppenders();
  }

  @Override
  protected void append(ILoggingEvent event) {
    LogEventRedactor current = redactor;
    long before = current.failures();
    ILoggingEvent redacted = current.redact(event);
    if (!failureReported && current.failures() > before) {
      failureReported = true;
      addError("Runtrail could not redact a log line; it and any like it are written with their content"
          + " withheld (" + LogEventRedactor.WITHHELD + "). Count: redactionFailures().");
    }
    appenders.appendLoopOnAppenders(redacted);
  }

  @Override
  public void addAppender(Appender<ILoggingEvent> appender) {
    appenders.addAppender(appender);
  }

  @Override
  public Iterator<Appender<ILoggingEvent>> iteratorForAppenders() {
    return appenders.iteratorForAppenders();
  }

  @Override
  public Appender<ILoggingEvent> getAppender(String name) {
    return appenders.getAppender(name);
  }

  @Override
  public boolean isAttached(Appender<ILoggingEvent> appender) {
    return appenders.isAttached(appender);
  }

  @Override
  public void detachAndStopAllAppenders() {
    appenders.detachAndStopAllAppenders();
  }

  @Override
  public boolean detachAppender(Appender<ILoggingEvent> appender) {
    return appenders.detachAppender(appender);
  }

  @Override
  public boolean detachAppender(String name) {
    return appenders.detachAppender(name);
  }
}
