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

  private static ILoggingEvent line(LogEventRedactor redactor, String pattern, Object... arguments) {
    LoggingEvent event = new LoggingEvent("fqcn", new LoggerContext().getLogger("app"), Level.INFO, pattern, null,
        arguments);
    event.setMDCPropertyMap(Map.of());
    return redactor.redact(event);
  }

  @Test
  void aSecretMadeOnlyByThePatternAndItsArgumentTogetherIsRedactedOnEveryLine() {
    LogEventRedactor redactor = new LogEventRedactor(Redactor.defaults());
    // "password={}" and "hunter2" are each clean; the line they make is not.
    for (int line = 0; line < 3; line++) {
      assertThat(line(redactor, "password={}", "hunter2").getFormattedMessage()).isEqualTo("password=[REDACTED]");
    }
    assertThat(line(redactor, "deploying {}", "v1.2.3").getFormattedMessage()).isEqualTo("deploying v1.2.3");
    assertThat(line(redactor, "password={}", "hunter2").getFormattedMessage()).isEqualTo("password=[REDACTED]");
  }

  @Test
  void aLineRememberedCleanDoesNotLetTheNextLineOfItsPatternThrough() {
    LogEventRedactor redactor = new LogEventRedactor(Redactor.defaults());
    for (int line = 0; line < 3; line++) {
      ILoggingEvent clean = line(redactor, "pushing to {} as {}", "origin", "deploy-bot");
      assertThat(clean.getFormattedMessage()).isEqualTo("pushing to origin as deploy-bot");
    }
    ILoggingEvent dirty = line(redactor, "pushing to {} as {}", "origin", GITHUB);
    assertThat(dirty.getFormattedMessage()).isEqualTo("pushing to origin as [REDACTED]");
    assertThat(dirty.getArgumentArray()).containsExactly("origin", "[REDACTED]");
    assertThat(line(redactor, "pushing to {} as {}", "origin", "deploy-bot").getFormattedMessage())
        .isEqualTo("pushing to origin as deploy-bot");
  }

  @Test
  void anArgumentWhoseTextChangesBetweenLinesIsJudgedByWhatItSaysNow() {
    LogEventRedactor redactor = new LogEventRedactor(Redactor.defaults());
    StringBuilder output = new StringBuilder("step ok");
    Object secretOnDemand = new Object() {
      @Override
      public String toString() {
        return "auth " + GITHUB;
      }
    };
    assertThat(line(redactor, "output: {}", output).getFormattedMessage()).isEqualTo("output: step ok");
    assertThat(line(redactor, "output: {}", output).getFormattedMessage()).isEqualTo("output: step ok");
    output.append(" with ").append(GITHUB);
    ILoggingEvent changed = line(redactor, "output: {}", output);
    assertThat(changed.getFormattedMessage()).isEqualTo("output: step ok with [REDACTED]");
    assertThat(changed.getArgumentArray()).containsExactly("step ok with [REDACTED]");
    ILoggingEvent other = line(redactor, "output: {} after {} tries", secretOnDemand, 3);
    assertThat(other.getFormattedMessage()).isEqualTo("output: auth [REDACTED] after 3 tries");
    assertThat(other.getArgumentArray()[0]).isEqualTo("auth [REDACTED]");
  }
}
