package dev.runtrail.logging.logback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.status.Status;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import net.logstash.logback.encoder.LogstashEncoder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.MDC;

class RedactingAppenderTest {
  // Fixed canaries, one per kind the issue names; each must be caught by the default (BALANCED) policy.
  static final String GITHUB = "ghp_" + "Zq8Rk2Lm5Tn7Vb3Xc9Hd4Jf6Gs1Pw0Ya2Ue8";
  static final String AWS = "AKIA" + "QX7RT2MZ4KV9PLWD";
  static final String PASSWORD = "Hunter2-Canary-Pw91";
  static final String JWT = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9"
      + ".eyJzdWIiOiJjYW5hcnktdXNlci0xIiwiaWF0IjoxNzAwMDAwMDAwfQ"
      + ".Q2FuYXJ5U2lnbmF0dXJlVmFsdWVGb3JUZXN0czEyMzQ";
  static final List<String> SECRETS = List.of(GITHUB, AWS, PASSWORD, JWT);

  // Ids that are ours and must pass unchanged.
  static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
  static final String SPAN_ID = "00f067aa0ba902b7";
  static final String SHA = "9fceb02d0ae598e95dc970b74767f19372d61af8";
  static final String UUID = "3f2504e0-4f89-41d3-9a0c-0305e82c3301";
  static final String RUN_ID = "run-7c1f3a9e2b5d4c68";
  static final List<String> BENIGN = List.of(TRACE_ID, SPAN_ID, SHA, UUID, RUN_ID);

  static final String PATTERN = "%level %logger [%mdc] [%kvp] %msg%n%ex{full}";

  private final LoggerContext context = new LoggerContext();

  @BeforeEach
  void start() {
    context.setMDCAdapter(MDC.getMDCAdapter());
    context.start();
  }

  @AfterEach
  void stop() {
    MDC.clear();
    context.stop();
  }

  @Test
  void noCanaryReachesConsoleFileAsyncOrEitherJsonEncoder(@TempDir Path dir) throws IOException {
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    ByteArrayOutputStream async = new ByteArrayOutputStream();
    ByteArrayOutputStream logbackJson = new ByteArrayOutputStream();
    ByteArrayOutputStream logstashJson = new ByteArrayOutputStream();
    Path file = dir.resolve("app.log");

    RedactingAppender redacting = redacting();
    redacting.addAppender(stream("CONSOLE", console, pattern()));
    FileAppender<ILoggingEvent> fileAppender = new FileAppender<>();
    fileAppender.setContext(context);
    fileAppender.setName("FILE");
    fileAppender.setFile(file.toString());
    fileAppender.setEncoder(pattern());
    fileAppender.start();
    redacting.addAppender(fileAppender);
    AsyncAppender asyncAppender = new AsyncAppender();
    asyncAppender.setContext(context);
    asyncAppender.setName("ASYNC");
    asyncAppender.addAppender(stream("ASYNC-OUT", async, pattern()));
    asyncAppender.start();
    redacting.addAppender(asyncAppender);
    redacting.addAppender(stream("JSON", logbackJson, start(new JsonEncoder())));
    redacting.addAppender(stream("LOGSTASH", logstashJson, start(new LogstashEncoder())));
    redacting.start();
    Logger log = root(redacting);

    logEverySecretEverywhere(log);
    asyncAppender.stop();
    context.stop();

    Map<String, String> outputs = Map.of(
        "console", utf8(console), "file", Files.readString(file), "async", utf8(async),
        "logback JsonEncoder", utf8(logbackJson), "LogstashEncoder", utf8(logstashJson));
    outputs.forEach((name, text) -> {
      assertThat(text).as(name).contains("with token=", "api.example.test", "[REDACTED]",
          "boom while deploying", "cause of boom", "suppressed close", "IllegalStateException");
      SECRETS.forEach(secret -> assertThat(text).as(name + " leaks a canary").doesNotContain(secret));
      BENIGN.forEach(id -> assertThat(text).as(name + " keeps benign id").contains(id));
    });
  }

  @Test
  void withoutTheRedactingAppenderTheSameLinesLeak() {
    // Control: the canaries above are real leaks, so the test above can fail.
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    Logger log = context.getLogger(Logger.ROOT_LOGGER_NAME);
    log.addAppender(stream("CONSOLE", console, pattern()));

    logEverySecretEverywhere(log);

    String text = utf8(console);
    SECRETS.forEach(secret -> assertThat(text).contains(secret));
  }

  @Test
  void cleanEventReachesAppendersAsTheSameInstance() {
    List<ILoggingEvent> seen = new java.util.ArrayList<>();
    RedactingAppender redacting = redacting();
    redacting.addAppender(collector(seen));
    redacting.start();
    List<ILoggingEvent> original = new java.util.ArrayList<>();
    Logger log = root(redacting);
    log.addAppender(collector(original));
    MDC.put("trace_id", TRACE_ID);
    MDC.put("run_id", RUN_ID);

    log.atInfo().addKeyValue("sha", SHA).log("deployed {} as {}", UUID, RUN_ID);

    assertThat(seen).hasSize(1);
    assertThat(seen.get(0)).isSameAs(original.get(0));
  }

