package dev.runtrail.logging.log4j2;

import static dev.runtrail.logging.log4j2.Canaries.AWS;
import static dev.runtrail.logging.log4j2.Canaries.GITHUB;
import static dev.runtrail.logging.log4j2.Canaries.JWT;
import static dev.runtrail.logging.log4j2.Canaries.SECRETS;
import static dev.runtrail.logging.log4j2.Canaries.SHA;
import static dev.runtrail.logging.log4j2.Canaries.TRACE_ID;
import static org.assertj.core.api.Assertions.assertThat;

import dev.runtrail.redaction.Redactor;
import dev.runtrail.redaction.internal.RepeatedTexts;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.impl.Log4jLogEvent;
import org.apache.logging.log4j.core.impl.MutableLogEvent;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.apache.logging.log4j.message.Message;
import org.apache.logging.log4j.message.ParameterConsumer;
import org.apache.logging.log4j.message.ParameterVisitable;
import org.apache.logging.log4j.message.ParameterizedMessage;
import org.apache.logging.log4j.message.ReusableMessage;
import org.apache.logging.log4j.message.ReusableMessageFactory;
import org.apache.logging.log4j.util.SortedArrayStringMap;
import org.junit.jupiter.api.Test;

/**
 * Log4j2's reused events and messages (its garbage-free default outside web apps): a clean line is
 * recognised without making its text or copying its parameters, and a secret is still redacted whatever
 * clean line of the same pattern came before.
 */
class ReusedEventsTest {

  private static final PatternLayout LAYOUT = PatternLayout.newBuilder().withPattern("%m %X").build();
  private static final String PATTERN = "deployed {} at {}";

  private final RuntrailRedactionPolicy policy = RuntrailRedactionPolicy.of(Redactor.defaults());

  /** A MutableLogEvent, as ReusableLogEventFactory makes them, that counts the calls that allocate. */
  static final class CountingEvent extends MutableLogEvent {
    int formattedMessages;
    int parameterCopies;

    CountingEvent(String pattern, Object... parameters) {
      setLoggerName("app.deploy");
      setLevel(Level.INFO);
      Message message = ReusableMessageFactory.INSTANCE.newMessage(pattern, parameters);
      setMessage(message); // formats it into this event's buffer, takes its parameters
      ReusableMessageFactory.release(message);
      SortedArrayStringMap context = new SortedArrayStringMap();
      context.putValue("trace_id", TRACE_ID);
      setContextData(context);
    }

    @Override
    public String getFormattedMessage() {
      formattedMessages++;
      return super.getFormattedMessage();
    }

    @Override
    public Object[] getParameters() {
      parameterCopies++;
      return super.getParameters();
    }
  }

  @Test
  void aCleanLineSeenBeforeIsPassedOnWithoutScanningOrMakingItsTextOrCopyingItsParameters() {
    Redactor redactor = Redactor.defaults();
    List<String> scanned = new ArrayList<>();
    RuntrailRedactionPolicy counted = new RuntrailRedactionPolicy(new EventRedactor(redactor::redact,
        redactor::redact, new RepeatedTexts((key, text) -> {
          scanned.add(text);
          return redactor.redact(key, text);
        })));

    CountingEvent first = new CountingEvent(PATTERN, "api", SHA);
    assertThat(counted.rewrite(first)).isSameAs(first);
    assertThat(scanned).containsExactly("api", SHA, "deployed api at " + SHA); // the parameters, then the line

    CountingEvent again = new CountingEvent(PATTERN, "api", SHA);
    assertThat(counted.rewrite(again)).isSameAs(again);
    assertThat(scanned).hasSize(3); // recognised, not scanned again
    for (CountingEvent event : List.of(first, again)) {
      assertThat(event.formattedMessages).isZero(); // read through formatTo: the known line is never made a String
      assertThat(event.parameterCopies).isZero(); // visited in place
    }
  }

  @Test
  void aSecretAfterCleanLinesOfTheSamePatternIsStillRedacted() {
    policy.rewrite(new CountingEvent(PATTERN, "api", SHA));
    policy.rewrite(new CountingEvent(PATTERN, "api", SHA));

    LogEvent dirty = policy.rewrite(new CountingEvent(PATTERN, "api", GITHUB));

    String line = LAYOUT.toSerializable(dirty);
    assertThat(line).isEqualTo("deployed api at [REDACTED] {trace_id=" + TRACE_ID + "}");
    assertThat(dirty.getMessage().getParameters()).containsExactly("api", "[REDACTED]");
  }

  @Test
  void aSecretInAParameterTheTextDoesNotShowIsRedactedThoughTheTextIsKnownClean() {
    policy.rewrite(new CountingEvent("deployed {}", SHA)); // the text "deployed <sha>" is now known clean

    LogEvent extra = policy.rewrite(new CountingEvent("deployed {}", SHA, AWS)); // a parameter past the {}

    assertThat(LAYOUT.toSerializable(extra)).startsWith("deployed " + SHA + " ");
    assertThat(extra.getMessage().getParameters()).containsExactly(SHA, "[REDACTED]");
  }

