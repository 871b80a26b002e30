package dev.runtrail.benchmarks.overhead;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.IterationResultMetaData;
import org.openjdk.jmh.results.Result;
import org.junit.jupiter.api.Test;

class CpuTimeProfilerTest {

  private static final long BURN_NANOS = TimeUnit.MILLISECONDS.toNanos(60);

  @Test
  void aThreadThatEndsUnreadStaysInTheProcessTotalOnly() throws Exception {
    CpuTimeProfiler profiler = new CpuTimeProfiler();
    profiler.beforeIteration(null, null);
    Thread worker = new Thread(CpuTimeProfilerTest::burn, "runtrail-test-burner");
    worker.start();
    worker.join();
    Map<String, Double> perOp = results(profiler, 10);

    assertThat(perOp.get("cpu.runtrail.norm")).isZero();
    assertThat(perOp.get("cpu.total.norm")).isGreaterThanOrEqualTo(BURN_NANOS / 10.0 * 0.9);
    assertThat(perOp.get("cpu.other.norm")).isGreaterThanOrEqualTo(BURN_NANOS / 10.0 * 0.9);
  }

  @Test
  void runtrailThreadsThatAreReadBeforeTheyEndKeepTheirCpu() throws Exception {
    CpuTimeProfiler profiler = new CpuTimeProfiler();
    Object gate = new Object();
    Thread worker = new Thread(() -> {
      burn();
      synchronized (gate) {
        try {
          gate.wait();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }, "runtrail-test-reader");
    profiler.beforeIteration(null, null);
    worker.start();
    while (threadCpu(worker) < BURN_NANOS * 9 / 10) {
      Thread.sleep(5);
    }
    CpuTimeProfiler.beforeThreadsEnd();
    worker.interrupt();
    worker.join();
    Map<String, Double> perOp = results(profiler, 4);

    assertThat(perOp.get("cpu.runtrail.norm")).isBetween(BURN_NANOS / 4.0 * 0.9, BURN_NANOS / 4.0 * 3);
    assertThat(perOp.get("cpu.total.norm")).isGreaterThanOrEqualTo(perOp.get("cpu.runtrail.norm"));
  }

  @Test
  void housekeepingOnTheMeasuringThreadIsLeftOutOfItsFigure() throws Exception {
    CpuTimeProfiler profiler = new CpuTimeProfiler();
    profiler.beforeIteration(null, null);
    CountDownLatch reported = new CountDownLatch(1);
    CountDownLatch read = new CountDownLatch(1);
    Thread measuring = new Thread(() -> {
      burn(); // measured work
      long before = CpuTimeProfiler.currentThreadCpuNanos();
      burn(); // housekeeping, reported as such
      CpuTimeProfiler.housekeeping(CpuTimeProfiler.currentThreadCpuNanos() - before);
      reported.countDown();
      awaitQuietly(read); // alive while the profiler reads it, as JMH's worker threads are
    }, "Bench.op-jmh-worker-1");
    measuring.start();
    reported.await();
    Map<String, Double> perOp = results(profiler, 1);
    read.countDown();
    measuring.join();

    assertThat(perOp.get("cpu.measuring.norm")).isBetween(BURN_NANOS * 0.8, BURN_NANOS * 1.5);
  }

  private static Map<String, Double> results(CpuTimeProfiler profiler, long ops) {
    IterationResult iteration = new IterationResult(null, null, new IterationResultMetaData(ops, ops));
    return profiler.afterIteration(null, null, iteration).stream()
        .collect(Collectors.toMap(Result::getLabel, Result::getScore));
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static long threadCpu(Thread thread) {
    return Math.max(0, java.lang.management.ManagementFactory.getThreadMXBean().getThreadCpuTime(thread.getId()));
  }

  /** Spends about {@link #BURN_NANOS} of the calling thread's CPU time. */
  private static void burn() {
    long start = CpuTimeProfiler.currentThreadCpuNanos();
    long x = 0;
    while (CpuTimeProfiler.currentThreadCpuNanos() - start < BURN_NANOS) {
      for (int i = 0; i < 10_000; i++) {
        x += i * 31L;
      }
    }
    if (x == 42) {
      System.out.print("");
    }
  }
}
