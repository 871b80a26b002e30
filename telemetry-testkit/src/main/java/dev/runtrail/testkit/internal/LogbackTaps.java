package dev.runtrail.testkit.internal;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.AsyncAppenderBase;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.spi.AppenderAttachable;
import dev.runtrail.testkit.AppLogOutput;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.LoggerFactory;

/**
 * Taps beside every appender of Logback's logger tree. Appenders that hand events on (a
 * {@code RedactingAppender}, any {@link AppenderAttachable}) are looked into, and the tap goes where their
 * leaves get the events; an async appender's leaves are tapped synchronously in its place (it does not
 * change events). Only loaded when Logback is the SLF4J backend.
 */
final class LogbackTaps {
  /** For appenders without an encoder: everything an event holds. */
  private static final String FULL_PATTERN = "%level %logger [%thread] %msg [%mdc] [%kvp]%n%ex{full}";
  private static final String TESTKIT_CAPTURE = LogbackCapture.NAME;

  private final List<Runnable> detach = new ArrayList<>();
  private final List<String> writers = new ArrayList<>();

  static LogbackTaps attach(Consumer<AppLogOutput> sink) {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    LogbackTaps taps = new LogbackTaps();
    PatternLayout fallback = new PatternLayout();
    fallback.setContext(context);
    fallback.setPattern(FULL_PATTERN);
    fallback.start();
    Map<AppenderAttachable<ILoggingEvent>, List<Appender<ILoggingEvent>>> leavesBySite = new IdentityHashMap<>();
    for (Logger logger : context.getLoggerList()) {
      for (Appender<ILoggingEvent> appender : appenders(logger)) {
        collect(logger, appender, leavesBySite);
      }
    }
    leavesBySite.forEach((site, leaves) -> {
      Tap tap = new Tap(leaves, fallback, sink);
      tap.setContext(context);
      tap.start();
      site.addAppender(tap);
      taps.detach.add(() -> {
        site.detachAppender(tap);
        tap.stop();
      });
      leaves.forEach(leaf -> taps.writers.add(Tap.writer(leaf)));
    });
    return taps;
  }

  List<String> writers() {
    return writers;
  }

  void detach() {
    detach.forEach(Runnable::run);
  }

  @SuppressWarnings("unchecked")
  private static void collect(AppenderAttachable<ILoggingEvent> site, Appender<ILoggingEvent> appender,
      Map<AppenderAttachable<ILoggingEvent>, List<Appender<ILoggingEvent>>> leavesBySite) {
    if (appender instanceof Tap || TESTKIT_CAPTURE.equals(appender.getName())) {
      return;
    }
    if (appender instanceof AppenderAttachable<?> attachable) {
      AppenderAttachable<ILoggingEvent> children = (AppenderAttachable<ILoggingEvent>) attachable;
      // An async appender hands events on unchanged, later: tap its leaves in its place, synchronously.
      AppenderAttachable<ILoggingEvent> childSite = appender instanceof AsyncAppenderBase<?> ? site : children;
      for (Appender<ILoggingEvent> child : appenders(children)) {
        collect(childSite, child, leavesBySite);
      }
      return;
    }
    leavesBySite.computeIfAbsent(site, s -> new ArrayList<>()).add(appender);
  }

  private static List<Appender<ILoggingEvent>> appenders(AppenderAttachable<ILoggingEvent> attachable) {
    List<Appender<ILoggingEvent>> all = new ArrayList<>();
    for (Iterator<Appender<ILoggingEvent>> it = attachable.iteratorForAppenders(); it.hasNext(); ) {
      all.add(it.next());
    }
    return all;
  }

  /** Formats each event it gets the way each of its leaf appenders would write it. */
  private static final class Tap extends UnsynchronizedAppenderBase<ILoggingEvent> {
    private final List<Appender<ILoggingEvent>> leaves;
    private final PatternLayout fallback;
    private final Consumer<AppLogOutput> sink;

    Tap(List<Appender<ILoggingEvent>> leaves, PatternLayout fallback, Consumer<AppLogOutput> sink) {
      this.leaves = leaves;
      this.fallback = fallback;
      this.sink = sink;
      setName("runtrail-testkit-app-logs");
    }

    static String writer(Appender<ILoggingEvent> leaf) {
      return "logback appender '" + leaf.getName() + "'";
    }

    @Override
    protected void append(ILoggingEvent event) {
      for (Appender<ILoggingEvent> leaf : leaves) {
        Encoder<ILoggingEvent> encoder = leaf instanceof OutputStreamAppender<ILoggingEvent> stream
            ? stream.getEncoder() : null;
        String text = encoder != null
            ? new String(encoder.encode(event), StandardCharsets.UTF_8) : fallback.doLayout(event);
        sink.accept(new AppLogOutput(writer(leaf), text));
      }
    }
  }
}
