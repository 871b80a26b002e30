package dev.runtrail.testkit.internal;

import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/** Sets up log capture for a test: logback's appender when logback is the backend, else a fallback. */
public final class LogCapture {

  private static final String LOGBACK_CONTEXT = "ch.qos.logback.classic.LoggerContext";
  private static final String SUBSTITUTE = "org.slf4j.helpers.SubstituteLoggerFactory";
  private static final long INIT_WAIT_MILLIS = 10_000;

  private LogCapture() {}

  /**
   * A buffer for the test's lines, routed from now on.
   *
   * @param useLogback false to behave as if logback were absent (the testkit's own tests)
   */
  public static LogBuffer open(boolean useLogback) {
    String backend = backend().getClass().getName();
    LogBuffer buffer;
    if (useLogback && backend.equals(LOGBACK_CONTEXT)) {
      LogbackCapture.install();
      buffer = new LogBuffer(true, "every line logback-classic emitted through its root logger");
    } else {
      buffer = new LogBuffer(false, "only Runtrail's own trail log lines: logback-classic is not the SLF4J"
          + " backend (found " + backend + "), so other log lines cannot be seen; add"
          + " ch.qos.logback:logback-classic to the test class path for full log capture");
    }
    LogRouter.open(buffer);
    return buffer;
  }

  /**
   * The SLF4J backend's logger factory. While another thread initializes SLF4J (parallel tests starting
   * together), SLF4J hands out a stand-in factory; wait for the real one.
   */
  private static ILoggerFactory backend() {
    ILoggerFactory factory = LoggerFactory.getILoggerFactory();
    long deadline = System.currentTimeMillis() + INIT_WAIT_MILLIS;
    while (factory.getClass().getName().equals(SUBSTITUTE) && System.currentTimeMillis() < deadline) {
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      factory = LoggerFactory.getILoggerFactory();
    }
    return factory;
  }
}
