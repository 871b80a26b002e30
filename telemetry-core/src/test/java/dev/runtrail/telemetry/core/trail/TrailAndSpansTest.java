package dev.runtrail.telemetry.core.trail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtrail.telemetry.RunContext;
import dev.runtrail.telemetry.Step;
import dev.runtrail.telemetry.attributes.RunAttributes;
import dev.runtrail.telemetry.attributes.StepAttributes;
import dev.runtrail.telemetry.core.RuntrailTelemetry;
import dev.runtrail.telemetry.core.config.Setting;
import dev.runtrail.telemetry.core.internal.trail.SpanEventTrailSink;
import dev.runtrail.telemetry.trail.TrailEvent;
import dev.runtrail.telemetry.trail.TrailSink;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The production path of the trail (no synchronous export): events are redacted and written as span
 * events on the recording thread, the other sinks get them on their own threads, and a step's span ends
 * on the thread that closes the step, with the events recorded in it.
 */
class TrailAndSpansTest {

  private static final String CANARY = "ghp_Zq8CanaryT0kenNeverLeaks4xY7wV2bN9mK3";

  @TempDir Path runsDir;
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

  private RuntrailTelemetry telemetry(KeptSpans spans, String sinks, Map<Setting, String> more,
      TrailSink... extra) {
    return (RuntrailTelemetry) HeldSink.telemetry(runsDir, meters, spans, sinks, more, extra).build();
  }

  @Test
  void eventsReachEverySinkRedactedAndSpansEndAtTheirCloseTimeAfterTheirEvents() throws Exception {
    KeptSpans spans = new KeptSpans();
    HeldSink async = new HeldSink(TrailSink.Delivery.ASYNC, new CountDownLatch(0));
    String recorder = Thread.currentThread().getName();
    long beforeClose;
    long afterClose;
    String runId;
    RuntrailTelemetry telemetry = telemetry(spans, "span,jsonl", Map.of(), async);
    try {
      try (RunContext run = telemetry.run("deploy").env("prod").target("api").start()) {
        runId = run.runId();
        try (Step step = run.step("main/apply")) {
          assertThat(run.trail().toolCall("helm", Map.of("command", "helm upgrade --set token=" + CANARY)))
              .isEqualTo(1);
          assertThat(run.trail().toolResult("helm", Map.of("exit_code", 0, "stdout", "Bearer " + CANARY)))
              .isEqualTo(2);
          beforeClose = epochNanos();
          step.close();
          afterClose = epochNanos();
        }
        run.trail().record("note", Map.of("text", "after the step"));
      }
    } finally {
      telemetry.close();
    }

    SpanData step = spans.getFinishedSpanItems().stream().filter(s -> s.getName().equals("main/apply"))
        .findFirst().orElseThrow();
    assertThat(step.getEvents()).extracting(EventData::getName).containsExactly("tool_call", "tool_result");
    // Set as the span started, so samplers and span processors' onStart see them.
    assertThat(step.getAttributes().get(RunAttributes.RUN_ID)).isEqualTo(runId);
    assertThat(step.getAttributes().get(RunAttributes.ENV)).isEqualTo("prod");
    assertThat(step.getAttributes().get(StepAttributes.STEP_PATH)).isEqualTo("main/apply");
    assertThat(step.getAttributes().get(StepAttributes.TASK_RESULT)).isEqualTo("success");
    assertThat(step.getEvents().get(0).getAttributes().get(AttributeKey.longKey("runtrail.trail.seq"))).isEqualTo(1L);
    // The span ended when the step closed.
    assertThat(step.getEndEpochNanos()).isBetween(beforeClose, afterClose);
    assertThat(step.getEndEpochNanos()).isGreaterThanOrEqualTo(step.getStartEpochNanos());
    for (EventData event : step.getEvents()) {
      assertThat(event.getEpochNanos()).isBetween(step.getStartEpochNanos(), step.getEndEpochNanos());
    }
    SpanData root = spans.getFinishedSpanItems().stream().filter(s -> s.getName().equals("deploy"))
        .findFirst().orElseThrow();
    assertThat(root.getEvents()).extracting(EventData::getName).containsExactly("note");
    assertThat(root.getAttributes().get(RunAttributes.RUN_ID)).isEqualTo(runId);
    assertThat(root.getAttributes().get(RunAttributes.TARGET)).isEqualTo("api");
    assertThat(root.getEndEpochNanos()).isGreaterThanOrEqualTo(step.getEndEpochNanos());

    assertThat(async.events).extracting(TrailEvent::sequence).containsExactly(1L, 2L, 3L);
    assertThat(async.events).allSatisfy(e -> assertThat(e.runId()).isEqualTo(runId));
    assertThat(async.events.get(0).step()).isEqualTo("main/apply");
    assertThat(async.events.get(0).spanId()).isEqualTo(step.getSpanId());
    assertThat(async.threads).doesNotContain(recorder);

    Path trail = trailFile();
    assertThat(Files.readAllLines(trail)).hasSize(3);
    String everything = spans.getFinishedSpanItems().toString() + async.events + Files.readString(trail);
    assertThat(everything).doesNotContain(CANARY).contains("helm upgrade");
  }

