package dev.runtrail.testkit;

import static dev.runtrail.telemetry.trail.TrailEventTypes.TOOL_CALL;
import static dev.runtrail.testkit.RuntrailAssertions.assertThat;

import dev.runtrail.telemetry.RunContext;
import dev.runtrail.telemetry.Step;
import dev.runtrail.telemetry.attributes.RunAttributes;
import dev.runtrail.telemetry.core.Runtrail;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tests running at the same time, sharing one extension instance, each see only their own runs, spans,
 * trail events, log lines (from the test thread, a pool thread and Runtrail's log sink thread), metrics
 * and canaries.
 */
@Execution(ExecutionMode.CONCURRENT)
class ParallelIsolationTest {

  static final Logger LOG = LoggerFactory.getLogger("com.example.Parallel");

  @RegisterExtension
  static final RuntrailExtension runtrail = RuntrailExtension.create();

  static final CountDownLatch together = new CountDownLatch(2);
  static final AtomicInteger inside = new AtomicInteger();
  static final AtomicInteger mostInside = new AtomicInteger();

  @AfterAll
  static void testsReallyOverlapped() {
    assertThat(mostInside.get()).as("tests whose runs were open at the same time").isGreaterThanOrEqualTo(2);
  }

  private static void runAlone(Captured captured, String name) throws Exception {
    Canary token = captured.canary().githubToken();
    String runId;
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try (RunContext run = captured.telemetry().run(name).start()) {
      runId = run.runId();
      mostInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
      together.countDown();
      together.await(10, TimeUnit.SECONDS);
      LOG.info("working on {}", name);
      pool.submit(Runtrail.wrap(() -> LOG.info("{} on a pool thread", name))).get();
      run.trail().toolCall("tool-" + name, Map.of("token", token.text()));
      try (Step step = run.step(name + "/step")) {
        step.exitCode(0);
      }
      Thread.sleep(20);
      inside.decrementAndGet();
    } finally {
      pool.shutdown();
    }
    assertThat(captured).hasRunCount(1).hasRun(name).hasSteps(name + "/step");
    assertThat(captured.spans()).hasSize(2)
        .allSatisfy(span -> assertThat(span.getAttributes().get(RunAttributes.RUN_ID)).isEqualTo(runId));
    assertThat(captured.trail()).hasEventCount(1).allBelongToRun(runId)
        .hasEventOfType(TOOL_CALL).withData("tool", "tool-" + name);
    assertThat(captured.logs().lines()).extracting(LogLine::message)
        .containsExactlyInAnyOrder("working on " + name, name + " on a pool thread", "action_trail:tool_call");
    assertThat(captured.logs()).everyLineOf(captured.run(name)).carriesRunId();
    assertThat(captured.meters()).counter("runtrail.runs.completed").hasCount(1);
    assertThat(captured).leaksNoCanaries();
  }

  @Test
  void first(Captured captured) throws Exception {
    runAlone(captured, "first");
  }

  @Test
  void second(Captured captured) throws Exception {
    runAlone(captured, "second");
  }

  @Test
  void third(Captured captured) throws Exception {
    runAlone(captured, "third");
  }

  @Test
  void fourth(Captured captured) throws Exception {
    runAlone(captured, "fourth");
  }
}