  @Test
  void aSecretInTheThreadContextOfAReusedEventIsRedacted() {
    CountingEvent event = new CountingEvent(PATTERN, "api", SHA);
    SortedArrayStringMap context = new SortedArrayStringMap();
    context.putValue("authorization", "Bearer " + JWT);
    context.putValue("note", "key " + AWS);
    event.setContextData(context);

    String line = LAYOUT.toSerializable(policy.rewrite(event));

    assertThat(line).isEqualTo("deployed api at " + SHA + " {authorization=[REDACTED], note=key [REDACTED]}");
  }

  @Test
  void theSameThreadContextAsTheLastCleanOneIsNotScannedAgainButAnyChangeInItIs() {
    Redactor redactor = Redactor.defaults();
    List<String> scanned = new ArrayList<>();
    RuntrailRedactionPolicy counted = new RuntrailRedactionPolicy(new EventRedactor(redactor::redact,
        (key, value) -> {
          scanned.add(key + "=" + value);
          return redactor.redact(key, value);
        }, new RepeatedTexts((key, text) -> key == null ? redactor.redact(text) : redactor.redact(key, text))));
    String runId = "run-20260211-142530-1a2b3c";
    String note = "note " + Canaries.PASSWORD; // clean as free text, a secret under a sensitive key
    StringBuilder mutable = new StringBuilder("plain");

    assertThat(contextLine(counted, "run_id", runId, "note", note)).isEqualTo("{note=" + note + ", run_id=" + runId + "}");
    assertThat(contextLine(counted, "run_id", runId, "note", note)).isEqualTo("{note=" + note + ", run_id=" + runId + "}");
    assertThat(scanned).hasSize(2); // the second time recognised, not scanned

    assertThat(contextLine(counted, "run_id", runId, "password", note)) // the same String under another key
        .isEqualTo("{password=[REDACTED], run_id=" + runId + "}");
    assertThat(contextLine(counted, "run_id", runId, "note", "token " + GITHUB)).doesNotContain(GITHUB);
    assertThat(contextLine(counted, "run_id", runId, "note", note, "extra", "key " + AWS)).doesNotContain(AWS);
    assertThat(contextLine(counted, "run_id", runId, "state", mutable)).contains("state=plain");
    mutable.replace(0, mutable.length(), "key " + AWS); // the same object, another text
    assertThat(contextLine(counted, "run_id", runId, "state", mutable)).doesNotContain(AWS).contains("state=key [REDACTED]");
  }

  private static String contextLine(RuntrailRedactionPolicy policy, Object... keysAndValues) {
    CountingEvent event = new CountingEvent(PATTERN, "api", SHA);
    SortedArrayStringMap context = new SortedArrayStringMap();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      context.putValue((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    event.setContextData(context);
    String line = LAYOUT.toSerializable(policy.rewrite(event));
    return line.substring(line.indexOf(" {") + 1);
  }

  /**
   * A parameter whose toString() logs (through the same policy, on the same thread) while the line is being
   * formatted into the policy's per-thread buffer: the inner line must not clobber the outer one.
   */
  @Test
  void aLineLoggedByAParameterWhileTheLineIsFormattedDoesNotCorruptIt() {
    LogEvent[] inner = new LogEvent[1];
    Object logsWhenPrinted = new Object() {
      @Override
      public String toString() {
        inner[0] = policy.rewrite(event(new Line("inner line with key {}", AWS)));
        return "service";
      }
    };

    LogEvent outer = policy.rewrite(event(new Line("token {} for {}", GITHUB, logsWhenPrinted)));

    assertThat(outer.getMessage().getFormattedMessage()).isEqualTo("token [REDACTED] for service");
    assertThat(inner[0].getMessage().getFormattedMessage()).isEqualTo("inner line with key [REDACTED]");
    for (String secret : SECRETS) {
      assertThat(LAYOUT.toSerializable(outer) + LAYOUT.toSerializable(inner[0])).doesNotContain(secret);
    }
  }

  private static LogEvent event(Message message) {
    return Log4jLogEvent.newBuilder().setLoggerName("app").setLevel(Level.INFO).setMessage(message).build();
  }

  /** A reusable message that formats (calling its parameters' toString) each time it is asked to. */
  static final class Line implements ReusableMessage, ParameterVisitable {
    private final String pattern;
    private final Object[] parameters;

    Line(String pattern, Object... parameters) {
      this.pattern = pattern;
      this.parameters = parameters;
    }

    @Override
    public void formatTo(StringBuilder buffer) {
      new ParameterizedMessage(pattern, parameters).formatTo(buffer); // each parameter appended in turn
    }

    @Override
    public String getFormattedMessage() {
      StringBuilder buffer = new StringBuilder();
      formatTo(buffer);
      return buffer.toString();
    }

    @Override
    public String getFormat() {
      return pattern;
    }

    @Override
    public Object[] getParameters() {
      return parameters.clone();
    }

    @Override
    public <S> void forEachParameter(ParameterConsumer<S> action, S state) {
      for (int i = 0; i < parameters.length; i++) {
        action.accept(parameters[i], i, state);
      }
    }

    @Override
    public Throwable getThrowable() {
      return null;
    }

    @Override
    public Object[] swapParameters(Object[] emptyReplacement) {
      return Arrays.copyOf(parameters, parameters.length);
    }

    @Override
    public short getParameterCount() {
      return (short) parameters.length;
    }

    @Override
    public Message memento() {
      return new ParameterizedMessage(pattern, parameters);
    }
  }
}
