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
import java.util.concurrent.atomic.AtomicLong;

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
 * <p>A line logged while one is being handled, on the same thread (by an argument's {@code toString()},
 * a redaction listener, a status listener or an appender behind that logs), is redacted and written as
 * usual; one logged while <em>that</em> one is handled is written with its content withheld (the
 * redactor is not called again); deeper ones, which only an endless recursion makes, are dropped, counted
 * in {@link #droppedReentries()} and reported once on the status manager. A logging call never recurses
 * without end through this appender (Logback 1.6 guards only its {@code ConsoleAppender}).
 *
 * <p>It hands each event to its appenders itself rather than through Logback's
 * {@code AppenderAttachableImpl}, so that the logging call stays short enough for the JIT to compile it
 * as one piece.
 */
public class RedactingAppender extends UnsynchronizedAppenderBase<ILoggingEvent>
    implements AppenderAttachable<ILoggingEvent> {

  @SuppressWarnings("unchecked")
  private static final Appender<ILoggingEvent>[] NONE = new Appender[0];

  private volatile Appender<ILoggingEvent>[] appenders = NONE; // copied on every change
  private volatile LogEventRedactor redactor = new LogEventRedactor(Redactor.defaults());
  /** Re-entry depths at or past which a line is withheld, then dropped (see the class javadoc). */
  private static final int WITHHELD_DEPTH = 2;
  private static final int DROPPED_DEPTH = 3;

  private final ThreadLocal<int[]> depth = ThreadLocal.withInitial(() -> new int[1]);
  private final AtomicLong droppedReentries = new AtomicLong();
  private volatile boolean failureReported;
  private volatile boolean errorReported;
  private volatile boolean dropReported;

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

  /** Lines dropped because they were logged, on the same thread, three levels deep inside this appender. */
  public long droppedReentries() {
    return droppedReentries.get();
  }

  /** Filters, redacts and hands on the event; never throws, never recurses without end. */
  @Override
  public void doAppend(ILoggingEvent event) {
    if (!isStarted()) {
      super.doAppend(event); // warns, now and then, of events sent to an appender not started
      return;
    }
    int[] depth = this.depth.get();
    int outer = depth[0];
    if (outer >= DROPPED_DEPTH) {
      dropReentry();
      return;
    }
    depth[0] = outer + 1;
    try {
      if (getFilterChainDecision(event) != FilterReply.DENY) {
        if (outer < WITHHELD_DEPTH) {
          append(event);
        } else {
          handOn(LogEventRedactor.withheld(event));
        }
      }
    } catch (RuntimeException e) {
      if (!errorReported) {
        errorReported = true;
        addError("RedactingAppender [" + getName() + "] failed to append an event", e);
      }
    } finally {
      depth[0] = outer;
    }
  }

  private void dropReentry() {
    droppedReentries.incrementAndGet();
    if (!dropReported) {
      dropReported = true;
      addError("RedactingAppender [" + getName() + "] dropped a line logged while handling a line logged"
          + " while handling another (an endless recursion, e.g. an appender behind it that logs each"
          + " line). Count: droppedReentries().");
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
    handOn(redacted);
  }

  private void handOn(ILoggingEvent event) {
    for (Appender<ILoggingEvent> appender : appenders) {
      appender.doAppend(event);
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
