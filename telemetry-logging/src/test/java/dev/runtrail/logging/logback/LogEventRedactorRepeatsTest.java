package dev.runtrail.logging.logback;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import dev.runtrail.redaction.Redactor;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The texts a line repeats (pattern, MDC values) are remembered by identity: still redacted on every line. */
class LogEventRedactorRepeatsTest {
  static final String GITHUB = "ghp_" + "aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3zA5";

  @Test
  void aSecretPutInTheMdcIsRedactedOnEveryLineAndAPatternWithOne() {
    LogEventRedactor redactor = new LogEventRedactor(Redactor.defaults());
    LoggerContext context = new LoggerContext();
    String token = "token " + GITHUB;
    String pattern = "pushing with " + GITHUB + " to {}";
    for (int line = 0; line < 3; line++) {
      LoggingEvent event = new LoggingEvent("fqcn", context.getLogger("app"), Level.INFO, pattern, null,
          new Object[] {"origin"});
      event.setMDCPropertyMap(Map.of("auth", token, "note", token, "run_id", "run-20260211-142530-1a2b3c"));
      ILoggingEvent clean = redactor.redact(event);
      assertThat(clean.getMDCPropertyMap()).containsEntry("auth", "[REDACTED]")
          .containsEntry("note", "token [REDACTED]")
          .containsEntry("run_id", "run-20260211-142530-1a2b3c");
      assertThat(clean.getMessage()).isEqualTo("pushing with [REDACTED] to {}");
      assertThat(clean.getFormattedMessage()).isEqualTo("pushing with [REDACTED] to origin");
    }
  }
}