  @Test
  void failingRedactionWritesTheLineWithheldAndCountsIt() {
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    RedactingAppender redacting = redacting();
    redacting.addAppender(stream("CONSOLE", console, start(encoder("%level %logger %msg%n"))));
    redacting.start();
    Logger log = root(redacting);
    Object hostile = new Object() {
      @Override
      public String toString() {
        throw new IllegalStateException("toString fails " + GITHUB);
      }
    };

    log.warn("first {}", hostile);
    log.warn("second {}", hostile);
    log.info("after password={}", PASSWORD);

    String text = utf8(console);
    assertThat(text).isEqualTo("WARN ROOT " + LogEventRedactor.WITHHELD + "\n"
        + "WARN ROOT " + LogEventRedactor.WITHHELD + "\n"
        + "INFO ROOT after password=[REDACTED]\n");
    assertThat(redacting.redactionFailures()).isEqualTo(2);
    List<Status> errors = context.getStatusManager().getCopyOfStatusList().stream()
        .filter(s -> s.getLevel() == Status.ERROR && s.getMessage().contains("could not redact")).toList();
    assertThat(errors).hasSize(1);
    assertThat(errors.get(0).getMessage()).doesNotContain(GITHUB);
  }

  @Test
  void aFailureReportedThroughTheSameLoggerDoesNotRecurse() {
    // An argument whose toString() fails and reports it through the logger it is logged to, itself as the
    // argument: without a re-entry guard each report is redacted, renders the argument again, and so on.
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    RedactingAppender redacting = redacting();
    redacting.addAppender(stream("CONSOLE", console, start(encoder("%level %msg%n"))));
    redacting.start();
    Logger log = root(redacting);
    Object hostile = new Object() {
      @Override
      public String toString() {
        log.warn("could not render {}", this);
        throw new IllegalStateException("render failed " + GITHUB);
      }
    };

    assertThatCode(() -> log.info("deploying {}", hostile)).doesNotThrowAnyException();

    // The argument is rendered twice per line (SLF4J's formatting, which swallows the failure, then the
    // argument's own redaction, which fails), so each level logs two reports: the app's line, two reports
    // one level deep (redacted, their rendering failed) and four two levels deep (withheld, not rendered).
    assertThat(utf8(console)).isEqualTo(
        ("WARN " + LogEventRedactor.WITHHELD + "\n").repeat(6) + "INFO " + LogEventRedactor.WITHHELD + "\n");
    assertThat(redacting.redactionFailures()).isEqualTo(3);
    // The appender behind prepares each withheld line for deferred processing; that no longer formats the
    // original (which rendered the argument and made four reports three deep, dropped): none is dropped.
    assertThat(redacting.droppedReentries()).isZero();
  }

  @Test
  void anAppenderBehindThatLogsEachLineDoesNotRecurse() {
    // Logback 1.6 guards only its ConsoleAppender against re-entry; this appender, like most, has none.
    List<String> forwarded = new java.util.ArrayList<>();
    Logger log = context.getLogger(Logger.ROOT_LOGGER_NAME);
    ch.qos.logback.core.UnsynchronizedAppenderBase<ILoggingEvent> chatty =
        new ch.qos.logback.core.UnsynchronizedAppenderBase<>() {
          @Override
          protected void append(ILoggingEvent event) {
            forwarded.add(event.getFormattedMessage());
            log.info("forwarded: {}", event.getFormattedMessage());
          }
        };
    chatty.setContext(context);
    chatty.start();
    RedactingAppender redacting = redacting();
    redacting.addAppender(chatty);
    redacting.start();
    log.addAppender(redacting);

    assertThatCode(() -> log.info("calling {} with token={}", "api", GITHUB)).doesNotThrowAnyException();
    assertThatCode(() -> log.info("called {}", "api")).doesNotThrowAnyException();

    assertThat(forwarded).containsExactly(
        "calling api with token=[REDACTED]",
        "forwarded: calling api with token=[REDACTED]",
        LogEventRedactor.WITHHELD,
        "called api",
        "forwarded: called api",
        LogEventRedactor.WITHHELD);
    assertThat(redacting.droppedReentries()).isEqualTo(2);
    List<Status> errors = context.getStatusManager().getCopyOfStatusList().stream()
        .filter(s -> s.getLevel() == Status.ERROR && s.getMessage().contains("droppedReentries()")).toList();
    assertThat(errors).hasSize(1);
  }

