package dev.runtrail.trail.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runtrail.telemetry.RunContext;
import dev.runtrail.telemetry.Step;
import dev.runtrail.telemetry.Telemetry;
import dev.runtrail.telemetry.core.Runtrail;
import dev.runtrail.telemetry.core.RuntrailTelemetry;
import dev.runtrail.telemetry.core.config.RuntrailConfig;
import dev.runtrail.telemetry.core.config.Setting;
import dev.runtrail.telemetry.trail.TrailEvent;
import dev.runtrail.testsupport.RequiresTool;
import io.lettuce.core.Range;
import io.lettuce.core.RedisClient;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.api.StatefulRedisConnection;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("redis")
@RequiresTool(value = "redis-server", debianPackage = "redis-server")
@SuppressWarnings("try") // runs and steps are opened for their scope
class RedisStreamSinkTest {

  /** Canary secrets: a GitHub token and a password, made at run time so no scanner flags this file. */
  private static final String TOKEN = "ghp_" + "Zq8Xv2Lm4Np6Rt1Ws3Yu5Ab7Cd9Ef0Gh2Jk4";
  private static final String PASSWORD = "Hunter2-" + "canary-77";

  @TempDir Path dir;

  private static RuntrailTelemetry telemetry(RedisStreamSink sink, Path runsDir) {
    Telemetry built = Runtrail.builder()
        .enabled(true)
        .config(RuntrailConfig.of(Map.of(Setting.TRAIL_SINKS, "span")))
        .spanExporter(SpanExporter.composite())
        .runsDirectory(runsDir)
        .discoverRunExporters(false)
        .shutdownHook(false)
        .addTrailSink(sink)
        .build();
    return (RuntrailTelemetry) built;
  }

  private static List<StreamMessage<String, String>> stream(String uri, String key) {
    RedisClient client = RedisClient.create(uri);
    try (StatefulRedisConnection<String, String> c = client.connect()) {
      return c.sync().xrange(key, Range.create("-", "+"));
    } finally {
      client.shutdown();
    }
  }

  @Test
  void everyEventIsAppendedToItsRunsStreamWithTheSeedsFieldsAndNoSecret() throws Exception {
    try (RedisServer redis = new RedisServer(dir).start()) {
      RedisStreamSink sink = RedisStreamSink.builder(redis.uri()).build();
      String runId;
      try (RuntrailTelemetry telemetry = telemetry(sink, dir.resolve("runs"))) {
        try (RunContext run = telemetry.run("agent").start()) {
          runId = run.runId();
          try (Step step = run.step("agent/fix")) {
            run.trail().toolCall("shell", Map.of("command", "git push https://x:" + TOKEN + "@github.com/o/r",
                "env", Map.of("DB_PASSWORD", PASSWORD)));
            run.trail().toolResult("shell", Map.of("exit_code", 0, "commit", "4f9c2d1e8b7a6f5e4d3c2b1a0f9e8d7c6b5a4f3e"));
          }
        }
        assertThat(telemetry.flush(Duration.ofSeconds(10))).isTrue();
      }
      List<StreamMessage<String, String>> entries = stream(redis.uri(), "action-trail:" + runId);
      assertThat(entries).extracting(m -> m.getBody().get("type")).containsExactly("tool_call", "tool_result");
      Map<String, String> call = entries.get(0).getBody();
      assertThat(call).containsEntry("runId", runId).containsEntry("seq", "1").containsEntry("step", "agent/fix")
          .containsKeys("timestamp", "correlationId", "traceId", "spanId", "data");
      assertThat(Instant.parse(call.get("timestamp"))).isBefore(Instant.now().plusSeconds(1));
      assertThat(call.get("data")).startsWith("{").contains("[REDACTED]").contains("\"tool\":\"shell\"");
      assertThat(entries.get(1).getBody().get("data")).as("a commit SHA is not a secret")
          .contains("4f9c2d1e8b7a6f5e4d3c2b1a0f9e8d7c6b5a4f3e");
      String everything = entries.toString();
      assertThat(everything).doesNotContain(TOKEN).doesNotContain(PASSWORD);
      assertThat(sink.appendedEvents()).isEqualTo(2);
      assertThat(sink.droppedEvents()).isZero();
    }
  }

