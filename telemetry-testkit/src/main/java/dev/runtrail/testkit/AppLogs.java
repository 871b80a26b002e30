package dev.runtrail.testkit;

import dev.runtrail.testkit.internal.AppLogTaps;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The application's own log output as its real writers produce it, for proving that no secret reaches it:
 * each appender of Logback's logger tree gets a tap beside it that formats every event it receives with
 * the appender's own encoder (a pattern, {@code JsonEncoder}, {@code LogstashEncoder}, Runtrail's
 * {@code RunLogJsonEncoder}; a full pattern with MDC, key-values and stack trace for appenders without an
 * encoder), and java.util.logging's root logger a handler that formats each record with the root
 * handlers' formatters. A tap sits where the appender's events arrive: behind a {@code RedactingAppender}
 * (or any appender that hands events on) it sees the redacted events, so the output is what would be
 * written, after redaction.
 *
 * <pre>{@code
 * @RegisterExtension final AppLogs appLogs = AppLogs.capture();
 *
 * @Test
 * void tokenNeverReachesTheLogs(Captured captured) {
 *   Canary token = captured.canary().githubToken();
 *   client.call(token.text());
 *   assertThat(appLogs).hasLineContaining("calling").doesNotContain(token);
 * }
 * }</pre>
 *
 * <p>Taps are attached before each test and removed after it (or by {@link #start()} and {@link #close()}
 * without JUnit). They see the appenders configured when the test starts, every line those appenders get
 * while it runs, from any thread: tests running concurrently share them. Logback is optional: without it
 * only java.util.logging is captured.
 */
public final class AppLogs implements BeforeEachCallback, AfterEachCallback, AutoCloseable {
  private final List<AppLogOutput> outputs = new CopyOnWriteArrayList<>();
  private AppLogTaps taps;

  private AppLogs() {}

  /** A capture to register with {@code @RegisterExtension}, or to {@link #start()} by hand. */
  public static AppLogs capture() {
    return new AppLogs();
  }

  /** Forgets what was captured and attaches the taps to the writers configured now. */
  public synchronized AppLogs start() {
    close();
    outputs.clear();
    taps = AppLogTaps.attach(outputs::add);
    return this;
  }

  /** Detaches the taps; what was captured stays readable. */
  @Override
  public synchronized void close() {
    if (taps != null) {
      taps.detach();
      taps = null;
    }
  }

  /** Every output captured so far, in the order written. */
  public List<AppLogOutput> outputs() {
    return List.copyOf(outputs);
  }

  /** The writers that were tapped, e.g. {@code logback appender 'CONSOLE'}; empty before {@link #start()}. */
  public synchronized List<String> writers() {
    return taps == null ? List.of() : taps.writers();
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    start();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    close();
  }
}
