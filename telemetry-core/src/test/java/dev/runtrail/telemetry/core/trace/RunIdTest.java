package dev.runtrail.telemetry.core.trace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtrail.telemetry.RunContext;
import dev.runtrail.telemetry.core.TestTelemetry;
import dev.runtrail.telemetry.core.config.Setting;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunIdTest {

  @TempDir Path runsDir;

  @Test
  void runIdHasTheSeedFormatInUtc() {
    try (TestTelemetry t = TestTelemetry.create(runsDir)) {
      Instant before = Instant.now();
      try (RunContext run = t.telemetry.run("deploy").start()) {
        assertThat(run.runId()).matches("run-\\d{8}-\\d{6}-[0-9a-f]{6}");
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(before);
        String after = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now());
        assertThat(run.runId().substring(4, 19)).isBetween(stamp, after);
      }
    }
  }

  @Test
  void runIdsAreUniqueForManyConcurrentStartsInTheSameSecond() throws Exception {
    try (TestTelemetry t = TestTelemetry.create(runsDir, Map.of(Setting.TRAIL_SINKS, "none"))) {
      Set<String> ids = ConcurrentHashMap.newKeySet();
      int threads = 8;
      int perThread = 2_500;
      CountDownLatch start = new CountDownLatch(1);
      List<Thread> workers = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        Thread worker = new Thread(() -> {
          try {
            start.await();
          } catch (InterruptedException e) {
            return;
          }
          for (int j = 0; j < perThread; j++) {
            RunContext run = t.telemetry.run("r").start();
            ids.add(run.runId());
            run.close();
          }
        });
        worker.start();
        workers.add(worker);
      }
      start.countDown();
      for (Thread worker : workers) {
        worker.join();
      }
      assertThat(ids).hasSize(threads * perThread);
    }
  }
}
