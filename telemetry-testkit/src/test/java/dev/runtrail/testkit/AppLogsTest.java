package dev.runtrail.testkit;

import static dev.runtrail.testkit.RuntrailAssertions.assertThat;
import static dev.runtrail.testkit.RuntrailAssertions.assertThatThrownBy;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import dev.runtrail.logging.jul.RedactingFormatter;
import dev.runtrail.logging.logback.RedactingAppender;
import dev.runtrail.logging.logback.RunLogJsonEncoder;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.SimpleFormatter;
import java.util.logging.StreamHandler;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

@RuntrailTest
class AppLogsTest {
  private static final String PATTERN = "%level %logger %msg [%mdc] [%kvp]%n%ex{full}";
  private static final LoggerContext CONTEXT = (LoggerContext) LoggerFactory.getILoggerFactory();
  private static final List<String> LOGGERS = List.of("app.redacted", "app.bare", "app.async", "app.json");

  @RegisterExtension final AppLogs appLogs = AppLogs.capture();

  @BeforeAll
  static void configureAppLogging() {
    RedactingAppender redacting = start(new RedactingAppender(), "REDACT");
    redacting.addAppender(stream("REDACTED-OUT", pattern()));
    logger("app.redacted").addAppender(redacting);
    logger("app.bare").addAppender(stream("BARE-OUT", pattern()));
    AsyncAppender async = new AsyncAppender();
    async.addAppender(stream("ASYNC-OUT", pattern()));
    RedactingAppender redactingAsync = start(new RedactingAppender(), "REDACT-ASYNC");
    redactingAsync.addAppender(start(async, "ASYNC"));
    logger("app.async").addAppender(redactingAsync);
    RunLogJsonEncoder json = new RunLogJsonEncoder();
    json.setContext(CONTEXT);
    json.start();
    logger("app.json").addAppender(stream("RUNLOG", json));
  }

  @AfterAll
  static void removeAppLogging() {
    LOGGERS.forEach(name -> logger(name).detachAndStopAllAppenders());
  }

  @Test
  void passesWhenTheRedactingAppenderIsInFront(Captured captured) {
    Canary token = captured.canary().githubToken();
    Canary password = captured.canary().password();
    logSecrets(LoggerFactory.getLogger("app.redacted"), token, password);

    assertThat(appLogs.writers()).contains("logback appender 'REDACTED-OUT'", "logback appender 'BARE-OUT'");
    assertThat(appLogs).hasLineContaining("calling https://api.example.test with token=[REDACTED]")
        .hasLineContaining("[REDACTED]").doesNotContain(token, password);
  }

  @Test
  void failsWithTheMaskedLineWhenASecretIsLoggedWithoutIt(Captured captured) {
    Canary token = captured.canary().githubToken();
    LoggerFactory.getLogger("app.bare").info("calling {} with token={}", "https://api.example.test", token);

    String masked = token.secret().substring(0, 8) + "…";
    assertThatThrownBy(() -> assertThat(appLogs).doesNotContain(token))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("github-token canary '" + masked + "' in output #1 of logback appender 'BARE-OUT': "
            + "'INFO app.bare calling https://api.example.test with token=" + masked + " [] []'")
        .hasMessageNotContaining(token.secret());
  }

  @Test
  void seesWhatAnAsyncAppenderBehindTheRedactorWritesAtOnce(Captured captured) {
    Canary jwt = captured.canary().jwt();
    LoggerFactory.getLogger("app.async").warn("bearer {}", jwt);

    assertThat(appLogs.outputs()).extracting(AppLogOutput::writer).contains("logback appender 'ASYNC-OUT'");
    assertThat(appLogs).hasLineContaining("WARN app.async bearer").doesNotContain(jwt);
  }

  @Test
  void formatsWithTheAppendersOwnEncoder(Captured captured) {
    Canary aws = captured.canary().awsAccessKeyId();
    LoggerFactory.getLogger("app.json").info("key {}", aws);

    // RunLogJsonEncoder redacts by itself: no RedactingAppender, yet what the appender writes is clean.
    assertThat(appLogs).hasLineContaining("\"message\":\"key [REDACTED]\"").doesNotContain(aws);
  }

  @Test
  void failsWhenNothingWasLogged() {
    assertThatThrownBy(() -> assertThat(appLogs).doesNotContain("anything"))
        .isInstanceOf(AssertionError.class).hasMessageContaining("no log output was captured");
  }

  @Test
  void julOutputIsFormattedByTheRootHandlersFormatter(Captured captured) throws IOException {
    Canary token = captured.canary().githubToken();
    java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
    Handler[] original = root.getHandlers();
    for (Handler handler : original) {
      root.removeHandler(handler);
    }
    try {
      StreamHandler redacted = new StreamHandler(OutputStream.nullOutputStream(),
          new RedactingFormatter(new SimpleFormatter()));
      root.addHandler(redacted);
      try (AppLogs jul = AppLogs.capture().start()) {
        java.util.logging.Logger.getLogger("app.jul").log(Level.INFO, "token {0}", token);
        assertThat(jul).hasLineContaining("token [REDACTED]").doesNotContain(token);
      }
      root.removeHandler(redacted);
      root.addHandler(new StreamHandler(OutputStream.nullOutputStream(), new SimpleFormatter()));
      try (AppLogs jul = AppLogs.capture().start()) {
        java.util.logging.Logger.getLogger("app.jul").log(Level.INFO, "token {0}", token);
        assertThatThrownBy(() -> assertThat(jul).doesNotContain(token))
            .isInstanceOf(AssertionError.class).hasMessageContaining("of jul handler StreamHandler: 'INFO: token ");
      }
    } finally {
      for (Handler handler : root.getHandlers()) {
        root.removeHandler(handler);
      }
      for (Handler handler : original) {
        root.addHandler(handler);
      }
    }
  }

  private static void logSecrets(org.slf4j.Logger log, Canary token, Canary password) {
    MDC.put("db_password", password.secret());
    try {
      log.atError().addKeyValue("api_token", token.secret())
          .setCause(new IllegalStateException("login failed password=" + password.secret()))
          .log("calling {} with token={}", "https://api.example.test", token);
    } finally {
      MDC.remove("db_password");
    }
  }

  private static Logger logger(String name) {
    Logger logger = CONTEXT.getLogger(name);
    logger.setAdditive(false);
    return logger;
  }

  private static PatternLayoutEncoder pattern() {
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(CONTEXT);
    encoder.setPattern(PATTERN);
    encoder.start();
    return encoder;
  }

  private static Appender<ILoggingEvent> stream(String name, Encoder<ILoggingEvent> encoder) {
    OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
    appender.setEncoder(encoder);
    appender.setOutputStream(OutputStream.nullOutputStream());
    return start(appender, name);
  }

  private static <A extends Appender<ILoggingEvent>> A start(A appender, String name) {
    appender.setContext(CONTEXT);
    appender.setName(name);
    appender.start();
    return appender;
  }
}
