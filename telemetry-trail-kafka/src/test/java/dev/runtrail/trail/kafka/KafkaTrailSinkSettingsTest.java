package dev.runtrail.trail.kafka;

import static dev.runtrail.trail.kafka.KafkaTrailSinkTest.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeout;

import dev.runtrail.telemetry.core.config.InvalidConfigurationException;
import dev.runtrail.telemetry.core.config.RuntrailConfig;
import dev.runtrail.telemetry.core.config.Setting;
import dev.runtrail.telemetry.trail.TrailEvent;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Settings, and a cluster nobody answers for: no broker needed. */
class KafkaTrailSinkSettingsTest {

  private static String nothingListens() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return "127.0.0.1:" + socket.getLocalPort();
    }
  }

  @Test
  void withoutABootstrapSettingThereIsNoKafkaSink() {
    assertThat(KafkaTrailSink.fromConfig(RuntrailConfig.of(Map.of(Setting.TRAIL_KAFKA_TOPIC, "t")))).isEmpty();
  }

  @Test
  void theSettingsMakeASinkOnTheirTopic() throws Exception {
    RuntrailConfig config = RuntrailConfig.of(Map.of(Setting.TRAIL_KAFKA_BOOTSTRAP, nothingListens(),
        Setting.TRAIL_KAFKA_TOPIC, "audit.trail", Setting.TRAIL_KAFKA_MAX_BLOCK, "100ms"));
    Optional<KafkaTrailSink> sink = KafkaTrailSink.fromConfig(config);
    assertThat(sink).isPresent();
    sink.get().accept(event("run-1", 1)); // nothing listens: it waits in the sink
    assertThat(sink.get().waitingEvents()).isEqualTo(1);
    sink.get().close(); // still never reachable: counted
    assertThatThrownBy(sink.get()::flush).isInstanceOf(IOException.class)
        .hasMessageContaining("could not be sent to Kafka topic 'audit.trail'");
  }

  @Test
  void aBadBootstrapSettingNamesTheVariableAndTheValue() {
    assertThatThrownBy(() -> KafkaTrailSink.fromConfig(
        RuntrailConfig.of(Map.of(Setting.TRAIL_KAFKA_BOOTSTRAP, "kafka-1:9092,kafka-2"))))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("RUNTRAIL_TRAIL_KAFKA_BOOTSTRAP='kafka-1:9092,kafka-2'")
        .hasMessageContaining("'kafka-2' is not host:port");
    assertThatThrownBy(() -> KafkaTrailSink.fromConfig(
        RuntrailConfig.of(Map.of(Setting.TRAIL_KAFKA_BOOTSTRAP, "kafka:99999"))))
        .hasMessageContaining("RUNTRAIL_TRAIL_KAFKA_BOOTSTRAP='kafka:99999'")
        .hasMessageContaining("not a port from 1 to 65535");
  }

  @Test
  void aSystemPropertyIsNamedWhenItIsTheBadValue() {
    Properties properties = new Properties();
    properties.setProperty("runtrail.trail.kafka.bootstrap", "kafka:9092");
    properties.setProperty("runtrail.trail.kafka.topic", "no spaces");
    assertThatThrownBy(() -> KafkaTrailSink.fromConfig(RuntrailConfig.from(Map.of(), properties)))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("runtrail.trail.kafka.topic='no spaces'");
  }

  @Test
  void badTimeoutsAndBufferSettingsNameTheirVariables() {
    assertThatThrownBy(() -> KafkaTrailSink.fromConfig(RuntrailConfig.of(Map.of(
        Setting.TRAIL_KAFKA_BOOTSTRAP, "kafka:9092", Setting.TRAIL_KAFKA_MAX_BLOCK, "soon"))))
        .hasMessageContaining("RUNTRAIL_TRAIL_KAFKA_MAX_BLOCK='soon'");
    assertThatThrownBy(() -> KafkaTrailSink.fromConfig(RuntrailConfig.of(Map.of(
        Setting.TRAIL_KAFKA_BOOTSTRAP, "kafka:9092", Setting.TRAIL_KAFKA_MAX_BLOCK, "0s"))))
        .hasMessageContaining("RUNTRAIL_TRAIL_KAFKA_MAX_BLOCK='0s'");
    assertThatThrownBy(() -> KafkaTrailSink.fromConfig(RuntrailConfig.of(Map.of(
        Setting.TRAIL_KAFKA_BOOTSTRAP, "kafka:9092", Setting.TRAIL_KAFKA_DELIVERY_TIMEOUT, "10ms"))))
        .hasMessageContaining("RUNTRAIL_TRAIL_KAFKA_DELIVERY_TIMEOUT='10ms'").hasMessageContaining("at least 1000ms");
    assertThatThrownBy(() -> KafkaTrailSink.fromConfig(RuntrailConfig.of(Map.of(
        Setting.TRAIL_KAFKA_BOOTSTRAP, "kafka:9092", Setting.TRAIL_KAFKA_BUFFER_BYTES, "1k"))))
        .hasMessageContaining("RUNTRAIL_TRAIL_KAFKA_BUFFER_BYTES='1k'");
  }

  @Test
  void theBuilderRejectsBadValuesByName() {
    assertThatThrownBy(() -> KafkaTrailSink.builder("localhost:9092 oops"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'localhost:9092 oops'");
    assertThatThrownBy(() -> KafkaTrailSink.builder("kafka:9092").topic(".."))
        .hasMessageContaining("not a Kafka topic name: '..'");
    assertThatThrownBy(() -> KafkaTrailSink.builder("kafka:9092").bufferBytes(100))
        .hasMessageContaining("bufferBytes must be at least 65536, got 100");
    assertThatThrownBy(() -> KafkaTrailSink.builder("kafka:9092").maxBlock(Duration.ZERO))
        .hasMessageContaining("maxBlock must be positive, got PT0S");
    assertThatThrownBy(() -> KafkaTrailSink.builder("kafka:9092").pendingLimit(0))
        .hasMessageContaining("pendingLimit must be at least 1, got 0");
  }

  @Test
  void aClusterNeverReachableKeepsEventsWaitingUpToTheLimitThenCountsThemAtClose() throws Exception {
    String servers = nothingListens();
    KafkaTrailSink sink = KafkaTrailSink.builder(servers).maxBlock(Duration.ofMillis(200)).pendingLimit(3)
        .closeTimeout(Duration.ofMillis(200)).build();
    assertTimeout(Duration.ofSeconds(3), () -> {
      for (int seq = 1; seq <= 5; seq++) {
        sink.accept(event("run-2", seq)); // the first asks for metadata (200 ms), the others wait
      }
    }, "five sends with a 200 ms maxBlock");
    assertThat(sink.waitingEvents()).isEqualTo(3);
    assertThat(sink.droppedEvents()).as("past pendingLimit: counted").isEqualTo(2);
    assertThatThrownBy(sink::flush).isInstanceOf(IOException.class)
        .hasMessageContaining("2 trail event(s) could not be sent to Kafka topic 'action-trail' at " + servers)
        .hasMessageContaining("3 events already wait for Kafka at " + servers + ", not reachable yet");
    sink.flush(); // reported once: nothing new since
    assertTimeout(Duration.ofSeconds(3), sink::close, "close: one more metadata try, then the producer");
    assertThat(sink.waitingEvents()).isZero();
    assertThat(sink.droppedEvents()).as("still waiting at close: counted, not silently lost").isEqualTo(5);
    sink.accept(event("run-2", 6)); // after close: counted, not thrown
    assertThat(sink.droppedEvents()).isEqualTo(6);
    assertThat(sink.deliveredEvents()).isZero();
  }

  @Test
  void theRecordKeyIsTheSessionElseTheRun() {
    assertThat(KafkaTrailSink.key(event("run-7", 1))).isEqualTo("run-7");
    assertThat(KafkaTrailSink.key(new TrailEvent(1, Instant.EPOCH,
        "tool_call", "run-7", "sess-1", null, null, null, null, Map.of()))).isEqualTo("sess-1");
  }
}
