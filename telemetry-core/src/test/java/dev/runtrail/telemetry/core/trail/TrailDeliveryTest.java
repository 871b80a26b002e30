package dev.runtrail.telemetry.core.trail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtrail.telemetry.RunContext;
import dev.runtrail.telemetry.Step;
import dev.runtrail.telemetry.core.TestTelemetry;
import dev.runtrail.telemetry.core.config.Setting;
import dev.runtrail.telemetry.trail.TrailEvent;
import dev.runtrail.telemetry.trail.TrailEventTypes;
import dev.runtrail.telemetry.trail.TrailSink;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.trace.data.EventData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrailDeliveryTest {

  @TempDir Path runsDir;

  /** Records what it gets, on its own thread. */
  static final class RecordingSink implements TrailSink {
    final List<TrailEvent> events = new CopyOnWriteArrayList<>();
    final List<String> ended = new CopyOnWriteArrayList<>();

    @Override
    public String name() {
      return "recording";
    }

    @Override
    public void accept(TrailEvent event) {
      events.add(event);
    }

    @Override
    public void runEnded(String runId) {
      ended.add(runId);
    }
  }

  static Path trailFile(Path runsDir) throws Exception {
    try (Stream<Path> files = Files.walk(runsDir)) {
      return files.filter(p -> p.getFileName().toString().equals("trail.jsonl")).findFirst().orElseThrow();
    }
  }

  @Test
  void allSinksReceiveTheSameEventsInOrder() throws Exception {
    RecordingSink async = new RecordingSink();
    String runId;
    List<EventData> spanEvents;
    try (TestTelemetry t = TestTelemetry.create(runsDir, Map.of(), async)) {
      try (RunContext run = t.telemetry.run("agent").start()) {
        runId = run.runId();
        try (Step step = run.step("agent/run")) {
          run.trail().toolCall("read-file", Map.of("path", "main.tf"));
          run.trail().toolResult("read-file", Map.of("size", 2340));
          run.trail().prCreated("https://github.com/org/repo/pull/42", "agent/fix-123");
        }
      }
      spanEvents = t.span("agent/run").getEvents();
      t.telemetry.close(); // delivers everything queued (the exporter forgets its spans on shutdown)
      List<TrailEvent> memory = t.trail.events();
      List<TrailEvent> file = TrailReader.read(trailFile(runsDir)).events();
      assertThat(memory).extracting(TrailEvent::type)
          .containsExactly(TrailEventTypes.TOOL_CALL, TrailEventTypes.TOOL_RESULT, TrailEventTypes.PR_CREATED);
      assertThat(memory).extracting(TrailEvent::sequence).containsExactly(1L, 2L, 3L);
      assertThat(async.events).isEqualTo(memory);
      assertThat(file).extracting(TrailEvent::sequence).containsExactly(1L, 2L, 3L);
      assertThat(file).extracting(TrailEvent::type).isEqualTo(memory.stream().map(TrailEvent::type).toList());
      assertThat(file.get(0).data()).containsEntry("tool", "read-file");
      assertThat(file.get(1).data()).containsEntry("size", 2340L);
      assertThat(spanEvents).extracting(EventData::getName)
          .containsExactly(TrailEventTypes.TOOL_CALL, TrailEventTypes.TOOL_RESULT, TrailEventTypes.PR_CREATED);
      assertThat(spanEvents.get(0).getAttributes().get(AttributeKey.stringKey("args.path"))).isEqualTo("main.tf");
      assertThat(async.ended).containsExactly(runId);
    }
  }

  @Test
  void eventsCarryIdsOfTheRunAndTheCurrentStep() {
    try (TestTelemetry t = TestTelemetry.create(runsDir)) {
      try (RunContext run = t.telemetry.run("agent").sessionId("sess-1").correlationId("corr-1").start()) {
        run.trail().record("task_received", Map.of("from", "webhook"));
        try (Step step = run.step("agent/run")) {
          run.trail().toolCall("read-file", Map.of());
          TrailEvent inStep = t.trail.events().get(1);
          assertThat(inStep.step()).isEqualTo("agent/run");
          assertThat(inStep.spanId()).isEqualTo(step.spanContext().getSpanId());
          assertThat(inStep.traceId()).isEqualTo(run.spanContext().getTraceId());
        }
        TrailEvent first = t.trail.events().get(0);
        assertThat(first.runId()).isEqualTo(run.runId());
        assertThat(first.sessionId()).isEqualTo("sess-1");
        assertThat(first.correlationId()).isEqualTo("corr-1");
        assertThat(first.step()).isNull();
        assertThat(first.spanId()).isEqualTo(run.spanContext().getSpanId());
      }
    }
  }

  @Test
  void sixteenThreadsTenThousandEventsEachLandGapFree() throws Exception {
    int threads = 16;
    int perThread = 10_000;
    try (TestTelemetry t = TestTelemetry.create(runsDir, Map.of(Setting.TRAIL_SINKS, "jsonl",
        Setting.TRAIL_OFFER_TIMEOUT, "10s"))) {
      t.trail.clear();
      try (RunContext run = t.telemetry.run("storm").start()) {
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
          int worker = i;
          Thread thread = new Thread(() -> {
            try {
              go.await();
            } catch (InterruptedException e) {
              return;
            }
            for (int j = 0; j < perThread; j++) {
              run.trail().record("work_item", Map.of("worker", worker, "item", j));
            }
          });
          thread.start();
          workers.add(thread);
        }
        go.countDown();
        for (Thread worker : workers) {
          worker.join();
        }
      }
      t.telemetry.close();
      assertThat(t.telemetry.droppedCounts()).isEmpty();
    }
    TrailReader.Result result = TrailReader.read(trailFile(runsDir));
    assertThat(result.isIntact()).as(result.problems().toString()).isTrue();
    assertThat(result.events()).hasSize(threads * perThread);
    for (int i = 0; i < result.events().size(); i++) {
      assertThat(result.events().get(i).sequence()).isEqualTo(i + 1L);
    }
  }

  @Test
  void throwingSinkDoesNotDisturbTheAppOrTheOtherSinks() {
    TrailSink throwing = new TrailSink() {
      @Override
      public String name() {
        return "broken";
      }

      @Override
      public void accept(TrailEvent event) {
        throw new IllegalStateException("kafka is down");
      }
    };
    TrailSink throwingInline = new TrailSink() {
      @Override
      public Delivery delivery() {
        return Delivery.INLINE;
      }

      @Override
      public void accept(TrailEvent event) {
        throw new IllegalStateException("bug in a custom sink");
      }
    };
    try (TestTelemetry t = TestTelemetry.create(runsDir, Map.of(), throwing, throwingInline)) {
      try (RunContext run = t.telemetry.run("agent").start()) {
        for (int i = 0; i < 10; i++) {
          assertThat(run.trail().record("tick", Map.of("i", i))).isEqualTo(i + 1L);
        }
      }
      t.telemetry.close();
      assertThat(t.trail.events()).hasSize(10);
      assertThat(t.telemetry.droppedCounts()).containsKey("trail_sink");
    }
  }

  @Test
  void blockingSinkNeitherStopsTheOthersNorHoldsTheCaller() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    TrailSink stuck = new TrailSink() {
      @Override
      public String name() {
        return "stuck";
      }

      @Override
      public void accept(TrailEvent event) throws InterruptedException {
        release.await();
      }
    };
    try (TestTelemetry t = TestTelemetry.create(runsDir,
        Map.of(Setting.TRAIL_QUEUE_CAPACITY, "16", Setting.TRAIL_SINKS, "jsonl", Setting.SHUTDOWN_TIMEOUT, "1s"),
        stuck)) {
      try (RunContext run = t.telemetry.run("agent").start()) {
        for (int i = 0; i < 200; i++) {
          assertThat(run.trail().record("tick", Map.of("i", i))).isEqualTo(i + 1L);
        }
      }
      assertThat(t.trail.events()).hasSize(200);
      assertThat(t.telemetry.droppedCounts().get("trail_sink")).isGreaterThanOrEqualTo(200L - 17);
      release.countDown();
      t.telemetry.close();
    }
    assertThat(TrailReader.read(trailFile(runsDir)).events()).hasSize(200);
  }

  @Test
  void fullDurableQueueDropsAfterTheBoundAndCounts() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    TrailSink slowDurable = new TrailSink() {
      @Override
      public Delivery delivery() {
        return Delivery.DURABLE;
      }

      @Override
      public String name() {
        return "slow-durable";
      }

      @Override
      public void accept(TrailEvent event) throws InterruptedException {
        release.await(10, TimeUnit.SECONDS);
      }
    };
    try (TestTelemetry t = TestTelemetry.create(runsDir,
        Map.of(Setting.TRAIL_QUEUE_CAPACITY, "16", Setting.TRAIL_SINKS, "none",
            Setting.TRAIL_OFFER_TIMEOUT, "20ms", Setting.SHUTDOWN_TIMEOUT, "1s"), slowDurable)) {
      List<Long> sequences = new ArrayList<>();
      try (RunContext run = t.telemetry.run("agent").start()) {
        for (int i = 0; i < 40; i++) {
          sequences.add(run.trail().record("tick", Map.of("i", i)));
        }
      }
      release.countDown();
      List<Long> accepted = sequences.stream().filter(s -> s > 0).toList();
      assertThat(accepted).as("accepted events keep a gap-free sequence")
          .isEqualTo(java.util.stream.LongStream.rangeClosed(1, accepted.size()).boxed().toList());
      assertThat(accepted.size()).isBetween(16, 18);
      assertThat(t.telemetry.droppedCounts().get("trail_queue")).isEqualTo(40L - accepted.size());
      assertThat(t.trail.events()).hasSize(accepted.size());
    }
  }

  @Test
  void invalidTypeNameIsAClearError() {
    try (TestTelemetry t = TestTelemetry.create(runsDir); RunContext run = t.telemetry.run("agent").start()) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> run.trail().record("Tool Call", Map.of()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("'Tool Call'");
    }
  }

  @Test
  void eventsAfterTheRunClosedAreRefusedAndCounted() {
    try (TestTelemetry t = TestTelemetry.create(runsDir)) {
      RunContext run = t.telemetry.run("agent").start();
      run.close();
      assertThat(run.trail().record("late", Map.of())).isZero();
      assertThat(t.telemetry.droppedCounts()).containsEntry("run_closed", 1L);
    }
  }

  @Test
  void dataIsCopiedSoLaterChangesDoNotLeak() {
    try (TestTelemetry t = TestTelemetry.create(runsDir); RunContext run = t.telemetry.run("agent").start()) {
      Map<String, Object> data = new java.util.HashMap<>();
      data.put("path", "a.tf");
      run.trail().record("edit", data);
      data.put("path", "b.tf");
      assertThat(t.trail.events().get(0).data()).containsEntry("path", "a.tf");
    }
  }
}
