package dev.runtrail.logging.log4j2;

import static dev.runtrail.logging.log4j2.Canaries.AWS;
import static dev.runtrail.logging.log4j2.Canaries.BENIGN;
import static dev.runtrail.logging.log4j2.Canaries.GITHUB;
import static dev.runtrail.logging.log4j2.Canaries.JWT;
import static dev.runtrail.logging.log4j2.Canaries.SECRETS;
import static dev.runtrail.logging.log4j2.Canaries.SHA;
import static dev.runtrail.logging.log4j2.Canaries.TRACE_ID;
import static dev.runtrail.logging.log4j2.Canaries.UUID;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.ThreadContext;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configurator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The documented config (log4j2-redacted.xml): console, file, async and JsonTemplateLayout outputs. */
class Log4j2RedactionTest {

  @TempDir static Path logDir;
  static final Map<String, String> outputs = new LinkedHashMap<>();

  @BeforeAll
  static void logThroughTheConfig() throws Exception {
    System.setProperty("runtrail.test.logdir", logDir.toString());
    PrintStream stdout = System.out;
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    LoggerContext context = Configurator.initialize("redacted", Log4j2RedactionTest.class.getClassLoader(),
        URI.create("classpath:log4j2-redacted.xml"));
    try {
      System.setOut(new PrintStream(console, true, StandardCharsets.UTF_8));
      Logger log = context.getLogger("app.deploy");
      ThreadContext.put("aws_key", AWS);
      ThreadContext.put("authorization", "Bearer " + JWT);
      ThreadContext.put("trace_id", TRACE_ID);
      log.info("calling {} with token={}", "https://api.example.com", GITHUB);
      log.error("deploy of {} failed", SHA, Canaries.failure());
      ThreadContext.clearMap();
      log.info(BENIGN);
    } finally {
      ThreadContext.clearMap();
      Configurator.shutdown(context); // drains the async appender and closes the files
      System.setOut(stdout);
      System.clearProperty("runtrail.test.logdir");
    }
    outputs.put("console", console.toString(StandardCharsets.UTF_8));
    for (String file : new String[] {"app.log", "async.log", "app.json"}) {
      outputs.put(file, Files.readString(logDir.resolve(file)));
    }
  }

  @Test
  void noCanaryReachesAnyOutput() {
    outputs.forEach((name, text) -> {
      assertThat(text).as(name).contains("deploy of " + SHA + " failed");
      for (String secret : SECRETS) {
        assertThat(text).as(name).doesNotContain(secret);
      }
    });
  }

  @Test
  void parametersAndThreadContextAreRedactedInPlace() {
    for (String name : new String[] {"console", "app.log", "async.log"}) {
      String text = outputs.get(name);
      assertThat(text).as(name)
          .contains("calling https://api.example.com with token=[REDACTED]")
          .contains("aws_key=[REDACTED]", "authorization=[REDACTED]", "trace_id=" + TRACE_ID);
    }
    assertThat(outputs.get("app.json"))
        .contains("\"message\":\"calling https://api.example.com with token=[REDACTED]\"")
        .contains("\"aws_key\":\"[REDACTED]\"", "\"trace_id\":\"" + TRACE_ID + "\"");
  }

  @Test
  void stackTracesKeepTheirShapeWithMessagesRedacted() {
    for (String name : new String[] {"console", "app.log", "async.log"}) {
      assertThat(outputs.get(name)).as(name)
          .contains("java.lang.IllegalStateException: login failed password=[REDACTED]")
          .contains("Caused by: java.io.IOException: token [REDACTED]")
          .contains("Suppressed: java.lang.RuntimeException: while closing: Bearer [REDACTED]")
          .contains("Leaky{key=[REDACTED]}")
          .contains("at dev.runtrail.logging.log4j2.Canaries.failure(Canaries.java:");
    }
    assertThat(outputs.get("app.json"))
        .contains("login failed password=[REDACTED]", "Caused by: java.io.IOException: token [REDACTED]");
  }

  @Test
  void benignIdsPassUnchanged() {
    outputs.forEach((name, text) -> assertThat(text).as(name).contains(BENIGN));
    assertThat(outputs.get("console")).contains("INFO app.deploy - " + BENIGN + " {}\n");
  }
}
