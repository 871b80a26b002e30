package dev.runtrail.testkit.internal;

import dev.runtrail.testkit.AppLogOutput;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.LoggerFactory;

/** The taps of one {@code AppLogs} capture: Logback's (when it is the SLF4J backend) and java.util.logging's. */
public final class AppLogTaps {
  private static final String LOGBACK_CONTEXT = "ch.qos.logback.classic.LoggerContext";

  private final List<Runnable> detach = new ArrayList<>();
  private final List<String> writers = new ArrayList<>();

  private AppLogTaps() {}

  /** Attaches taps to the writers configured now; each formatted output goes to {@code sink}. */
  public static AppLogTaps attach(Consumer<AppLogOutput> sink) {
    AppLogTaps taps = new AppLogTaps();
    if (LoggerFactory.getILoggerFactory().getClass().getName().equals(LOGBACK_CONTEXT)) {
      LogbackTaps logback = LogbackTaps.attach(sink);
      taps.writers.addAll(logback.writers());
      taps.detach.add(logback::detach);
    }
    JulTap jul = JulTap.attach(sink);
    taps.writers.addAll(jul.writers());
    taps.detach.add(jul::detach);
    return taps;
  }

  /** The writers tapped. */
  public List<String> writers() {
    return List.copyOf(writers);
  }

  /** Removes every tap. */
  public void detach() {
    detach.forEach(Runnable::run);
  }
}
