package dev.runtrail.logging.logback;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import ch.qos.logback.core.spi.AppenderAttachable;
import ch.qos.logback.core.spi.FilterReply;
import dev.runtrail.redaction.Redactor;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

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
 *
 * <p>It hands each event to its appenders itself, without Logback's re-entry guard (each appender behind
 * it keeps its own): the redaction logs nothing, and the logging call stays short enough for the JIT to
 * compile it as one piece.
 */
public class RedactingAppender extends UnsynchronizedAppenderBase<ILoggingEvent>
    implements AppenderAttachable<ILoggingEvent> {

  @SuppressWarnings("unchecked")
  private static final Appender<ILoggingEvent>[] NONE = new Appender[0];

  private volatile Appender<ILoggingEvent>[] appenders = NONE; // copied on every change
  private volatile LogEventRedactor redactor = new LogEventRedactor(Redactor.defaults());
  private volatile boolean failureReported;
  private volatile boolean errorReported;

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
    if (appenders.length == 0) {
      addWarn("No appender attached to RedactingAppender [" + getName() + "]; its events go nowhere.");
    }
    super.start();
  }

  @Override
  public void stop() {
    super.stop();
    detachAndStopAllAppenders();
  }

  /** Filters, redacts and hands on the event; never throws. */
  @Override
  public void doAppend(ILoggingEvent event) {
    if (!isStarted()) {
      super.doAppend(event); // warns, now and then, of events sent to an appender not started
      return;
    }
    try {
      if (getFilterChainDecision(event) != FilterReply.DENY) {
        append(event);
      }
    } catch (RuntimeException e) {
      if (!errorReported) {
        errorReported = true;
        addError("RedactingAppender [" + getName() + "] failed to append an event", e);
      }
    }
  }

  @Override
  protected void append(ILoggingEvent event) {
    LogEventRedactor current = redactor;
    long before = current.failures();
    ILoggingEvent redacted = current.redact(event);
    if (current.failures() != before) {
      reportFailure();
    }
    for (Appender<ILoggingEvent> appender : appenders) {
      appender.doAppend(redacted);
    }
  }

  private void reportFailure() {
    if (!failureReported) {
      failureReported = true;
      addError("Runtrail could not redact a log line; it and any like it are written with their content"
          + " withheld (" + LogEventRedactor.WITHHELD + "). Count: redactionFailures().");
    }
  }

  @Override
  public synchronized void addAppender(Appender<ILoggingEvent> appender) {
    if (appender == null) {
      throw new IllegalArgumentException("Null argument disallowed");
    }
    if (!isAttached(appender)) {
      Appender<ILoggingEvent>[] more = Arrays.copyOf(appenders, appenders.length + 1);
      more[more.length - 1] = appender;
      appenders = more;
    }
  }

  @Override
  public Iterator<Appender<ILoggingEvent>> iteratorForAppenders() {
    return List.of(appenders).iterator();
  }

  @Override
  public Appender<ILoggingEvent> getAppender(String name) {
    for (Appender<ILoggingEvent> appender : appenders) {
      if (name != null && name.equals(appender.getName())) {
        return appender;
      }
    }
    return null;
  }

  @Override
  public boolean isAttached(Appender<ILoggingEvent> appender) {
    for (Appender<ILoggingEvent> attached : appenders) {
      if (attached == appender) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void detachAndStopAllAppenders() {
    Appender<ILoggingEvent>[] detached;
    synchronized (this) {
      detached = appenders;
      appenders = NONE;
    }
    for (Appender<ILoggingEvent> appender : detached) {
      appender.stop();
    }
  }

  @Override
  public synchronized boolean detachAppender(Appender<ILoggingEvent> appender) {
    Appender<ILoggingEvent>[] current = appenders;
    for (int i = 0; i < current.length; i++) {
      if (current[i] == appender) {
        Appender<ILoggingEvent>[] fewer = Arrays.copyOf(current, current.length - 1);
        System.arraycopy(current, i + 1, fewer, i, current.length - i - 1);
        appenders = fewer;
        return true;
      }
    }
    return false;
  }

  @Override
  public boolean detachAppender(String name) {
    Appender<ILoggingEvent> appender = getAppender(name);
    return appender != null && detachAppender(appender);
  }
}