  @Test
  void stepAndRunTimesInTheRunRecordAreTheTimesOfTheirSpansAndEventsFallBetween() throws Exception {
    KeptSpans spans = new KeptSpans();
    List<dev.runtrail.telemetry.core.export.FinishedRun> finished = new CopyOnWriteArrayList<>();
    HeldSink async = new HeldSink(TrailSink.Delivery.ASYNC, new CountDownLatch(0));
    RuntrailTelemetry telemetry = (RuntrailTelemetry) HeldSink.telemetry(runsDir, meters, spans, "span", Map.of(), async)
        .addRunExporter(finished::add).build();
    try (RunContext run = telemetry.run("deploy").start()) {
      try (Step step = run.step("main/apply")) {
        run.trail().toolCall("helm", Map.of("command", "helm upgrade"));
        Thread.sleep(2);
      }
    } finally {
      telemetry.close();
    }

    assertThat(finished).hasSize(1);
    SpanData stepSpan = spans.getFinishedSpanItems().stream().filter(s -> s.getName().equals("main/apply"))
        .findFirst().orElseThrow();
    SpanData rootSpan = spans.getFinishedSpanItems().stream().filter(s -> s.getName().equals("deploy"))
        .findFirst().orElseThrow();
    dev.runtrail.telemetry.core.export.StepRecord record = finished.get(0).steps().get(0);
    assertThat(epochNanos(record.startedAt())).isEqualTo(stepSpan.getStartEpochNanos());
    assertThat(epochNanos(record.endedAt())).isEqualTo(stepSpan.getEndEpochNanos());
    assertThat(epochNanos(finished.get(0).startedAt())).isEqualTo(rootSpan.getStartEpochNanos());
    assertThat(epochNanos(finished.get(0).endedAt())).isEqualTo(rootSpan.getEndEpochNanos());
    assertThat(record.duration()).isGreaterThanOrEqualTo(java.time.Duration.ofMillis(2));
    assertThat(epochNanos(async.events.get(0).timestamp()))
        .isBetween(stepSpan.getStartEpochNanos(), stepSpan.getEndEpochNanos());
  }

  @Test
  void theExporterRedactsAgainOnlyTrailEventsDeeperThanTheTrailJudgedThem() {
    KeptSpans spans = new KeptSpans();
    String customer = "cus_Q8vX2LmN4pR7sT1w";
    RuntrailTelemetry telemetry = telemetry(spans, "span", Map.of());
    try (RunContext run = telemetry.run("pay").start()) {
      run.trail().record("shallow", Map.of("api", Map.of("key", CANARY), "count", 3));
      // The trail judges a key with its parent only; on the span the whole dotted path counts.
      run.trail().record("deep", Map.of("stripe", Map.of("customer", Map.of("id", customer))));
    } finally {
      telemetry.close();
    }

    SpanData root = spans.named("pay");
    EventData shallow = root.getEvents().stream().filter(e -> e.getName().equals("shallow")).findFirst().orElseThrow();
    EventData deep = root.getEvents().stream().filter(e -> e.getName().equals("deep")).findFirst().orElseThrow();
    assertThat(shallow.getAttributes().get(AttributeKey.stringKey("api.key"))).isEqualTo("[REDACTED]");
    assertThat(SpanEventTrailSink.isRedactedTrailEvent(shallow.getAttributes())).isTrue();
    assertThat(SpanEventTrailSink.isRedactedTrailEvent(deep.getAttributes())).isFalse();
    assertThat(deep.getAttributes().get(AttributeKey.stringKey("stripe.customer.id"))).isEqualTo("[REDACTED]");
    assertThat(spans.spans.toString()).doesNotContain(CANARY).doesNotContain(customer);
  }

  private static long epochNanos(Instant instant) {
    return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
  }

  @Test
  void aStuckDurableSinkHoldsRecordersBackAndLosesNoAcceptedEvent() throws Exception {
    KeptSpans spans = new KeptSpans();
    CountDownLatch stuck = new CountDownLatch(1);
    HeldSink durable = new HeldSink(TrailSink.Delivery.DURABLE, stuck);
    RuntrailTelemetry telemetry = telemetry(spans, "span", Map.of(Setting.TRAIL_QUEUE_CAPACITY, "16",
        Setting.TRAIL_OFFER_TIMEOUT, "50ms"), durable);
    List<Long> accepted = new ArrayList<>();
    int rejected = 0;
    try {
      try (RunContext run = telemetry.run("flood").start()) {
        // The processor's 16 event places fill up (the processor hands events to the sink's queue until
        // that is full too, then waits); after that each event waits 50 ms for a place and is refused.
        for (int i = 0; i < 60; i++) {
          long sequence = run.trail().record("item", Map.of("i", i));
          if (sequence == 0) {
            rejected++;
          } else {
            accepted.add(sequence);
          }
        }
        stuck.countDown();
      }
    } finally {
      telemetry.close();
    }
    assertThat(rejected).isPositive();
    assertThat(accepted).hasSizeGreaterThanOrEqualTo(16);
    assertThat(accepted).isEqualTo(java.util.stream.LongStream.rangeClosed(1, accepted.size()).boxed().toList());
    assertThat(durable.events).extracting(TrailEvent::sequence).containsExactlyElementsOf(accepted);
    assertThat(telemetry.droppedCounts()).containsEntry("trail_queue", (long) rejected);
  }

