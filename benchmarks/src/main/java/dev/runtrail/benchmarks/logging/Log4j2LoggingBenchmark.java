package dev.runtrail.benchmarks.logging;

import dev.runtrail.logging.log4j2.RuntrailRedactionPolicy;
import dev.runtrail.redaction.Redactor;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.ThreadContext;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.Logger;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.OutputStreamAppender;
import org.apache.logging.log4j.core.appender.rewrite.RewriteAppender;
import org.apache.logging.log4j.core.appender.rewrite.RewritePolicy;
import org.apache.logging.log4j.core.config.AppenderRef;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.builder.api.ConfigurationBuilder;
import org.apache.logging.log4j.core.config.builder.api.ConfigurationBuilderFactory;
import org.apache.logging.log4j.core.config.builder.impl.BuiltConfiguration;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The Log4j2 twin of {@link LoggingBenchmark} (issue 16): the same clean line, two arguments and a
 * ThreadContext entry, with the same pattern into a discarding stream, through a plain Log4j2 logger and
 * through a {@code Rewrite} appender whose policy is {@link RuntrailRedactionPolicy} (the module's
 * idiomatic setup, built in code: the XML's {@code <Rewrite><RuntrailRedaction/>...}). Beside them: the
 * same {@code Rewrite} appender with a policy that returns every event as it is (Log4j2's own cost of the
 * extra appender hop).
 * Run with {@code -prof gc} for the allocation per line.
 *
 * <p>Log4j2 is forced to its default for a non-web application ({@code log4j2.isWebapp=false}: reusable,
 * garbage-free events and messages), the one that decides whether a clean line allocates anything; and to
 * log4j-core as its provider, whatever else is on the benchmarks' class path.
 *
 * <p>The {@code ...OtherSha} methods log the same pattern with a different SHA on each line (64 of them,
 * in turn): a line whose text was not seen just before, so the redactor scans it instead of recognising it.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(jvmArgsAppend = {"-Dlog4j2.isWebapp=false",
    "-Dlog4j.provider=org.apache.logging.log4j.core.impl.Log4jProvider"})
public class Log4j2LoggingBenchmark {
  /** {@link LoggingBenchmark#PATTERN}, which Log4j2's PatternLayout reads the same way. */
  static final String PATTERN = LoggingBenchmark.PATTERN;

  /** Which ThreadContext the line is logged with: {@code run_id} (one entry) or {@code step} (Runtrail's seven). */
  @Param({"run_id", "step"})
  public String mdc;

  private LoggerContext context;
  private Logger plain;
  private Logger passThrough;
  private Logger redacted;
  private final String target = LogLines.TARGET;
  private final String sha = LogLines.SHA;
  private final String[] shas = LogLines.otherShas();
  private int next;

  @Setup
  public void setUp() {
    LogLines.context(mdc).forEach(ThreadContext::put);
    ConfigurationBuilder<BuiltConfiguration> builder = ConfigurationBuilderFactory.newConfigurationBuilder();
    builder.setStatusLevel(Level.WARN);
    builder.add(builder.newRootLogger(Level.OFF));
    context = new LoggerContext("runtrail-benchmark");
    context.start(builder.build());
    Configuration config = context.getConfiguration();
    // Logger names of the same length: %logger is in the pattern (see LoggingBenchmark).
    plain = logger(config, "unwrapped", discarding(config, "PLAIN"));
    passThrough = logger(config, "passes-on", rewrite(config, "PASS", event -> event));
    redacted = logger(config, "redacting", rewrite(config, "REDACT", RuntrailRedactionPolicy.of(Redactor.defaults())));
    context.updateLoggers();
    checkRedacts(config);
  }

  @TearDown
  public void tearDown() {
    ThreadContext.clearMap();
    context.stop();
  }

  @Benchmark
  public void plainLog4j2() {
    plain.info("deployed {} at {}", target, sha);
  }

  /** The Rewrite appender with a policy that changes nothing: Log4j2's own hop. */
  @Benchmark
  public void rewritePassThrough() {
    passThrough.info("deployed {} at {}", target, sha);
  }

  @Benchmark
  public void redactionPolicy() {
    redacted.info("deployed {} at {}", target, sha);
  }

  @Benchmark
  public void plainLog4j2OtherSha() {
    plain.info("deployed {} at {}", target, shas[next++ & 63]);
  }

  @Benchmark
  public void redactionPolicyOtherSha() {
    redacted.info("deployed {} at {}", target, shas[next++ & 63]);
  }

  private Logger logger(Configuration config, String name, Appender appender) {
    LoggerConfig loggerConfig = LoggerConfig.newBuilder().withLoggerName(name).withLevel(Level.INFO)
        .withAdditivity(false).withConfig(config).build();
    loggerConfig.addAppender(appender, null, null);
    config.addLogger(name, loggerConfig);
    return context.getLogger(name);
  }

  private Appender rewrite(Configuration config, String name, RewritePolicy policy) {
    return rewrite(config, name, policy, OutputStream.nullOutputStream());
  }

  private Appender rewrite(Configuration config, String name, RewritePolicy policy, OutputStream out) {
    Appender behind = started(config, "BEHIND-" + name, out);
    RewriteAppender rewrite = RewriteAppender.createAppender(name, "true",
        new AppenderRef[] {AppenderRef.createAppenderRef(behind.getName(), null, null)}, config, policy, null);
    rewrite.start();
    config.addAppender(rewrite);
    return rewrite;
  }

  private static Appender discarding(Configuration config, String name) {
    return started(config, name, OutputStream.nullOutputStream());
  }

  private static Appender started(Configuration config, String name, OutputStream out) {
    PatternLayout layout = PatternLayout.newBuilder().withPattern(PATTERN).withConfiguration(config).build();
    Appender appender = OutputStreamAppender.newBuilder().setName(name).setLayout(layout).setTarget(out).build();
    appender.start();
    config.addAppender(appender);
    return appender;
  }

  /** The setup does what it says: the pattern is formatted, and a secret behind the policy is redacted. */
  private void checkRedacts(Configuration config) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Logger check = logger(config, "check-redacts",
        rewrite(config, "CHECK", RuntrailRedactionPolicy.of(Redactor.defaults()), out));
    context.updateLoggers();
    String canary = "ghp_" + "R7nQ2xK9mW4vL8pZ3tY6bH1cF5jD0sA2eG7u";
    check.info("deployed {} with token {}", target, canary);
    String line = out.toString(StandardCharsets.UTF_8);
    if (line.contains(canary) || !line.contains("[REDACTED]") || !line.contains(" INFO  [")
        || !line.contains("run_id=run-20260211-142530-1a2b3c - deployed api with token")) {
      throw new IllegalStateException("the Log4j2 setup does not format or redact as expected: " + line);
    }
  }
}
