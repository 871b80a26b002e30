package dev.runtrail.logging.logback;

import static dev.runtrail.logging.logback.RedactingAppenderTest.AWS;
import static dev.runtrail.logging.logback.RedactingAppenderTest.GITHUB;
import static dev.runtrail.logging.logback.RedactingAppenderTest.SHA;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.MDC;

class RedactEveryAppenderTest {

  @Test
  void theOneLineInLogbackXmlRedactsEveryConfiguredAppender(@TempDir Path dir) throws Exception {
    LoggerContext context = new LoggerContext();
    context.setMDCAdapter(MDC.getMDCAdapter());
    Path file = dir.resolve("audit.log");
    Path json = dir.resolve("app.json");
    context.putProperty("LOG_FILE", file.toString());
    context.putProperty("JSON_FILE", json.toString());
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    configurator.doConfigure(getClass().getResource("/one-line-logback.xml"));
    context.start();
    Logger audit = context.getLogger("app.audit");

    audit.atInfo().addKeyValue("aws", AWS).log("pushed {} with token {}", SHA, GITHUB);
    assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("REDACT-ASYNC")).isNotNull();
    context.stop();

    String fileText = Files.readString(file);
    String jsonText = Files.readString(json);
    assertThat(fileText).contains("pushed " + SHA + " with token [REDACTED]", "aws=\"[REDACTED]\"")
        .doesNotContain(GITHUB, AWS);
    assertThat(jsonText).contains("pushed " + SHA + " with token [REDACTED]").doesNotContain(GITHUB, AWS);
  }
}
