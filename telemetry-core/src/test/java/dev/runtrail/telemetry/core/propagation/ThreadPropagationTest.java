package dev.runtrail.telemetry.core.propagation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtrail.telemetry.RunContext;
import dev.runtrail.telemetry.Step;
import dev.runtrail.telemetry.core.Runtrail;
import dev.runtrail.telemetry.core.TestTelemetry;
import dev.runtrail.telemetry.trail.TrailEvent;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.MDC;

class ThreadPropagationTest {

  @TempDir Path runsDir;
  TestTelemetry t;
  ExecutorService pool;

  @BeforeEach
  void setUp() {
    MDC.clear();
    t = TestTelemetry.create(runsDir);
    pool = Executors.newFixedThreadPool(1);
  }

  @AfterEach
  void tearDown() throws Exception {
    pool.shutdownNow();
    pool.awaitTermination(5, TimeUnit.SECONDS);
    t.close();
    MDC.clear();
  }

  /** What a task saw of its context. */
  record Seen(RunContext run, Step step, String mdcRunId, String mdcSpanId, String mdcCorrelationId,
      String spanId, String appMdc) {
    static Seen now() {
      return new Seen(RunContext.current(), Step.current(), MDC.get("run_id"), MDC.get("span_id"),
          MDC.get("correlation_id"), Span.current().getSpanContext().getSpanId(), MDC.get("app_key"));
    }
  }

  private void assertSawStep(Seen seen, RunContext run, Step step) {
    assertThat(seen.run()).isSameAs(run);
    assertThat(seen.step()).isSameAs(step);
    assertThat(seen.mdcRunId()).isEqualTo(run.runId());
    assertThat(seen.mdcCorrelationId()).isEqualTo(run.correlationId());
    assertThat(seen.mdcSpanId()).isEqualTo(step.spanContext().getSpanId());
    assertThat(seen.spanId()).isEqualTo(step.spanContext().getSpanId());
    assertThat(seen.appMdc()).as("the app's own MDC keys travel too").isEqualTo("app-value");
  }

  /** The pool thread must be back to nothing: no run, no span, no MDC. */
  private void assertPoolThreadIsClean() throws Exception {
    Seen after = pool.submit(Seen::now).get();
    assertThat(after.run().isRecording()).isFalse();
    assertThat(after.step().path()).isEmpty();
    assertThat(after.mdcRunId()).isNull();
    assertThat(after.appMdc()).isNull();
    assertThat(Span.fromContext(pool.submit(Context::current).get()).getSpanContext().isValid()).isFalse();
  }

  @Test
  void executorServiceTasksSeeTheSubmittersRunStepAndMdc() throws Exception {
    ExecutorService wrapped = Runtrail.wrap(pool);
    try (RunContext run = t.telemetry.run("agent").start(); Step step = run.step("agent/fanout")) {
      MDC.put("app_key", "app-value");
      assertSawStep(wrapped.submit(Seen::now).get(), run, step);
      MDC.remove("app_key");
    }
    assertPoolThreadIsClean();
  }

  @Test
  void plainExecutorTasksSeeTheContext() throws Exception {
    Executor wrapped = Runtrail.wrap((Executor) pool::execute);
    AtomicReference<Seen> seen = new AtomicReference<>();
    CountDownLatch done = new CountDownLatch(1);
    try (RunContext run = t.telemetry.run("agent").start(); Step step = run.step("agent/fanout")) {
      MDC.put("app_key", "app-value");
      wrapped.execute(() -> {
        seen.set(Seen.now());
        done.countDown();
      });
      assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
      assertSawStep(seen.get(), run, step);
      MDC.remove("app_key");
    }
    assertPoolThreadIsClean();
  }

  @Test
  void completableFutureStagesSeeTheContext() throws Exception {
    Executor wrapped = Runtrail.wrap(pool);
    try (RunContext run = t.telemetry.run("agent").start(); Step step = run.step("agent/fanout")) {
      MDC.put("app_key", "app-value");
      Seen seen = CompletableFuture.supplyAsync(() -> "x", wrapped)
          .thenApplyAsync(x -> Seen.now(), wrapped)
          .get(5, TimeUnit.SECONDS);
      assertSawStep(seen, run, step);
      MDC.remove("app_key");
    }
    assertPoolThreadIsClean();
  }

  @Test
  void scheduledTasksSeeTheContext() throws Exception {
    ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    try {
      ScheduledExecutorService wrapped = Runtrail.wrap(scheduler);
      try (RunContext run = t.telemetry.run("agent").start(); Step step = run.step("agent/later")) {
        MDC.put("app_key", "app-value");
        assertSawStep(wrapped.schedule(Seen::now, 10, TimeUnit.MILLISECONDS).get(), run, step);
        MDC.remove("app_key");
      }
      Seen after = scheduler.schedule(Seen::now, 1, TimeUnit.MILLISECONDS).get();
      assertThat(after.mdcRunId()).isNull();
      assertThat(after.run().isRecording()).isFalse();
    } finally {
      scheduler.shutdownNow();
    }
  }

  @Test
  void wrappedRunnableAndCallableCarryTheContext() throws Exception {
    try (RunContext run = t.telemetry.run("agent").start(); Step step = run.step("agent/task")) {
      MDC.put("app_key", "app-value");
      Callable<Seen> callable = Runtrail.wrap((Callable<Seen>) Seen::now);
      AtomicReference<Seen> fromRunnable = new AtomicReference<>();
      Runnable runnable = Runtrail.wrap((Runnable) () -> fromRunnable.set(Seen.now()));
      MDC.remove("app_key");
      assertSawStep(pool.submit(callable).get(), run, step);
      pool.submit(runnable).get();
      assertSawStep(fromRunnable.get(), run, step);
    }
    assertPoolThreadIsClean();
  }

  @Test
  void trailEventsRecordedOnAPoolThreadCarryTheStep() throws Exception {
    ExecutorService wrapped = Runtrail.wrap(pool);
    try (RunContext run = t.telemetry.run("agent").start(); Step step = run.step("agent/fanout")) {
      wrapped.submit(() -> run.trail().toolCall("read-file", Map.of("path", "a.tf"))).get();
      TrailEvent event = t.trail.events(run.runId()).get(0);
      assertThat(event.step()).isEqualTo("agent/fanout");
      assertThat(event.spanId()).isEqualTo(step.spanContext().getSpanId());
    }
  }

  @Test
  void stepsOpenedOnAPoolThreadNestUnderTheSubmittersStep() throws Exception {
    ExecutorService wrapped = Runtrail.wrap(pool);
    try (RunContext run = t.telemetry.run("agent").start(); Step step = run.step("agent/fanout")) {
      wrapped.submit(() -> {
        try (Step child = run.step("agent/fanout/task-1")) {
          child.exitCode(0);
        }
      }).get();
    }
    assertThat(t.span("agent/fanout/task-1").getParentSpanId()).isEqualTo(t.span("agent/fanout").getSpanId());
    assertPoolThreadIsClean();
  }
}
