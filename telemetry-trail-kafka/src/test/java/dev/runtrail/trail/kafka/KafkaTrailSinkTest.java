package dev.runtrail.trail.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeout;

import dev.runtrail.telemetry.RunContext;
import dev.runtrail.telemetry.Step;
import dev.runtrail.telemetry.Telemetry;
import dev.runtrail.telemetry.core.Runtrail;
import dev.runtrail.telemetry.core.RuntrailTelemetry;
import dev.runtrail.telemetry.core.config.RuntrailConfig;
import dev.runtrail.telemetry.core.config.Setting;
import dev.runtrail.telemetry.core.trail.TrailJson;
import dev.runtrail.telemetry.trail.TrailEvent;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against one real KRaft broker for the whole class (starting it is the cost); each test has its own topic. */
@Tag("kafka")
@SuppressWarnings("try") // runs and steps are opened for their scope
class KafkaTrailSinkTest {

  /** Canary secrets: a GitHub token and a password, made at run time so no scanner flags this file. */
  private static final String TOKEN = "ghp_" + "Zq8Xv2Lm4Np6Rt1Ws3Yu5Ab7Cd9Ef0Gh2Jk4";
  private static final String PASSWORD = "Hunter2-" + "canary-77";
  private static final String SHA = "4f9c2d1e8b7a6f5e4d3c2b1a0f9e8d7c6b5a4f3e";
  private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(5);

  @TempDir static Path brokerDir;
  @TempDir Path dir;

  private static KafkaBroker broker;

  @BeforeAll
  static void startBroker() throws Exception {
    broker = new KafkaBroker(brokerDir).start();
  }

  @AfterAll
  static void stopBroker() throws Exception {
    if (broker != null) {
      broker.close();
    }
  }

  private RuntrailTelemetry telemetry(KafkaTrailSink sink) {
    Telemetry built = Runtrail.builder()
        .enabled(true)
        .config(RuntrailConfig.of(Map.of(Setting.TRAIL_SINKS, "span",
            Setting.SHUTDOWN_TIMEOUT, SHUTDOWN_TIMEOUT.toMillis() + "ms")))
        .spanExporter(SpanExporter.composite())
        .runsDirectory(dir.resolve("runs"))
        .discoverRunExporters(false)
        .shutdownHook(false)
        .addTrailSink(sink)
        .build();
    return (RuntrailTelemetry) built;
  }

  @Test
  void everyEventReachesTheTopicKeyedByItsRunAsATrailLineWithNoSecret() throws Exception {
    broker.createTopic("trail-fields", 3);
    KafkaTrailSink sink = KafkaTrailSink.builder(broker.bootstrap()).topic("trail-fields").build();
    String runId;
    try (RuntrailTelemetry telemetry = telemetry(sink)) {
      try (RunContext run = telemetry.run("agent").start()) {
        runId = run.runId();
        try (Step step = run.step("agent/fix")) {
          run.trail().toolCall("shell", Map.of("command", "git push https://x:" + TOKEN + "@github.com/o/r",
              "env", Map.of("DB_PASSWORD", PASSWORD)));
          run.trail().toolResult("shell", Map.of("exit_code", 0, "commit", SHA));
        }
      }
      assertThat(telemetry.flush(Duration.ofSeconds(10))).isTrue();
    }
    List<ConsumerRecord<String, String>> records = read("trail-fields", 2);
    assertThat(records).extracting(ConsumerRecord::key).containsExactly(runId, runId);
    List<TrailEvent> events = records.stream().map(r -> TrailJson.parse(r.value())).collect(Collectors.toList());
    assertThat(events).extracting(TrailEvent::sequence).containsExactly(1L, 2L);
    assertThat(events).extracting(TrailEvent::type).containsExactly("tool_call", "tool_result");
    TrailEvent call = events.get(0);
    assertThat(call.runId()).isEqualTo(runId);
    assertThat(call.step()).isEqualTo("agent/fix");
    assertThat(call.traceId()).matches("[0-9a-f]{32}");
    assertThat(call.spanId()).matches("[0-9a-f]{16}");
    assertThat(call.correlationId()).isNotBlank();
    assertThat(call.timestamp()).isBefore(Instant.now().plusSeconds(1));
    assertThat(call.data()).containsEntry("tool", "shell");
    assertThat(records.get(0).value()).contains("[REDACTED]");
    assertThat(records.get(1).value()).as("a commit SHA is not a secret").contains(SHA);
    assertThat(records.toString()).doesNotContain(TOKEN).doesNotContain(PASSWORD);
    assertThat(sink.deliveredEvents()).isEqualTo(2);
    assertThat(sink.droppedEvents()).isZero();
  }

