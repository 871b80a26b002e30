package dev.runtrail.logging.log4j2;

import static dev.runtrail.logging.log4j2.Canaries.GITHUB;
import static dev.runtrail.logging.log4j2.Canaries.SECRETS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.runtrail.redaction.Redactor;
import dev.runtrail.redaction.internal.RepeatedTexts;
import java.util.Map;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.impl.Log4jLogEvent;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.apache.logging.log4j.message.ParameterizedMessage;
import org.apache.logging.log4j.util.SortedArrayStringMap;
import org.junit.jupiter.api.Test;

class FailingRedactorTest {

  private static final PatternLayout LAYOUT = PatternLayout.newBuilder().withPattern("%p %c - %m %X%n%ex").build();

  private static LogEvent event() {
    SortedArrayStringMap context = new SortedArrayStringMap();
    context.putValue("authorization", "Bearer " + Canaries.JWT);
    return Log4jLogEvent.newBuilder()
        .setLoggerName("app.deploy")
        .setLevel(Level.ERROR)
        .setMessage(new ParameterizedMessage("calling with token={}", GITHUB))
        .setContextData(context)
        .setThrown(Canaries.failure())
        .build();
  }

  @Test
  void aFailingRedactorStillWritesTheLineMaskedAndCountsEachEventOnce() {
    RuntrailRedactionPolicy policy = new RuntrailRedactionPolicy(new EventRedactor(
        text -> {
          throw new IllegalStateException("redactor broke");
        },
        (key, value) -> {
          throw new IllegalStateException("redactor broke");
        },
        new RepeatedTexts((key, value) -> {
          throw new IllegalStateException("redactor broke");
        })));

    String line = LAYOUT.toSerializable(policy.rewrite(event()));

    assertThat(line).startsWith("ERROR app.deploy - [REDACTED] {authorization=[REDACTED]}\n")
        .contains("java.lang.IllegalStateException: [REDACTED]", "Caused by: java.io.IOException: [REDACTED]")
        .contains("at dev.runtrail.logging.log4j2.Canaries.failure(Canaries.java:");
    for (String secret : SECRETS) {
      assertThat(line).doesNotContain(secret);
    }
    assertThat(policy.fallbacks()).isEqualTo(1);
    policy.rewrite(event());
    assertThat(policy.fallbacks()).isEqualTo(2);
  }

  @Test
  void aCleanEventPassesAsTheSameInstance() {
    LogEvent clean = Log4jLogEvent.newBuilder().setLoggerName("app").setLevel(Level.INFO)
        .setMessage(new ParameterizedMessage("{}", Canaries.BENIGN)).setContextData(new SortedArrayStringMap(
            Map.of("trace_id", Canaries.TRACE_ID))).build();

    assertThat(RuntrailRedactionPolicy.of(Redactor.defaults()).rewrite(clean)).isSameAs(clean);
  }
}
