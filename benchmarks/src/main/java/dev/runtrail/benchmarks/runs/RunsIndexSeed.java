package dev.runtrail.benchmarks.runs;

import dev.runtrail.runs.internal.index.RunIndex;
import dev.runtrail.runs.internal.summary.RunSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Fills a runs directory's index with synthetic runs for the {@code runs list} benchmark: {@code count}
 * runs spread evenly over the last 90 days across prod, staging and dev and 20 targets, one in ten
 * failed, each with two steps. Only runs.db is written: {@code runs list} reads nothing else.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.runtrail.benchmarks.runs.RunsIndexSeed /tmp/runs-100k 100000
 * </pre>
 */
public final class RunsIndexSeed {

  private static final List<String> ENVS = List.of("prod", "staging", "dev");

  private RunsIndexSeed() {}

  public static void main(String[] args) throws Exception {
    Path dir = Paths.get(args.length > 0 ? args[0] : "target/runs-100k");
    int count = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
    long started = System.nanoTime();
    seed(dir, count, Instant.now());
    System.out.printf("Indexed %,d runs into %s in %.1f s%n", count, dir.resolve("runs.db"),
        (System.nanoTime() - started) / 1e9);
  }

  /** Writes {@code count} runs ending at {@code now} into {@code dir/runs.db} (replacing what it held). */
  public static void seed(Path dir, int count, Instant now) throws Exception {
    Files.createDirectories(dir);
    long spacingMs = Duration.ofDays(90).toMillis() / count;
    try (RunIndex index = RunIndex.open(dir.resolve("runs.db"))) {
      index.replaceAll(() -> new Iterator<>() {
        private int i;

        @Override
        public boolean hasNext() {
          return i < count;
        }

        @Override
        public RunIndex.IndexedRunData next() {
          if (!hasNext()) {
            throw new NoSuchElementException();
          }
          int n = i++;
          RunSummary run = run(n, now.minusMillis(spacingMs * n));
          return new RunIndex.IndexedRunData(run, List.of(),
              run.env() + "/" + run.target() + "/" + run.planHash() + "/" + run.runId());
        }
      });
    }
  }

  private static RunSummary run(int n, Instant started) {
    String id = String.format("run-%08d-%06x", n, n & 0xffffff);
    boolean failed = n % 10 == 0;
    Instant ended = started.plusSeconds(60 + n % 240);
    List<dev.runtrail.runs.internal.summary.StepSummary> steps = List.of(
        step("main/deploy/app", started, started.plusSeconds(30), "ok", null),
        step("main/verify/healthz", started.plusSeconds(30), ended, failed ? "failed" : "ok",
            failed ? "E_HEALTH_TIMEOUT" : null));
    return new RunSummary(id, "deploy", String.format("%064x", n % 500), null, null, "target-" + (n % 20),
        ENVS.get(n % ENVS.size()), started, ended, failed ? "failed" : "ok", failed ? "E_HEALTH_TIMEOUT" : null,
        failed ? "health check timed out" : null, failed ? "main/verify/healthz" : null, "runner-" + (n % 8), null,
        null, Boolean.TRUE, null, null, "abc123", "main", Map.of(), Map.of(), steps);
  }

  private static dev.runtrail.runs.internal.summary.StepSummary step(String path, Instant start, Instant end,
      String status, String errorCode) {
    return new dev.runtrail.runs.internal.summary.StepSummary(path, null, null, start, end, status,
        "ok".equals(status) ? 0 : 137, errorCode, null, List.of(), null, Map.of());
  }
}