  @Test
  void eachRunsEventsStayInOrderInOnePartitionAndASessionsRunsShareItsKey() throws Exception {
    broker.createTopic("trail-order", 3);
    KafkaTrailSink sink = KafkaTrailSink.builder(broker.bootstrap()).topic("trail-order").build();
    List<String> keys = new ArrayList<>();
    try (RuntrailTelemetry telemetry = telemetry(sink)) {
      List<RunContext> runs = List.of(telemetry.run("a").start(), telemetry.run("b").start(),
          telemetry.run("c").start());
      runs.forEach(run -> keys.add(run.runId()));
      for (int i = 0; i < 20; i++) { // interleaved: the three runs' events are sent mixed
        for (RunContext run : runs) {
          run.trail().toolCall("step-" + i, Map.of("i", i));
        }
      }
      runs.forEach(RunContext::close);
      for (int i = 0; i < 2; i++) {
        try (RunContext run = telemetry.run("agent").sessionId("sess-42").start()) {
          run.trail().toolCall("read-file", Map.of("path", "main.tf"));
        }
      }
      assertThat(telemetry.flush(Duration.ofSeconds(10))).isTrue();
    }
    Map<String, List<ConsumerRecord<String, String>>> byKey = read("trail-order", 62).stream()
        .collect(Collectors.groupingBy(ConsumerRecord::key));
    assertThat(byKey.keySet()).containsExactlyInAnyOrder(keys.get(0), keys.get(1), keys.get(2), "sess-42");
    for (String runId : keys) {
      List<ConsumerRecord<String, String>> records = byKey.get(runId);
      assertThat(records).extracting(ConsumerRecord::partition).as("one partition per run").containsOnly(
          records.get(0).partition());
      assertThat(records).extracting(r -> TrailJson.parse(r.value()).sequence())
          .containsExactlyElementsOf(LongStream.rangeClosed(1, 20).boxed().collect(Collectors.toList()));
    }
    assertThat(byKey.get("sess-42")).hasSize(2).extracting(r -> TrailJson.parse(r.value()).runId())
        .doesNotHaveDuplicates();
  }

