package dev.runtrail.telemetry.core.trail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtrail.telemetry.RunContext;
import dev.runtrail.telemetry.RunStatus;
import dev.runtrail.telemetry.Step;
import dev.runtrail.telemetry.core.Runtrail;
import dev.runtrail.telemetry.core.RuntrailBuilder;
import dev.runtrail.telemetry.core.RuntrailTelemetry;
import dev.runtrail.telemetry.core.config.Setting;
import dev.runtrail.telemetry.core.export.FinishedRun;
import dev.runtrail.telemetry.trail.ActionTrail;
import dev.runtrail.telemetry.trail.TrailEvent;
import dev.runtrail.telemetry.trail.TrailSink;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.common.AttributeKey;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The trail under failure: fatal errors, stuck sinks, shutdown, concurrent recorders, late runs. Each test is a guarantee of the README's action trail section or of the failure model.
 */
class TrailFailureTest {

  @TempDir Path runsDir;
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

  private RuntrailBuilder builder(KeptSpans spans, String sinks, Map<Setting, String> more, TrailSink... extra) {
    return HeldSink.telemetry(runsDir, meters, spans, sinks, more, extra);
  }

  private RuntrailTelemetry telemetry(KeptSpans spans, String sinks, Map<Setting, String> more, TrailSink... extra) {
    return (RuntrailTelemetry) builder(spans, sinks, more, extra).build();
  }

