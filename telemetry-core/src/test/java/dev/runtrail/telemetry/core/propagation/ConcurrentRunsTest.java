package dev.runtrail.telemetry.core.propagation;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.runtrail.telemetry.RunContext;
import dev.runtrail.telemetry.Step;
import dev.runtrail.telemetry.core.Runtrail;
import dev.runtrail.telemetry.core.TestTelemetry;
import dev.runtrail.telemetry.core.config.Setting;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** 1,000 runs interleaved on shared pools: every log line carries its own run's ids. */
class ConcurrentRunsTest {

  private static final org.slf4j.Logger APP_LOG = LoggerFactory.getLogger("app.concurrent-runs");

  @TempDir Path runsDir;

  @Test
  void thousandInterleavedRunsKeepTheirOwnIdsInEveryLogLine() throws Exception {
    Logger logger = (Logger) LoggerFactory.getLogger("app.concurrent-runs");
    ListAppender<ILoggingEvent> appender = new ListAppender<>() {
      @Override
      protected void append(ILoggingEvent event) {
        event.prepareForDeferredProcessing(); // freeze the MDC of the logging thread now
        super.append(event);
      }
    };
    appender.start();
    logger.addAppender(appender);
    logger.setAdditive(false);
    int runs = 1_000;
    Map<String, String> correlationByRun = new ConcurrentHashMap<>();
    ExecutorService starters = Executors.newFixedThreadPool(8);
    ExecutorService shared = Runtrail.wrap(Executors.newFixedThreadPool(4));
    try (TestTelemetry t = TestTelemetry.create(runsDir, Map.of(Setting.TRAIL_SINKS, "none"))) {
      List<Future<?>> started = new ArrayList<>();
      for (int i = 0; i < runs; i++) {
        int n = i;
        started.add(starters.submit(() -> {
          try (RunContext run = t.telemetry.run("job-" + n).start()) {
            correlationByRun.put(run.runId(), run.correlationId());
            APP_LOG.info("run {} starting", run.runId());
            List<Future<?>> tasks = new ArrayList<>();
            try (Step step = run.step("fanout")) {
              for (int task = 0; task < 3; task++) {
                int k = task;
                tasks.add(shared.submit(() -> APP_LOG.info("run {} task {}", run.runId(), k)));
              }
              for (Future<?> task : tasks) {
                task.get(30, TimeUnit.SECONDS);
              }
            }
            APP_LOG.info("run {} done", run.runId());
          }
          return null;
        }));
      }
      for (Future<?> future : started) {
        future.get(120, TimeUnit.SECONDS);
      }
    } finally {
      starters.shutdownNow();
      shared.shutdownNow();
      logger.detachAppender(appender);
    }
    assertThat(correlationByRun).hasSize(runs);
    assertThat(appender.list).hasSize(runs * 5);
    for (ILoggingEvent event : appender.list) {
      String runInMessage = (String) event.getArgumentArray()[0];
      Map<String, String> mdc = event.getMDCPropertyMap();
      assertThat(mdc.get("run_id")).as(event.getFormattedMessage()).isEqualTo(runInMessage);
      assertThat(mdc.get("correlation_id")).as(event.getFormattedMessage()).isEqualTo(correlationByRun.get(runInMessage));
      assertThat(mdc.get("trace_id")).as(event.getFormattedMessage()).hasSize(32);
    }
  }
}
