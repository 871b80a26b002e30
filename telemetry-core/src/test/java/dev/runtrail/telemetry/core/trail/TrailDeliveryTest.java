package dev.runtrail.telemetry.core.trail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtrail.telemetry.RunContext;
import dev.runtrail.telemetry.core.TestTelemetry;
import dev.runtrail.telemetry.core.config.Setting;
import dev.runtrail.telemetry.trail.TrailEvent;
import dev.runtrail.telemetry.trail.TrailSink;
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
    // The JSON Lines sink's queue (16) must keep up with 200 events: its offer timeout is generous, so a
    // loaded machine that leaves its thread unscheduled for a while cannot make an event time out there.
    // The stuck sink is released before the run closes: closing a run waits (up to the offer timeout) for
    // room in a full queue for the run's end, which is not what this test is about.
    try (TestTelemetry t = TestTelemetry.create(runsDir,
        Map.of(Setting.TRAIL_QUEUE_CAPACITY, "16", Setting.TRAIL_SINKS, "jsonl", Setting.SHUTDOWN_TIMEOUT, "10s",
            Setting.TRAIL_OFFER_TIMEOUT, "10s"),
        stuck)) {
      try (RunContext run = t.telemetry.run("agent").start()) {
        for (int i = 0; i < 200; i++) {
          assertThat(run.trail().record("tick", Map.of("i", i))).isEqualTo(i + 1L);
        }
        assertThat(t.trail.events()).hasSize(200);
        assertThat(t.telemetry.droppedCounts().get("trail_sink")).as("the stuck sink's queue (16) and the event"
            + " in its hand are all it took").isGreaterThanOrEqualTo(200L - 17);
        release.countDown();
      }
      t.telemetry.close();
    }
    assertThat(TrailReader.read(trailFile(runsDir)).events()).hasSize(200);
  }

  /** A sink that takes one event and then waits (interruptibly) until released. */
  static TrailSink stuckSink(String name, TrailSink.Delivery delivery, CountDownLatch release) {
    return new TrailSink() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public Delivery delivery() {
        return delivery;
      }

      @Override
      public void accept(TrailEvent event) throws InterruptedException {
        release.await();
      }
    };
  }

  @Test
  void aLargeQueueKeepsItsBound() throws Exception {
    // 1,280 queued and the one event the stuck thread is handling: all that is taken of 2,000.
    CountDownLatch release = new CountDownLatch(1);
    try (TestTelemetry t = TestTelemetry.create(runsDir,
        Map.of(Setting.TRAIL_QUEUE_CAPACITY, "1280", Setting.TRAIL_SINKS, "none", Setting.SHUTDOWN_TIMEOUT, "10s"),
        stuckSink("stuck", TrailSink.Delivery.ASYNC, release))) {
      try (RunContext run = t.telemetry.run("agent").start()) {
        for (int i = 0; i < 2000; i++) {
          assertThat(run.trail().record("tick", Map.of("i", i))).isEqualTo(i + 1L);
        }
        assertThat(t.telemetry.droppedCounts().get("trail_sink")).as("at most capacity + 1 taken")
            .isGreaterThanOrEqualTo(2000L - 1281);
        release.countDown();
      }
    }
  }

  @Test
  void eventsInAStuckSinksHandAreCountedWhenShutdownGivesUp() throws Exception {
    // The sink handles event 1 once all 100 are queued, then sticks on event 2 with 98 behind it (however
    // the channel takes them from its queue, all 98 must be counted when shutdown gives up).
    CountDownLatch allQueued = new CountDownLatch(1);
    CountDownLatch stuck = new CountDownLatch(1);
    TrailSink sink = new TrailSink() {
      @Override
      public String name() {
        return "stuck-durable";
      }

      @Override
      public Delivery delivery() {
        return Delivery.DURABLE;
      }

      @Override
      public void accept(TrailEvent event) throws InterruptedException {
        if (event.sequence() == 1) {
          allQueued.await();
        } else {
          stuck.countDown();
          new CountDownLatch(1).await(); // until interrupted
        }
      }
    };
    TestTelemetry t = TestTelemetry.create(runsDir,
        Map.of(Setting.TRAIL_QUEUE_CAPACITY, "1280", Setting.TRAIL_SINKS, "none", Setting.SHUTDOWN_TIMEOUT, "300ms"),
        sink);
    RunContext run = t.telemetry.run("agent").start();
    for (int i = 0; i < 100; i++) {
      assertThat(run.trail().record("tick", Map.of("i", i))).isEqualTo(i + 1L);
    }
    allQueued.countDown();
    assertThat(stuck.await(10, TimeUnit.SECONDS)).isTrue();
    t.telemetry.close(); // the run is still open: its end is not queued behind the events
    // Event 1 was written, event 2 was being handled (interrupted: a gap); 98 were still waiting.
    assertThat(t.telemetry.droppedCounts().get("shutdown")).isEqualTo(98L);
    assertThat(t.meters.get("runtrail.trail.gaps").tag("sink", "stuck-durable").counter().count()).isEqualTo(99.0);
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
