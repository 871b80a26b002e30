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
import java.math.BigInteger;
import java.util.Random;
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
  private final String target = "api";
  private final String sha = "9fceb02d0ae598e95dc970b74767f19372d61af8";
  private final String[] shas = new String[64];
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
    MDC.put("run_id", "run-20260211-142530-1a2b3c");
    if (mdc.equals("step")) {
      MDC.put("trace_id", "4bf92f3577b34da6a3ce929d0e0e4736");
      MDC.put("span_id", "00f067aa0ba902b7");
      MDC.put("trace_flags", "01");
      MDC.put("correlation_id", "c0ffee00-1234-4abc-9def-0123456789ab");
      MDC.put("plan_id", "deploy-api");
      MDC.put("plan_version", "1.2.0");
    } else if (!mdc.equals("run_id")) {
      throw new IllegalArgumentException("mdc must be run_id or step, not " + mdc);
    }
    LoggingEvent event = new LoggingEvent(Logger.FQCN, redacted, Level.INFO, "deployed {} at {}", null,
        new Object[] {target, sha});
    event.prepareForDeferredProcessing(); // formats the message and snapshots the MDC, as an appender would
    cleanEvent = event;
    Random random = new Random(16);
    for (int i = 0; i < shas.length; i++) {
      shas[i] = String.format("%040x", new BigInteger(160, random));
    }
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
