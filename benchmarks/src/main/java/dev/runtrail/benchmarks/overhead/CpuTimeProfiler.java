package dev.runtrail.benchmarks.overhead;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * CPU time per operation, of the whole benchmark JVM and split by who spent it: the measuring thread,
 * Runtrail's own threads ({@code runtrail-*}), and the rest (GC, JIT, the BatchSpanProcessor, JMH).
 * Use with {@code -prof dev.runtrail.benchmarks.overhead.CpuTimeProfiler}.
 *
 * <p>Why: the measuring thread's time is what the app waits for, but work moved to other threads still
 * costs the machine a core. A wall-time ratio alone would hide that; {@code cpu.total.norm} (instrumented
 * ÷ bare) does not. Housekeeping that a benchmark does between iterations on the measuring thread (deleting
 * run folders) is subtracted, as reported to {@link #housekeeping(long)}.
 *
 * <p>Results (ns of CPU per operation): {@code cpu.total.norm}, {@code cpu.measuring.norm}, {@code
 * cpu.runtrail.norm}, {@code cpu.other.norm}.
 */
public final class CpuTimeProfiler implements InternalProfiler {

  private static final AtomicLong HOUSEKEEPING_NANOS = new AtomicLong();
  /** The last CPU time read of Runtrail's threads that {@link #beforeThreadsEnd()} saw, by thread id. */
  private static final Map<Long, Long> ENDED_THREADS = new ConcurrentHashMap<>();

  private final com.sun.management.OperatingSystemMXBean os =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  private final java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();

  private Sample before;

  /** Reports CPU time a benchmark spent on housekeeping that is not part of what it measures. */
  public static void housekeeping(long cpuNanos) {
    HOUSEKEEPING_NANOS.addAndGet(cpuNanos);
  }

  /**
   * Reads the CPU time of Runtrail's threads now, for when they have ended by the end of the iteration:
   * JMH tears a trial down (closing the telemetry, ending its threads) before the last iteration's
   * results are taken.
   */
  public static void beforeThreadsEnd() {
    java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (info != null && info.getThreadName().startsWith("runtrail-")) {
        ENDED_THREADS.put(info.getThreadId(), Math.max(0, threads.getThreadCpuTime(info.getThreadId())));
      }
    }
  }

  /** The calling thread's CPU time so far (ns), for {@link #housekeeping(long)}. */
  public static long currentThreadCpuNanos() {
    return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
  }

  @Override
  public String getDescription() {
    return "CPU time per operation: whole JVM, measuring thread, Runtrail's threads, the rest";
  }

  @Override
  public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
    before = sample();
  }

  @Override
  public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams,
      IterationParams iterationParams, IterationResult result) {
    Sample after = sample();
    long ops = result.getMetadata().getAllOps();
    if (before == null || ops <= 0) {
      return List.of();
    }
    long housekeeping = after.housekeeping - before.housekeeping;
    long total = after.process - before.process - housekeeping;
    long measuring = after.measuring - before.measuring - housekeeping;
    long runtrail = after.runtrail - before.runtrail;
    List<Result> out = new ArrayList<>();
    out.add(perOp("cpu.total.norm", total, ops));
    out.add(perOp("cpu.measuring.norm", measuring, ops));
    out.add(perOp("cpu.runtrail.norm", runtrail, ops));
    out.add(perOp("cpu.other.norm", total - measuring - runtrail, ops));
    return out;
  }

  private static ScalarResult perOp(String name, long nanos, long ops) {
    return new ScalarResult(name, (double) nanos / ops, "ns/op", AggregationPolicy.AVG);
  }

  /**
   * CPU times read at one moment. A Runtrail thread that has ended counts with its last reading before
   * it did ({@link #beforeThreadsEnd()}).
   */
  private Sample sample() {
    long measuring = 0;
    long runtrail = 0;
    Map<Long, Long> ended = new HashMap<>(ENDED_THREADS);
    for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (info == null) {
        continue;
      }
      String name = info.getThreadName();
      boolean isMeasuring = name.contains("jmh-worker");
      boolean isRuntrail = name.startsWith("runtrail-");
      if (isMeasuring || isRuntrail) {
        long cpu = Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
        if (isMeasuring) {
          measuring += cpu;
        } else {
          runtrail += cpu;
          ended.remove(info.getThreadId());
        }
      }
    }
    for (long cpu : ended.values()) {
      runtrail += cpu;
    }
    return new Sample(os.getProcessCpuTime(), measuring, runtrail, HOUSEKEEPING_NANOS.get());
  }

  private record Sample(long process, long measuring, long runtrail, long housekeeping) {}
}