  @Test
  void aBrokerKilledMidRunLosesNoAcceptedEventAndTheAppsCallsReturn() throws Exception {
    broker.createTopic("trail-restart", 3);
    KafkaTrailSink sink = KafkaTrailSink.builder(broker.bootstrap()).topic("trail-restart").build();
    KafkaTrailSink closedWhileDown = KafkaTrailSink.builder(broker.bootstrap()).topic("trail-restart")
        .closeTimeout(Duration.ofMillis(300)).build();
    closedWhileDown.accept(event("run-gone", 1)); // fetches the topic's metadata while the broker is up
    closedWhileDown.flush();
    String runId;
    try {
      RuntrailTelemetry telemetry = telemetry(sink);
      try (RunContext run = telemetry.run("deploy").start()) {
        runId = run.runId();
        record(run, 0, 30);
        assertThat(telemetry.flush(Duration.ofSeconds(10))).isTrue();
        broker.kill();
        assertTimeout(Duration.ofSeconds(2), () -> record(run, 30, 60), "recording while the broker is dead");
        for (long seq = 2; seq <= 11; seq++) {
          closedWhileDown.accept(event("run-gone", seq)); // buffered by the producer: the broker is away
        }
        closedWhileDown.close();
        broker.start();
        record(run, 60, 90);
      }
      assertTimeout(SHUTDOWN_TIMEOUT.plusSeconds(5), telemetry::close, "closing telemetry");
    } finally {
      broker.start(); // a no-op wait when it runs; the other tests need it
    }
    assertThat(closedWhileDown.deliveredEvents()).isEqualTo(1);
    assertThat(closedWhileDown.droppedEvents()).as("unsent at close: counted, not silently lost").isEqualTo(10);

    List<Long> seqs = read("trail-restart", 91).stream().filter(r -> r.key().equals(runId))
        .map(r -> TrailJson.parse(r.value()).sequence()).collect(Collectors.toList());
    assertThat(seqs).as("the idempotent producer neither loses, repeats nor reorders")
        .containsExactlyElementsOf(LongStream.rangeClosed(1, 90).boxed().collect(Collectors.toList()));
    assertThat(sink.deliveredEvents()).isEqualTo(90);
    assertThat(sink.droppedEvents()).isZero();
  }

  @Test
  void eventsRecordedBeforeTheBrokerWasEverReachableWaitAndArriveInOrder() throws Exception {
    broker.createTopic("trail-late", 3);
    broker.kill(); // the app starts while its cluster is down: the sink has never reached it
    String runId;
    try {
      KafkaTrailSink sink = KafkaTrailSink.builder(broker.bootstrap()).topic("trail-late").build();
      RuntrailTelemetry telemetry = telemetry(sink);
      try (RunContext run = telemetry.run("deploy").start()) {
        runId = run.runId();
        assertTimeout(Duration.ofSeconds(2), () -> record(run, 0, 40), "recording before the broker was reachable");
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (sink.waitingEvents() < 40 && System.nanoTime() < deadline) {
          Thread.sleep(20); // the sink's thread takes the events off Runtrail's queue
        }
        assertThat(sink.waitingEvents()).as("waiting in the sink, not dropped").isEqualTo(40);
        assertThat(sink.droppedEvents()).isZero();
        broker.start();
        record(run, 40, 60);
      }
      assertTimeout(SHUTDOWN_TIMEOUT.plusSeconds(5), telemetry::close, "closing telemetry");
      assertThat(sink.deliveredEvents()).isEqualTo(60);
      assertThat(sink.droppedEvents()).isZero();
      assertThat(sink.waitingEvents()).isZero();
    } finally {
      broker.start();
    }
    List<Long> seqs = read("trail-late", 60).stream().filter(r -> r.key().equals(runId))
        .map(r -> TrailJson.parse(r.value()).sequence()).collect(Collectors.toList());
    assertThat(seqs).containsExactlyElementsOf(LongStream.rangeClosed(1, 60).boxed().collect(Collectors.toList()));
  }

  private static void record(RunContext run, int from, int to) {
    for (int i = from; i < to; i++) {
      run.trail().toolCall("step-" + i, Map.of("i", i));
    }
  }

  static TrailEvent event(String runId, long seq) {
    return new TrailEvent(seq, Instant.parse("2026-12-07T04:00:00Z"), "tool_call", runId, null, "corr-1", null, null,
        null, Map.of("tool", "read-file"));
  }

  /** Every record of the topic, once {@code expected} have come (or 30 s passed) and a short wait brought no more. */
  private static List<ConsumerRecord<String, String>> read(String topic, int expected) {
    Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrap(),
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    List<ConsumerRecord<String, String>> records = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
      Set<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
          .map(p -> new TopicPartition(topic, p.partition())).collect(Collectors.toSet());
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (records.size() < expected && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
      consumer.poll(Duration.ofMillis(300)).forEach(records::add); // anything past the expected count
    }
    return records;
  }
}
