package dev.runtrail.testkit;

import static dev.runtrail.testkit.RuntrailAssertions.assertThat;

import dev.runtrail.telemetry.RunContext;
import dev.runtrail.telemetry.core.Runtrail;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

@SuppressWarnings("try") // runs and steps are opened for their scope
@RuntrailTest
class LogCaptureTest {

  static final Logger LOG = LoggerFactory.getLogger("com.example.Worker");

  /** A thread no test started: lines it logs belong to a test only through their run id. */
  static ThreadPoolExecutor foreign;

  @BeforeAll
  static void startAThreadNoTestOwns() {
    foreign = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
        task -> new Thread(task, "foreign"));
    foreign.prestartAllCoreThreads();
  }

  @AfterAll
  static void stop() {
    foreign.shutdownNow();
  }

  @Test
  void aLineCarryingARunIdGoesToTheTestOfThatRunWhateverTheThread(Captured captured) throws Exception {
    String runId;
    try (RunContext run = captured.telemetry().run("deploy").start()) {
      runId = run.runId();
      foreign.submit(Runtrail.wrap(() -> LOG.info("checked on a foreign thread"))).get();
    }
    assertThat(captured.logs().lines()).filteredOn(line -> line.thread().equals("foreign"))
        .extracting(LogLine::message, LogLine::runId)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("checked on a foreign thread", runId));
  }

  @Test
  void aLineFromAThreadTheTestStartedIsTheTestsEvenWithoutARunId(Captured captured) throws Exception {
    Thread worker = new Thread(() -> LOG.info("from a thread the test started"), "started-by-test");
    worker.start();
    worker.join();
    assertThat(captured.logs().lines()).extracting(LogLine::message).containsExactly("from a thread the test started");
  }

  @Test
  void aLineNoTestCanClaimIsKeptOnlyForTheLeakScan(Captured captured) throws Exception {
    Canary token = captured.canary().slackToken();
    foreign.submit(() -> LOG.info("posting with {}", token)).get();
    assertThat(captured.logs().lines()).isEmpty();
    assertThat(captured.scanForLeaks().leaks()).extracting(Leak::location)
        .containsExactly("unattributed log line INFO com.example.Worker 'posting with " + token.secret() + "' (message)");
  }

  @Test
  void theTestsOwnLinesCarryTheMdcAndKeyValuesTheyWereLoggedWith(Captured captured) {
    try (RunContext run = captured.telemetry().run("deploy").correlationId("corr-7").start()) {
      LOG.atInfo().addKeyValue("attempt", 2).setMessage("retrying {}").addArgument("healthz").log();
    }
    LogLine line = captured.logs().lines().get(0);
    assertThat(line.message()).isEqualTo("retrying healthz");
    assertThat(line.mdc()).containsEntry("correlation_id", "corr-7").containsKey("trace_id");
    assertThat(line.keyValues()).containsEntry("attempt", "2");
    assertThat(line.level()).isEqualTo("INFO");
  }
}
