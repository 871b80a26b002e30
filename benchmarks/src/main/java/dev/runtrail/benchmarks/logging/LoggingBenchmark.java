package dev.runtrail.benchmarks.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import dev.runtrail.logging.logback.LogEventRedactor;
import dev.runtrail.logging.logback.RedactingAppender;
import dev.runtrail.redaction.Redactor;
import java.io.OutputStream;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.slf4j.MDC;

/**
 * The cost of Runtrail's redaction for the app's own log lines (issue 16): the same clean line, two
 * arguments and an MDC entry, with the same pattern into a discarding stream, through plain Logback and
 * through {@link RedactingAppender}; and the redaction of that line's event alone
 * ({@link LogEventRedactor}, no appender), whose allocation should be zero. Run with {@code -prof gc} for
 * the allocation per line.
 *
 * <p>The {@code ...OtherSha} pair logs the same pattern with a different SHA on each line (64 of them, in
 * turn): a line whose text was not seen just before, so the redactor scans it instead of recognising it.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class LoggingBenchmark {
  static final String PATTERN = "%d{ISO8601} %-5level [%thread] %logger run_id=%X{run_id} - %msg%n";

  /** Which MDC the line is logged with: {@code run_id} (one entry) or {@code step} (Runtrail's seven). */
  @Param({"run_id", "step"})
  public String mdc;

  private LoggerContext context;
  private Logger plain;
  private Logger redacted;
  private Logger redactedMain;
  private final String target = LogLines.TARGET;
  private final String sha = LogLines.SHA;
  private final String[] shas = LogLines.otherShas();
  private int next;
  private final LogEventRedactor eventRedactor = new LogEventRedactor(Redactor.defaults());
  private ILoggingEvent cleanEvent;

  @Setup
  public void setUp() {
    context = new LoggerContext();
    context.setMDCAdapter(MDC.getMDCAdapter());
    context.start();
    // Logger names of the same length: %logger is in the pattern, and three more characters per line are
    // 16 more bytes per line (the line's String, its encoded bytes), which is not the redaction's.
    plain = logger("unwrapped");
    plain.addAppender(discarding("PLAIN"));
    RedactingAppender redacting = new RedactingAppender();
    redacting.setContext(context);
    redacting.setName("REDACT");
    redacting.addAppender(discarding("BEHIND-REDACT"));
    redacting.start();
    redacted = logger("redacting");
    redacted.addAppender(redacting);
    MainRedactingAppender main = new MainRedactingAppender();
    main.setContext(context);
    main.setName("REDACT-MAIN");
    main.addAppender(discarding("BEHIND-MAIN"));
    main.start();
    redactedMain = logger("redactold"); // same length as the other two names
    redactedMain.addAppender(main);
    LogLines.context(mdc).forEach(MDC::put);
    LoggingEvent event = new LoggingEvent(Logger.FQCN, redacted, Level.INFO, "deployed {} at {}", null,
        new Object[] {target, sha});
    event.prepareForDeferredProcessing(); // formats the message and snapshots the MDC, as an appender would
    cleanEvent = event;
  }

  @TearDown
  public void tearDown() {
    MDC.clear();
    context.stop();
  }

  @Benchmark
  public void plainLogback() {
    plain.info("deployed {} at {}", target, sha);
  }

  @Benchmark
  public void redactingAppender() {
    redacted.info("deployed {} at {}", target, sha);
  }

  /** main's RedactingAppender (Logback's doAppend and appender loop), for before/after in one run. */
  @Benchmark
  public void redactingAppenderMain() {
    redactedMain.info("deployed {} at {}", target, sha);
  }

  @Benchmark
  public void redactingAppenderMainOtherSha() {
    redactedMain.info("deployed {} at {}", target, shas[next++ & 63]);
  }

  @Benchmark
  public void plainLogbackOtherSha() {
    plain.info("deployed {} at {}", target, shas[next++ & 63]);
  }

  @Benchmark
  public void redactingAppenderOtherSha() {
    redacted.info("deployed {} at {}", target, shas[next++ & 63]);
  }

  /** The redaction alone: a clean event comes back as the same instance. */
  @Benchmark
  public ILoggingEvent redactCleanEvent() {
    return eventRedactor.redact(cleanEvent);
  }

  private Logger logger(String name) {
    Logger logger = context.getLogger(name);
    logger.setAdditive(false);
    logger.setLevel(Level.INFO);
    return logger;
  }

  private OutputStreamAppender<ILoggingEvent> discarding(String name) {
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern(PATTERN);
    encoder.start();
    OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
    appender.setContext(context);
    appender.setName(name);
    appender.setEncoder(encoder);
    appender.setOutputStream(OutputStream.nullOutputStream());
    appender.start();
    return appender;
  }
}
