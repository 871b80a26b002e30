package dev.runtrail.logging.logback;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggerContextListener;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.spi.LifeCycle;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The one-line setup: {@code <contextListener class="dev.runtrail.logging.logback.RedactEveryAppender"/>}
 * in {@code logback.xml} puts a {@link RedactingAppender} in front of every appender attached to any
 * logger, so each one (console, file, async, JSON encoders) sees only redacted events. It wraps when the
 * logger context starts (after the configuration file, whatever the line's place) and again as the
 * element itself is applied: put it last in the file and a reconfiguration ({@code scan="true"}), which
 * does not restart the context, is covered too. Appenders attached later from code are not wrapped; wrap
 * those with {@link RedactingAppender} directly. Wrapping twice is a no-op.
 */
public class RedactEveryAppender extends ContextAwareBase implements LoggerContextListener, LifeCycle {
  private volatile boolean started;

  @Override
  public void start() {
    if (!(getContext() instanceof LoggerContext loggerContext)) {
      addError("RedactEveryAppender needs a Logback LoggerContext, got " + getContext());
      return;
    }
    wrapAll(loggerContext);
    started = true;
  }

  private void wrapAll(LoggerContext context) {
    int wrapped = wrap(context);
    if (wrapped > 0) {
      addInfo("Runtrail redacts the events of " + wrapped + " more appender(s)");
    }
  }

  /** Wraps every appender attached to a logger of {@code context}; returns how many were wrapped. */
  static int wrap(LoggerContext context) {
    int wrapped = 0;
    for (Logger logger : context.getLoggerList()) {
      List<Appender<ILoggingEvent>> plain = new ArrayList<>();
      for (Iterator<Appender<ILoggingEvent>> it = logger.iteratorForAppenders(); it.hasNext(); ) {
        Appender<ILoggingEvent> appender = it.next();
        if (!(appender instanceof RedactingAppender)) {
          plain.add(appender);
        }
      }
      for (Appender<ILoggingEvent> appender : plain) {
        RedactingAppender redacting = new RedactingAppender();
        redacting.setContext(context);
        redacting.setName("REDACT-" + appender.getName());
        redacting.addAppender(appender);
        redacting.start();
        logger.detachAppender(appender);
        logger.addAppender(redacting);
        wrapped++;
      }
    }
    return wrapped;
  }

  @Override
  public void stop() {
    started = false;
  }

  @Override
  public boolean isStarted() {
    return started;
  }

  @Override
  public boolean isResetResistant() {
    return false;
  }

  @Override
  public void onStart(LoggerContext context) {
    wrapAll(context);
  }

  @Override
  public void onReset(LoggerContext context) { }

  @Override
  public void onStop(LoggerContext context) { }

  @Override
  public void onLevelChange(Logger logger, ch.qos.logback.classic.Level level) { }
}