  @Test
  void aSessionsRunsShareTheSessionsStream() throws Exception {
    try (RedisServer redis = new RedisServer(dir).start()) {
      RedisStreamSink sink = RedisStreamSink.builder(redis.uri()).keyPrefix("trail:").build();
      try (RuntrailTelemetry telemetry = telemetry(sink, dir.resolve("runs"))) {
        for (int i = 0; i < 2; i++) {
          try (RunContext run = telemetry.run("agent").sessionId("sess-42").start()) {
            run.trail().toolCall("read-file", Map.of("path", "main.tf"));
          }
        }
        assertThat(telemetry.flush(Duration.ofSeconds(10))).isTrue();
      }
      List<StreamMessage<String, String>> entries = stream(redis.uri(), "trail:sess-42");
      assertThat(entries).hasSize(2).allSatisfy(m -> assertThat(m.getBody()).containsEntry("sessionId", "sess-42"));
      assertThat(entries).extracting(m -> m.getBody().get("runId")).doesNotHaveDuplicates();
    }
  }

  @Test
  void aRedisRestartMidRunLosesNoEventAndTheAppsCallsReturn() throws Exception {
    try (RedisServer redis = new RedisServer(dir).start()) {
      RedisStreamSink sink = RedisStreamSink.builder(redis.uri()).build();
      String runId;
      try (RuntrailTelemetry telemetry = telemetry(sink, dir.resolve("runs"))) {
        try (RunContext run = telemetry.run("deploy").start()) {
          runId = run.runId();
          record(run, 0, 30);
          assertThat(telemetry.flush(Duration.ofSeconds(10))).isTrue();
          redis.stop();
          record(run, 30, 60); // Redis is down: the calls return, the appends wait in Lettuce's queue
          redis.start();
          record(run, 60, 90);
        }
        assertThat(telemetry.flush(Duration.ofSeconds(30))).isTrue();
      }
      Set<Integer> seqs = stream(redis.uri(), "action-trail:" + runId).stream()
          .map(m -> Integer.parseInt(m.getBody().get("seq"))).collect(Collectors.toCollection(TreeSet::new));
      assertThat(seqs).as("every event, once a consumer drops repeats by seq").hasSize(90).first().isEqualTo(1);
      assertThat(sink.droppedEvents()).isZero();
    }
  }

  @Test
  void eventsRecordedBeforeRedisIsReachableAreSentOnceItIs() throws Exception {
    RedisServer redis = new RedisServer(dir);
    RedisStreamSink sink = RedisStreamSink.builder(redis.uri()).build();
    List<TrailEvent> events = List.of(event("run-1", 1), event("run-1", 2), event("run-1", 3));
    for (TrailEvent e : events) {
      sink.accept(e); // nothing listens yet: kept
    }
    try (RedisServer running = redis.start()) {
      Thread.sleep(1100); // the sink retries a failed connection at most once a second
      sink.flush();
      sink.close();
      assertThat(stream(running.uri(), "action-trail:run-1")).extracting(m -> m.getBody().get("seq"))
          .containsExactly("1", "2", "3");
      assertThat(sink.appendedEvents()).isEqualTo(3);
    }
  }

  @Test
  void pastItsBoundAnUnreachableRedisCostsCountedDropsNeverTheApp() throws Exception {
    String uri;
    try (ServerSocket nothing = new ServerSocket(0)) {
      uri = "redis://127.0.0.1:" + nothing.getLocalPort();
    }
    RedisStreamSink sink = RedisStreamSink.builder(uri).pendingLimit(5).closeTimeout(Duration.ofMillis(200)).build();
    for (int seq = 1; seq <= 20; seq++) {
      sink.accept(event("run-2", seq));
    }
    assertThat(sink.droppedEvents()).as("the 5 that fit wait, the 15 others are counted").isEqualTo(15);
    assertThatThrownBy(sink::flush).isInstanceOf(IOException.class)
        .hasMessageContaining("15 trail event(s) could not be appended to Redis at " + "redis://127.0.0.1");
    sink.close();
    assertThat(sink.droppedEvents()).as("the 5 still unsent at close are counted too").isEqualTo(20);
    assertThat(sink.appendedEvents()).isZero();
  }

  @Test
  void aBadUriIsAClearError() {
    assertThatThrownBy(() -> RedisStreamSink.builder("localhost:6379 oops")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'localhost:6379 oops'");
    assertThatThrownBy(() -> RedisStreamSink.builder("redis://h").maxLength(0))
        .hasMessageContaining("maxLength must be at least 1, got 0");
  }

  private static void record(RunContext run, int from, int to) {
    for (int i = from; i < to; i++) {
      run.trail().toolCall("step-" + i, Map.of("i", i));
    }
  }

  private static TrailEvent event(String runId, long seq) {
    return new TrailEvent(seq, Instant.parse("2026-12-07T04:00:00Z"), "tool_call", runId, null, "corr-1", null, null,
        null, Map.of("tool", "read-file"));
  }
}