  @Test
  void flushWaitsForEventsSpanEndsAndMetricsOfWhatWasClosedBefore() {
    KeptSpans spans = new KeptSpans();
    RuntrailTelemetry telemetry = telemetry(spans, "span", Map.of());
    try {
      for (int i = 0; i < 200; i++) {
        try (RunContext run = telemetry.run("deploy").env("prod").start(); Step step = run.step("apply")) {
          run.trail().toolCall("kubectl", Map.of("args", "apply -f app.yaml"));
        }
      }
      assertThat(telemetry.flush(java.time.Duration.ofSeconds(10))).isTrue();
      assertThat(meters.get("runtrail.runs.completed").counter().count()).isEqualTo(200);
      assertThat(meters.get("runtrail.step.duration").timer().count()).isEqualTo(200);
      assertThat(meters.get("runtrail.agent.tool.calls").counter().count()).isEqualTo(200);
    } finally {
      telemetry.close();
    }
    assertThat(spans.getFinishedSpanItems()).hasSize(400);
  }

  @Test
  void anAppInlineSinkIsStillCalledOnTheRecordingThreadBeforeRecordReturns() {
    KeptSpans spans = new KeptSpans();
    HeldSink inline = new HeldSink(TrailSink.Delivery.INLINE, new CountDownLatch(0));
    RuntrailTelemetry telemetry = telemetry(spans, "span", Map.of(), inline);
    try (RunContext run = telemetry.run("deploy").start()) {
      run.trail().record("note", Map.of("token", CANARY));
      assertThat(inline.events).hasSize(1);
      assertThat(inline.threads).containsExactly(Thread.currentThread().getName());
      assertThat(inline.events.get(0).data().toString()).doesNotContain(CANARY);
    } finally {
      telemetry.close();
    }
  }

  @Test
  void closingTelemetryDeliversWhatWasRecordedJustBefore() throws Exception {
    KeptSpans spans = new KeptSpans();
    HeldSink async = new HeldSink(TrailSink.Delivery.ASYNC, new CountDownLatch(0));
    RuntrailTelemetry telemetry = telemetry(spans, "span,jsonl", Map.of(), async);
    RunContext open = telemetry.run("left-open").start();
    Step step = open.step("work");
    for (int i = 0; i < 500; i++) {
      open.trail().record("item", Map.of("i", i));
    }
    telemetry.close();
    assertThat(async.events).hasSize(500);
    assertThat(Files.readAllLines(trailFile())).hasSize(500);
    SpanData work = spans.getFinishedSpanItems().stream().filter(s -> s.getName().equals("work"))
        .findFirst().orElseThrow();
    // A span keeps at most 128 events; it has ended, with the first of them.
    assertThat(work.getEvents()).hasSize(128);
    assertThat(work.hasEnded()).isTrue();
    assertThat(step.status()).isNotNull();
  }

  /** The JSON Lines sink makes a run's folder and file only when the run has an event to write. */
  @Test
  void aRunWithoutTrailEventsGetsNoFolderAndOneWithEventsGetsOneFile() throws Exception {
    RuntrailTelemetry telemetry = telemetry(new KeptSpans(), "span,log,jsonl", Map.of());
    String chattyId;
    try {
      try (RunContext quiet = telemetry.run("quiet").env("prod").start(); Step step = quiet.step("work")) {
        step.exitCode(0);
      }
      try (RunContext chatty = telemetry.run("chatty").env("prod").start()) {
        chattyId = chatty.runId();
        chatty.trail().record("note", Map.of("text", "one"));
        chatty.trail().record("note", Map.of("text", "two"));
      }
      assertThat(telemetry.flush(java.time.Duration.ofSeconds(10))).isTrue();
    } finally {
      telemetry.close();
    }
    try (Stream<Path> files = Files.walk(runsDir)) {
      List<Path> regular = files.filter(Files::isRegularFile).toList();
      assertThat(regular).hasSize(1);
      assertThat(Files.readAllLines(regular.get(0))).hasSize(2);
    }
    try (Stream<Path> folders = Files.walk(runsDir, 4)) {
      // <env>/<target>/<plan hash>/<run id>: one run folder, the chatty run's.
      assertThat(folders.filter(p -> runsDir.relativize(p).getNameCount() == 4 && Files.isDirectory(p)).toList())
          .extracting(p -> p.getFileName().toString()).containsExactly(chattyId);
    }
  }

  private Path trailFile() throws Exception {
    try (Stream<Path> files = Files.walk(runsDir)) {
      return files.filter(p -> p.getFileName().toString().equals("trail.jsonl")).findFirst().orElseThrow();
    }
  }

  private static long epochNanos() {
    Instant now = Instant.now();
    return TimeUnit.SECONDS.toNanos(now.getEpochSecond()) + now.getNano();
  }
}
