package dev.runtrail.testkit.dogfood;

import static dev.runtrail.testkit.RuntrailAssertions.assertThat;
import static dev.runtrail.testkit.RuntrailAssertions.assertThatThrownBy;

import dev.runtrail.telemetry.RunContext;
import dev.runtrail.telemetry.Step;
import dev.runtrail.telemetry.core.Runtrail;
import dev.runtrail.testkit.Captured;
import dev.runtrail.testkit.LogLine;
import dev.runtrail.testkit.RuntrailTest;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Core's MDC tests (telemetry-core MdcTest) as log assertions: what the app's log lines carry. */
@SuppressWarnings("try") // runs and steps are opened for their scope
@RuntrailTest
class LogCorrelationTest {

  static final Logger LOG = LoggerFactory.getLogger("com.example.Deployer");

  @Test
  void everyLineOfARunCarriesItsIdsAndEachLineTheSpanItWasLoggedIn(Captured captured) {
    String runSpan;
    String stepSpan;
    try (RunContext run = captured.telemetry().run("deploy").correlationId("corr-42").start()) {
      runSpan = run.spanContext().getSpanId();
      LOG.info("planning");
      try (Step step = run.step("main/build")) {
        stepSpan = step.spanContext().getSpanId();
        LOG.info("building");
      }
      LOG.info("done");
    }
    LOG.info("after the run");
    assertThat(captured.logs()).everyLineOf(captured.run("deploy"))
        .carriesRunId().carriesMdc("trace_id").carriesMdc("span_id").carriesMdc("trace_flags");
    assertThat(captured.logs().lines()).extracting(line -> line.message() + " " + line.mdc().get("span_id")
            + " " + line.mdc().get("correlation_id"))
        .containsExactly("planning " + runSpan + " corr-42", "building " + stepSpan + " corr-42",
            "done " + runSpan + " corr-42", "after the run null null");
  }

  @Test
  void aWrappedExecutorCarriesTheRunToItsThreads(Captured captured) throws Exception {
    ExecutorService pool = Runtrail.wrap(Executors.newSingleThreadExecutor());
    try (RunContext run = captured.telemetry().run("deploy").start()) {
      pool.submit(() -> LOG.info("checking health")).get();
    } finally {
      pool.shutdown();
    }
    assertThat(captured.logs()).everyLineOf(captured.run("deploy")).carriesRunId();
    assertThat(captured.logs().lines()).extracting(LogLine::thread).allMatch(name -> name.startsWith("pool-"));
  }

  @Test
  void aPlainExecutorDoesNotAndTheTestkitSaysWhichLine(Captured captured) throws Exception {
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try (RunContext run = captured.telemetry().run("deploy").start()) {
      pool.submit(() -> LOG.info("checking health")).get();
    } finally {
      pool.shutdown();
    }
    assertThatThrownBy(() -> assertThat(captured.logs()).everyLineOf(captured.run("deploy")).carriesRunId())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("1 of 1 did not:")
        .hasMessageContaining("com.example.Deployer: 'checking health' mdc={}");
  }
}
