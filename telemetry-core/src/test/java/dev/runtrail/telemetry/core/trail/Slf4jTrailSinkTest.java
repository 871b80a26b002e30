package dev.runtrail.telemetry.core.trail;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.runtrail.telemetry.trail.TrailEvent;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** The log sink through a real Logback logger: one line per event, its data rendered once, the MDC restored. */
class Slf4jTrailSinkTest {

  private final Logger logger = (Logger) LoggerFactory.getLogger("runtrail.trail.test");
  private final ListAppender<ILoggingEvent> lines = new ListAppender<>();

  @BeforeEach
  void setUp() {
    lines.start();
    logger.addAppender(lines);
    logger.setLevel(Level.INFO);
  }

  @AfterEach
  void tearDown() {
    logger.detachAppender(lines);
    logger.setLevel(null);
    MDC.clear();
  }

  private static TrailEvent event() {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("tool", "kubectl");
    data.put("args", List.of("apply", "-f", "k8s/api/"));
    return new TrailEvent(7, Instant.parse("2026-12-07T08:00:00Z"), "tool_call", "run-20261207-080000-abc123",
        null, "corr-1", "4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7", "main/deploy/api", data);
  }

  private static Object keyValue(ILoggingEvent line, String key) {
    return line.getKeyValuePairs().stream().filter(kv -> kv.key.equals(key)).findFirst()
        .orElseThrow(() -> new AssertionError("no key-value " + key + " in " + line.getKeyValuePairs())).value;
  }

  @Test
  void writesOneStructuredLineWhoseDataIsRenderedOnceForEveryReader() throws Exception {
    new Slf4jTrailSink(logger).accept(event());

    assertThat(lines.list).hasSize(1);
    ILoggingEvent line = lines.list.get(0);
    assertThat(line.getFormattedMessage()).isEqualTo("action_trail:tool_call");
    assertThat(keyValue(line, "seq")).isEqualTo(7L);
    assertThat(keyValue(line, "step")).isEqualTo("main/deploy/api");
    assertThat(line.getMDCPropertyMap()).containsEntry("run_id", "run-20261207-080000-abc123")
        .containsEntry("span_id", "00f067aa0ba902b7");
    Object data = keyValue(line, "data");
    String first = data.toString();
    assertThat(first).isEqualTo("{\"tool\":\"kubectl\",\"args\":[\"apply\",\"-f\",\"k8s/api/\"]}");
    // A second appender or encoder reading the same line gets the same text, not a second rendering.
    assertThat(data.toString()).isSameAs(first);
  }

  @Test
  void writesEachFieldOnceTheIdsInTheMdcAndOnlyTheKeysThatHaveAValue() throws Exception {
    new Slf4jTrailSink(logger).accept(event());

    ILoggingEvent line = lines.list.get(0);
    // No key both in the MDC and in the key-values: JSON encoders put both at the top level of one object.
    assertThat(line.getKeyValuePairs()).extracting(kv -> kv.key).containsExactly("seq", "type", "step", "data");
    assertThat(line.getMDCPropertyMap()).containsOnly(Map.entry("run_id", "run-20261207-080000-abc123"),
        Map.entry("correlation_id", "corr-1"), Map.entry("trace_id", "4bf92f3577b34da6a3ce929d0e0e4736"),
        Map.entry("span_id", "00f067aa0ba902b7"));
  }

  @Test
  void aRunsSessionIsAKeyValueAndTheDataIsTextToSerializers() throws Exception {
    TrailEvent plain = event();
    new Slf4jTrailSink(logger).accept(new TrailEvent(plain.sequence(), plain.timestamp(), plain.type(), plain.runId(),
        "session-42", plain.correlationId(), plain.traceId(), plain.spanId(), null, plain.data()));

    ILoggingEvent line = lines.list.get(0);
    assertThat(line.getKeyValuePairs()).extracting(kv -> kv.key).containsExactly("seq", "type", "session_id", "data");
    assertThat(keyValue(line, "session_id")).isEqualTo("session-42");
    CharSequence data = (CharSequence) keyValue(line, "data");
    assertThat(data.length()).isEqualTo(data.toString().length());
    assertThat(data.charAt(0)).isEqualTo('{');
    assertThat(data.subSequence(0, 8).toString()).isEqualTo("{\"tool\":");
  }

  @Test
  void putsBackTheMdcValuesThatWereThereBefore() throws Exception {
    MDC.put("run_id", "the-app's-run");
    new Slf4jTrailSink(logger).accept(event());
    assertThat(MDC.get("run_id")).isEqualTo("the-app's-run");
    assertThat(MDC.get("span_id")).isNull();
  }
}
