package dev.runtrail.logging.log4j2;

import static dev.runtrail.logging.log4j2.Canaries.AWS;
import static dev.runtrail.logging.log4j2.Canaries.GITHUB;
import static dev.runtrail.logging.log4j2.Canaries.SECRETS;
import static dev.runtrail.logging.log4j2.Canaries.SHA;
import static org.assertj.core.api.Assertions.assertThat;

import dev.runtrail.logging.log4j2.ReusedEventsTest.CountingEvent;
import dev.runtrail.redaction.RedactionPolicy;
import dev.runtrail.redaction.Redactor;
import dev.runtrail.redaction.internal.RepeatedTexts;
import java.util.ArrayList;
import java.util.List;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.impl.Log4jLogEvent;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.apache.logging.log4j.message.Message;
import org.apache.logging.log4j.message.ParameterizedMessage;
import org.apache.logging.log4j.message.StringFormattedMessage;
import org.junit.jupiter.api.Test;

/**
 * A line with a secret in a parameter: each of its pieces (the line, each parameter, the pattern) passes
 * the redactor once, and the secret is matched once, in its parameter, however the message is made
 * (Log4j2's reused event, an immutable {@code ParameterizedMessage}, a message that is not
 * {@code ParameterVisitable}); the output stays fully redacted.
 */
class DirtyLineTest {

  private static final PatternLayout LAYOUT = PatternLayout.newBuilder().withPattern("%m").build();

  private final List<String> scanned = new ArrayList<>();
  private final List<String> matches = new ArrayList<>();
  private final Redactor redactor = Redactor.of(RedactionPolicy.defaults(), matches::add);
  private final RuntrailRedactionPolicy policy = new RuntrailRedactionPolicy(new EventRedactor(
      text -> {
        scanned.add(text);
        return redactor.redact(text);
      },
      (key, value) -> {
        scanned.add(value);
        return redactor.redact(key, value);
      },
      new RepeatedTexts((key, text) -> {
        scanned.add(text);
        return key == null ? redactor.redact(text) : redactor.redact(key, text);
      })));

  @Test
  void aReusedEventsSecretParameterIsMatchedOnceAndEachPieceScannedOnce() {
    LogEvent out = policy.rewrite(new CountingEvent("deployed {} at {} with {}", "api", SHA, GITHUB));

    assertThat(LAYOUT.toSerializable(out)).isEqualTo("deployed api at " + SHA + " with [REDACTED]");
    assertThat(out.getMessage().getParameters()).containsExactly("api", SHA, "[REDACTED]");
    assertThat(matches).hasSize(1);
    assertThat(scanned).doesNotHaveDuplicates().contains("api", SHA, GITHUB, "deployed {} at {} with {}")
        .hasSize(6); // and the line and the context's trace_id, once each
  }

  @Test
  void aParameterizedMessagesSecretParameterIsMatchedOnce() {
    LogEvent out = policy.rewrite(event(new ParameterizedMessage("calling {} with token={}", "https://api.example.com", GITHUB)));

    assertThat(LAYOUT.toSerializable(out)).isEqualTo("calling https://api.example.com with token=[REDACTED]");
    assertThat(out.getMessage().getParameters()).containsExactly("https://api.example.com", "[REDACTED]");
    assertThat(matches).hasSize(1);
    assertThat(scanned).doesNotHaveDuplicates().hasSize(4);
  }

  @Test
  void aMessageThatIsNotParameterVisitableIsScannedOncePerPieceToo() {
    LogEvent out = policy.rewrite(event(new StringFormattedMessage("key %s and %s", AWS, GITHUB)));

    assertThat(LAYOUT.toSerializable(out)).isEqualTo("key [REDACTED] and [REDACTED]");
    assertThat(matches).hasSize(2);
    assertThat(scanned).doesNotHaveDuplicates().hasSize(4);
  }

  @Test
  void aSecretTheParameterAloneDoesNotShowIsStillRedactedInTheLine() {
    // "hunter2Correct" alone is a word; after "password=" in the line it is a secret
    LogEvent out = policy.rewrite(event(new ParameterizedMessage("login password={} token {}", Canaries.PASSWORD, GITHUB)));

    String line = LAYOUT.toSerializable(out);
    for (String secret : SECRETS) {
      assertThat(line).doesNotContain(secret);
    }
    assertThat(line).isEqualTo("login password=[REDACTED] token [REDACTED]");
    assertThat(scanned).doesNotHaveDuplicates();
  }

  @Test
  void aSecretParameterThatAlsoShowsElsewhereInTheLineIsRedactedEverywhere() {
    Object printsTheSecretToo = new Object() {
      @Override
      public String toString() {
        return "client(" + GITHUB + ")";
      }
    };
    LogEvent out = policy.rewrite(event(new ParameterizedMessage("{} for {}", GITHUB, printsTheSecretToo)));

    assertThat(LAYOUT.toSerializable(out)).isEqualTo("[REDACTED] for client([REDACTED])");
    assertThat(scanned).doesNotHaveDuplicates();
  }

  private static LogEvent event(Message message) {
    return Log4jLogEvent.newBuilder().setLoggerName("app").setLevel(Level.INFO).setMessage(message).build();
  }
}