  @Test
  void aWithheldLinePreparedForDeferredProcessingDoesNotRenderItsArgumentsAgain() {
    // An appender behind that logs each line it gets and, like AsyncAppender, prepares each event for
    // deferred processing. The line it logs about the app's line is redacted (one deep), the line it logs
    // about that one is withheld (two deep), the next dropped.
    List<String> written = new java.util.ArrayList<>();
    int[] renders = {0};
    Object counted = new Object() {
      @Override
      public String toString() {
        renders[0]++;
        return "token " + GITHUB;
      }
    };
    Logger log = context.getLogger(Logger.ROOT_LOGGER_NAME);
    ch.qos.logback.core.UnsynchronizedAppenderBase<ILoggingEvent> deferring =
        new ch.qos.logback.core.UnsynchronizedAppenderBase<>() {
          @Override
          protected void append(ILoggingEvent event) {
            event.prepareForDeferredProcessing();
            written.add(event.getFormattedMessage());
            log.info("forwarding {}", counted);
          }
        };
    deferring.setContext(context);
    deferring.start();
    RedactingAppender redacting = redacting();
    redacting.addAppender(deferring);
    redacting.start();
    log.addAppender(redacting);

    log.info("called {}", "api");

    assertThat(written).containsExactly("called api", "forwarding token [REDACTED]", LogEventRedactor.WITHHELD);
    // The redacted line renders its argument twice (SLF4J's formatting, then the argument's own redaction);
    // the withheld one never: its preparation does not format the original.
    assertThat(renders[0]).isEqualTo(2);
    assertThat(redacting.droppedReentries()).isEqualTo(1);
    for (String secret : SECRETS) {
      assertThat(String.join("\n", written)).doesNotContain(secret);
    }
  }

  @Test
  void aLineLoggedFromAnotherThreadIsNotTakenForARecursion() throws InterruptedException {
    // The guard is per thread: a line logged on another thread while this one is inside the appender
    // (here: an appender behind that waits for it) is redacted as usual.
    List<String> written = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
    Logger log = context.getLogger(Logger.ROOT_LOGGER_NAME);
    ch.qos.logback.core.UnsynchronizedAppenderBase<ILoggingEvent> waiting =
        new ch.qos.logback.core.UnsynchronizedAppenderBase<>() {
          @Override
          protected void append(ILoggingEvent event) {
            written.add(event.getFormattedMessage());
            if (event.getFormattedMessage().startsWith("outer")) {
              Thread other = new Thread(() -> log.info("inner password={}", PASSWORD));
              other.start();
              try {
                other.join();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            }
          }
        };
    waiting.setContext(context);
    waiting.start();
    RedactingAppender redacting = redacting();
    redacting.addAppender(waiting);
    redacting.start();
    log.addAppender(redacting);

    log.info("outer {}", 1);
    log.info("outer {}", 2);

    assertThat(written).containsExactly("outer 1", "inner password=[REDACTED]", "outer 2",
        "inner password=[REDACTED]");
    assertThat(redacting.droppedReentries()).isZero();
  }

  private static void logEverySecretEverywhere(Logger log) {
    MDC.put("trace_id", TRACE_ID);
    MDC.put("span_id", SPAN_ID);
    MDC.put("run_id", RUN_ID);
    MDC.put("db_password", PASSWORD);
    MDC.put("request", "Authorization: Bearer " + JWT);
    IllegalStateException boom = new IllegalStateException("boom while deploying " + SHA + " key " + AWS,
        new RuntimeException("cause of boom: password=" + PASSWORD,
            new IllegalArgumentException("root cause jwt " + JWT)));
    boom.addSuppressed(new IOException("suppressed close token " + GITHUB));
    log.atInfo()
        .addKeyValue("commit", SHA)
        .addKeyValue("aws", AWS)
        .addKeyValue("api_token", GITHUB)
        .setCause(boom)
        .log("calling {} with token={} for run {} uuid {}", "https://api.example.test", GITHUB, RUN_ID,
            UUID);
    log.error("password=" + PASSWORD + " in the message pattern, key " + AWS + ", jwt " + JWT);
  }

  private RedactingAppender redacting() {
    RedactingAppender redacting = new RedactingAppender();
    redacting.setContext(context);
    redacting.setName("REDACT");
    return redacting;
  }

  private Logger root(RedactingAppender redacting) {
    Logger log = context.getLogger(Logger.ROOT_LOGGER_NAME);
    log.addAppender(redacting);
    return log;
  }

  private OutputStreamAppender<ILoggingEvent> stream(String name, ByteArrayOutputStream out,
      Encoder<ILoggingEvent> encoder) {
    OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
    appender.setContext(context);
    appender.setName(name);
    appender.setEncoder(encoder);
    appender.setOutputStream(out);
    appender.start();
    return appender;
  }

  private ch.qos.logback.core.Appender<ILoggingEvent> collector(List<ILoggingEvent> into) {
    ch.qos.logback.core.AppenderBase<ILoggingEvent> appender = new ch.qos.logback.core.AppenderBase<>() {
      @Override
      protected void append(ILoggingEvent event) {
        into.add(event);
      }
    };
    appender.setContext(context);
    appender.start();
    return appender;
  }

  private PatternLayoutEncoder pattern() {
    return start(encoder(PATTERN));
  }

  private PatternLayoutEncoder encoder(String pattern) {
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setPattern(pattern);
    return encoder;
  }

  private <E extends Encoder<ILoggingEvent>> E start(E encoder) {
    encoder.setContext(context);
    encoder.start();
    return encoder;
  }

  private static String utf8(ByteArrayOutputStream out) {
    return out.toString(StandardCharsets.UTF_8);
  }
}