  /** Records until the trail refuses an event (the durable sink is stuck); returns the accepted sequences. */
  private static List<Long> recordUntilRefused(RunContext run) {
    List<Long> accepted = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      long sequence = run.trail().record("item", Map.of("i", i));
      if (sequence == 0) {
        return accepted;
      }
      accepted.add(sequence);
    }
    throw new AssertionError("the trail never refused an event");
  }

  // ---- failure model: VirtualMachineError ----

  /**
   * A VirtualMachineError thrown by a durable sink on its own thread is reported and the thread lives on:
   * were it to die, its queue would never drain and every recorder would wait its offer timeout and be
   * refused for the rest of the process.
   */
  @Test
  void aFatalErrorInADurableSinkDoesNotStallTheTrailForever() {
    AtomicBoolean first = new AtomicBoolean(true);
    List<TrailEvent> kept = new CopyOnWriteArrayList<>();
    TrailSink dying = new TrailSink() {
      @Override
      public String name() {
        return "dying";
      }

      @Override
      public Delivery delivery() {
        return Delivery.DURABLE;
      }

      @Override
      public void accept(TrailEvent event) {
        if (first.getAndSet(false)) {
          throw new StackOverflowError("simulated: a recursion bug in a custom sink, once");
        }
        kept.add(event);
      }
    };
    RuntrailTelemetry telemetry = telemetry(new KeptSpans(), "span", Map.of(Setting.TRAIL_QUEUE_CAPACITY, "16",
        Setting.TRAIL_OFFER_TIMEOUT, "20ms", Setting.SHUTDOWN_TIMEOUT, "300ms"), dying);
    int refused = 0;
    try (RunContext run = telemetry.run("agent").start()) {
      for (int i = 0; i < 80; i++) {
        if (run.trail().record("tick", Map.of("i", i)) == 0) {
          refused++;
        }
      }
    } finally {
      telemetry.close();
    }
    // One bad event may be a gap; the sink (or at least the app's recording) must carry on.
    assertThat(refused).as("events refused after the durable sink's thread died").isZero();
  }

  // ---- shutdown ----

  /**
   * close() is bounded by RUNTRAIL_SHUTDOWN_TIMEOUT even with a stuck durable sink: closing the runs and
   * steps still open does not wait for the stuck sink.
   */
  @Test
  void closeStaysWithinTheShutdownTimeoutWhenADurableSinkIsStuck() {
    CountDownLatch stuck = new CountDownLatch(1);
    HeldSink durable = new HeldSink(TrailSink.Delivery.DURABLE, stuck);
    RuntrailTelemetry telemetry = telemetry(new KeptSpans(), "span", Map.of(Setting.TRAIL_QUEUE_CAPACITY, "16",
        Setting.TRAIL_OFFER_TIMEOUT, "100ms", Setting.SHUTDOWN_TIMEOUT, "300ms"), durable);
    try {
      RunContext first = telemetry.run("first").start();
      recordUntilRefused(first);
      for (int i = 0; i < 4; i++) {
        RunContext open = telemetry.run("open-" + i).start();
        open.startStep("a");
        open.startStep("b");
      }
      long start = System.nanoTime();
      telemetry.close();
      long tookMillis = (System.nanoTime() - start) / 1_000_000;
      assertThat(tookMillis).as("close() with a 300 ms shutdown timeout, ms").isLessThan(1_000);
    } finally {
      stuck.countDown();
      telemetry.close();
    }
  }

  /**
   * Accepted events that never reach the durable sink because shutdown timed out are each counted as a
   * gap of that sink (runtrail.trail.gaps: "Accepted trail events a durable sink failed to persist"),
   * wherever they were: in the sink's queue or being written.
   */
  @Test
  void acceptedEventsLostAtShutdownAreCountedAsGapsOfTheDurableSink() {
    CountDownLatch stuck = new CountDownLatch(1);
    HeldSink durable = new HeldSink(TrailSink.Delivery.DURABLE, stuck);
    RuntrailTelemetry telemetry = telemetry(new KeptSpans(), "span", Map.of(Setting.TRAIL_QUEUE_CAPACITY, "16",
        Setting.TRAIL_OFFER_TIMEOUT, "20ms", Setting.SHUTDOWN_TIMEOUT, "300ms"), durable);
    List<Long> accepted;
    int delivered;
    try {
      RunContext run = telemetry.run("stuck").start();
      accepted = recordUntilRefused(run);
      telemetry.close();
      delivered = durable.events.size();
    } finally {
      stuck.countDown();
    }
    long missing = accepted.size() - delivered;
    assertThat(missing).isPositive();
    assertThat(telemetry.droppedCounts().getOrDefault("trail_gap:" + durable.name(), 0L))
        .as("gaps counted for %d accepted, undelivered events; all counts: %s", missing, telemetry.droppedCounts())
        .isEqualTo(missing);
  }

  // ---- flush ----

  /**
   * flush() "waits until everything queued before this call has run" and returns false on timeout: with
   * a stuck durable sink and events queued for it, it must not report success.
   */
  @Test
  void flushDoesNotReportSuccessWhileEarlierWorkIsStillQueued() {
    CountDownLatch stuck = new CountDownLatch(1);
    HeldSink durable = new HeldSink(TrailSink.Delivery.DURABLE, stuck);
    KeptSpans spans = new KeptSpans();
    RuntrailTelemetry telemetry = telemetry(spans, "span", Map.of(Setting.TRAIL_QUEUE_CAPACITY, "16",
        Setting.TRAIL_OFFER_TIMEOUT, "20ms", Setting.SHUTDOWN_TIMEOUT, "300ms"), durable);
    try {
      RunContext run = telemetry.run("pile").start();
      recordUntilRefused(run); // refused after 20 ms without room: the sink is stuck
      for (int i = 0; i < 40; i++) {
        run.startStep("s" + i).close();
      }
      assertThat(telemetry.flush(Duration.ofMillis(300)))
          .as("flush() with the durable sink stuck and events queued for it")
          .isFalse();
    } finally {
      stuck.countDown();
      telemetry.close();
    }
  }

  // ---- sequence order = time order ----

  /**
   * With concurrent recorders, a later sequence number never carries an earlier time (the time is
   * stamped under the trail's lock, as the sequence number is). Made deterministic by holding the
   * trail's monitor.
   */
  @Test
  void eventTimesFollowSequenceOrderWithConcurrentRecorders() throws Exception {
    HeldSink async = new HeldSink(TrailSink.Delivery.ASYNC, new CountDownLatch(0));
    RuntrailTelemetry telemetry = telemetry(new KeptSpans(), "span", Map.of(), async);
    try (RunContext run = telemetry.run("race").start()) {
      ActionTrail trail = run.trail();
      Thread other = new Thread(() -> trail.record("stamped_first", Map.of()));
      synchronized (trail) {
        other.start();
        while (other.getState() != Thread.State.BLOCKED) {
          Thread.sleep(1);
        }
        Thread.sleep(5);
        trail.record("stamped_second", Map.of());
      }
      other.join();
    } finally {
      telemetry.close();
    }
    assertThat(async.events).extracting(TrailEvent::sequence).containsExactly(1L, 2L);
    assertThat(async.events.get(1).timestamp())
        .as("time of sequence 2 (%s) vs sequence 1", async.events.get(1).type())
        .isAfterOrEqualTo(async.events.get(0).timestamp());
  }

  // ---- attributes ----

  /** A value the app set with run.attribute(...) during the run wins over the builder's. */
  @Test
  void anAttributeTheAppUpdatesDuringTheRunKeepsItsNewValue() {
    AttributeKey<String> model = AttributeKey.stringKey("app.model");
    KeptSpans spans = new KeptSpans();
    RuntrailTelemetry telemetry = telemetry(spans, "span", Map.of());
    try (RunContext run = telemetry.run("agent").attribute(model, "small").start()) {
      run.attribute(model, "large"); // e.g. fell back to another model
    } finally {
      telemetry.close();
    }
    assertThat(spans.named("agent").getAttributes().get(model)).isEqualTo("large");
  }

  /** The same for a step: a step's own attribute wins over the run's common ones as the step ends. */
  @Test
  void anAttributeAStepSetsIsNotOverwrittenByTheRunsAsTheStepEnds() {
    AttributeKey<String> model = AttributeKey.stringKey("app.model");
    KeptSpans spans = new KeptSpans();
    RuntrailTelemetry telemetry = telemetry(spans, "span", Map.of());
    try (RunContext run = telemetry.run("agent").attribute(model, "small").start();
        Step step = run.step("plan")) {
      step.attribute(model, "large");
    } finally {
      telemetry.close();
    }
    assertThat(spans.named("plan").getAttributes().get(model)).isEqualTo("large");
  }
  // ---- synchronous path ----

  /**
   * A run started after telemetry closed (an app thread racing the shutdown hook) and closed later does
   * not hang the app's thread with synchronousExport(true) and a run exporter: the stopped sinks have
   * nothing to wait for.
   */
  @Test
  void closingARunAfterTelemetryClosedDoesNotHangTheAppWithSynchronousExport() {
    RuntrailTelemetry telemetry = (RuntrailTelemetry) builder(new KeptSpans(), "jsonl", Map.of())
        .synchronousExport(true)
        .addRunExporter(finished -> { })
        .build();
    telemetry.close();
    RunContext late = telemetry.run("late").start();
    long start = System.nanoTime();
    org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(3), late::close,
        "run.close() after telemetry.close()");
    assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(1_000);
  }
  // ---- overflow policy: how long recording waits ----

  /**
   * "When it is full, recording waits up to RUNTRAIL_TRAIL_OFFER_TIMEOUT": each of several concurrent
   * recorders of one run waits its own timeout at most, not the sum of the others' (the place is taken
   * before the trail's lock).
   */
  @Test
  void aRecorderWaitsAtMostTheOfferTimeoutWhenOtherThreadsRecordToo() throws Exception {
    CountDownLatch stuck = new CountDownLatch(1);
    HeldSink durable = new HeldSink(TrailSink.Delivery.DURABLE, stuck);
    RuntrailTelemetry telemetry = telemetry(new KeptSpans(), "span", Map.of(Setting.TRAIL_QUEUE_CAPACITY, "16",
        Setting.TRAIL_OFFER_TIMEOUT, "50ms", Setting.SHUTDOWN_TIMEOUT, "300ms"), durable);
    List<Long> waits = new CopyOnWriteArrayList<>();
    try {
      RunContext run = telemetry.run("convoy").start();
      recordUntilRefused(run);
      CountDownLatch go = new CountDownLatch(1);
      List<Thread> threads = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        Thread thread = new Thread(() -> {
          try {
            go.await();
          } catch (InterruptedException e) {
            return;
          }
          long start = System.nanoTime();
          run.trail().record("item", Map.of());
          waits.add((System.nanoTime() - start) / 1_000_000);
        });
        thread.start();
        threads.add(thread);
      }
      go.countDown();
      for (Thread thread : threads) {
        thread.join();
      }
    } finally {
      stuck.countDown();
      telemetry.close();
    }
    assertThat(waits.stream().mapToLong(Long::longValue).max().orElseThrow())
        .as("longest record() with a 50 ms offer timeout, ms (all: %s)", waits).isLessThan(150);
  }

  // ---- span event order ----

  /**
   * A step's own span events (retry, stderr_tail, exception) and its trail events are on the span in the
   * order they were recorded.
   */
  @Test
  void spanEventsKeepTheOrderTheyWereRecordedIn() {
    KeptSpans spans = new KeptSpans();
    RuntrailTelemetry telemetry = telemetry(spans, "span", Map.of());
    try (RunContext run = telemetry.run("deploy").start(); Step step = run.step("apply")) {
      run.trail().toolCall("kubectl", Map.of("args", "apply"));
      step.retry(1, 137);
    } finally {
      telemetry.close();
    }
    assertThat(spans.named("apply").getEvents()).extracting(io.opentelemetry.sdk.trace.data.EventData::getName)
        .containsExactly("tool_call", "retry");
  }
  /**
   * A run that ends after telemetry closed is not lost silently: its artifacts are written or it is
   * counted as dropped at run_export.
   */
  @Test
  void aRunEndingAfterTelemetryClosedIsExportedOrCountedAsDropped() {
    List<String> exported = new CopyOnWriteArrayList<>();
    RuntrailTelemetry telemetry = (RuntrailTelemetry) builder(new KeptSpans(), "jsonl", Map.of())
        .addRunExporter(finished -> exported.add(finished.runId()))
        .build();
    telemetry.close();
    try (RunContext late = telemetry.run("late").start()) {
      late.trail().record("note", Map.of());
    }
    assertThat(exported.isEmpty() && !telemetry.droppedCounts().containsKey("run_export"))
        .as("run neither exported nor counted as dropped; counts: %s", telemetry.droppedCounts()).isFalse();
  }

  /**
   * Closing telemetry ends the runs still open, and leaves a run started after the close to the app: it is not
   * cancelled, and ends as the app ends it.
   */
  @Test
  void closingEndsTheRunsStartedBeforeItAndLeavesLaterRunsToTheApp() {
    List<FinishedRun> exported = new CopyOnWriteArrayList<>();
    RuntrailTelemetry telemetry = (RuntrailTelemetry) builder(new KeptSpans(), "span", Map.of())
        .addRunExporter(exported::add)
        .build();
    List<RunContext> before = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      before.add(telemetry.run("before-" + i).start());
    }
    telemetry.close();
    assertThat(exported).extracting(FinishedRun::name)
        .containsExactlyInAnyOrderElementsOf(before.stream().map(RunContext::name).toList());
    assertThat(exported).extracting(FinishedRun::status).containsOnly(RunStatus.CANCELLED);

    RunContext late = telemetry.run("late").start();
    late.trail().record("note", Map.of());
    Step step = late.step("work");
    step.close();
    assertThat(late.status()).isEqualTo(RunStatus.OK);
    assertThat(step.status()).isEqualTo(RunStatus.OK);
    late.fail("E_LATE", "failed by the app");
    late.close();
    assertThat(late.status()).as("ended as the app ended it").isEqualTo(RunStatus.FAILED);
    assertThat(before).extracting(RunContext::status).containsOnly(RunStatus.CANCELLED);
  }
}
