package dev.runtrail.logging.logback;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.runtrail.telemetry.core.trail.Slf4jTrailSink;
import dev.runtrail.telemetry.trail.TrailEvent;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.logstash.logback.encoder.LogstashEncoder;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/**
 * The log trail sink's lines through the JSON encoders users ship logs with: valid JSON with no duplicate
 * key (Elasticsearch rejects a document that has one), the ids once, the data as its JSON text.
 */
class TrailLinesInJsonEncodersTest {

  /** Fails on a duplicate key, as Elasticsearch's parser does. */
  private static final ObjectMapper STRICT = JsonMapper.builder()
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();

  private static final String DATA_JSON = "{\"tool\":\"kubectl\",\"args\":[\"apply\",\"-f\",\"k8s/api/\"]}";

  private static TrailEvent event() {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("tool", "kubectl");
    data.put("args", List.of("apply", "-f", "k8s/api/"));
    return new TrailEvent(7, Instant.parse("2026-12-07T08:00:00Z"), "tool_call", "run-20261207-080000-abc123",
        null, "corr-1", "4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7", "main/deploy/api", data);
  }

  /** The one line the sink writes for {@link #event()}, through {@code encoder}. */
  private static JsonNode line(Encoder<ILoggingEvent> encoder) throws Exception {
    LoggerContext context = new LoggerContext();
    context.setMDCAdapter(MDC.getMDCAdapter()); // the adapter the sink's MDC calls reach
    context.start();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    encoder.setContext(context);
    encoder.start();
    OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
    appender.setContext(context);
    appender.setEncoder(encoder);
    appender.setOutputStream(out);
    appender.start();
    Logger logger = context.getLogger(Slf4jTrailSink.LOGGER_NAME);
    logger.addAppender(appender);
    new Slf4jTrailSink(logger).accept(event());
    appender.stop();
    context.stop();
    String text = out.toString(StandardCharsets.UTF_8).strip();
    assertThat(text.lines()).hasSize(1);
    return STRICT.readTree(text); // throws on a duplicate key
  }

  @Test
  void logstashEncoderWritesEachIdOnceAndTheDataAsItsJson() throws Exception {
    JsonNode line = line(new LogstashEncoder());

    assertThat(line.get("message").asText()).isEqualTo("action_trail:tool_call");
    assertThat(line.get("run_id").asText()).isEqualTo("run-20261207-080000-abc123");
    assertThat(line.get("trace_id").asText()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    assertThat(line.get("span_id").asText()).isEqualTo("00f067aa0ba902b7");
    assertThat(line.get("correlation_id").asText()).isEqualTo("corr-1");
    assertThat(line.get("seq").asLong()).isEqualTo(7);
    assertThat(line.get("step").asText()).isEqualTo("main/deploy/api");
    assertThat(line.get("data").isTextual()).as("data as text, not an empty bean: %s", line.get("data")).isTrue();
    assertThat(line.get("data").asText()).isEqualTo(DATA_JSON);
    assertThat(line.has("session_id")).as("a run without a session writes no session_id").isFalse();
  }

  @Test
  void logbacksJsonEncoderKeepsTheIdsInTheMdcAndTheRestAsKeyValues() throws Exception {
    JsonNode line = line(new JsonEncoder());

    assertThat(line.get("mdc").get("run_id").asText()).isEqualTo("run-20261207-080000-abc123");
    assertThat(line.get("mdc").get("trace_id").asText()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    Map<String, String> pairs = new LinkedHashMap<>();
    line.get("kvpList").forEach(pair -> pair.fields().forEachRemaining(f -> pairs.put(f.getKey(), f.getValue().asText())));
    assertThat(pairs).containsOnlyKeys("seq", "type", "step", "data").containsEntry("data", DATA_JSON)
        .doesNotContainValue("null");
  }
}
