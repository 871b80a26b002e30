package dev.runtrail.benchmarks.runs;

import dev.runtrail.runs.internal.cli.Cli;
import dev.runtrail.runs.internal.cli.CliEnvironment;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code runtrail runs list --env prod --since 48h} over an index of 100,000 runs, executed in-process
 * (picocli parsing, opening runs.db, the indexed query, the count, and formatting the table): the
 * command's cost without JVM start-up. Each invocation opens the index afresh, as the CLI does.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RunsListBenchmark {

  @Param({"100000"})
  int runs;

  private Path dir;
  private CliEnvironment environment;
  private final PrintWriter sink = new PrintWriter(Writer.nullWriter());

  @Setup(Level.Trial)
  public void seed() throws Exception {
    dir = Files.createTempDirectory("runs-list-bench");
    Instant now = Instant.parse("2026-11-25T00:00:00Z");
    RunsIndexSeed.seed(dir, runs, now);
    environment = new CliEnvironment(Clock.fixed(now, ZoneOffset.UTC), Map.of(), new Properties(), path -> false);
  }

  @Benchmark
  public int listProdLast48h() {
    return Cli.commandLine(environment, sink, sink)
        .execute("runs", "list", "--runs-dir", dir.toString(), "--env", "prod", "--since", "48h");
  }

  @Benchmark
  public int listProdLast48hAsJson() {
    return Cli.commandLine(environment, sink, sink)
        .execute("runs", "list", "--runs-dir", dir.toString(), "--env", "prod", "--since", "48h", "--json");
  }

  @TearDown(Level.Trial)
  public void delete() throws Exception {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    }
  }
}
