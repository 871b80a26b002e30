package dev.runtrail.benchmarks.overhead;

import dev.runtrail.runs.RunStoreExporter;
import dev.runtrail.telemetry.core.Runtrail;
import dev.runtrail.telemetry.core.RuntrailBuilder;
import dev.runtrail.telemetry.core.RuntrailTelemetry;
import dev.runtrail.telemetry.core.config.RuntrailConfig;
import dev.runtrail.telemetry.core.config.Setting;
import dev.runtrail.telemetry.trail.TrailSink;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Runtrail as a production app would have it, minus the network: its own OpenTelemetry SDK with the
 * BatchSpanProcessor in front of a {@link DiscardingSpanExporter}, a real Micrometer registry
 * ({@link SimpleMeterRegistry}, every meter of docs/metrics.md recorded), redaction with the default
 * policy, MDC, and the trail sinks named by {@code sinks} ({@code RUNTRAIL_TRAIL_SINKS} syntax). The run
 * store (telemetry-runs' artifacts and SQLite index) is off, but with {@link #startWithRunStore}.
 */
public final class TelemetryFixture implements AutoCloseable {

  /** Inline span events only: everything measured happens on the calling thread. */
  public static final String SPAN = "span";
  /** Span events plus the structured log line, formatted on the log sink's own thread. */
  public static final String SPAN_LOG = "span,log";
  /** The defaults: span events, log line and the durable trail.jsonl of each run. */
  public static final String DEFAULTS = "span,log,jsonl";

  private final RuntrailTelemetry telemetry;
  private final DiscardingSpanExporter exporter;
  private final SimpleMeterRegistry registry;
  private final Path runsDirectory;

  private TelemetryFixture(RuntrailTelemetry telemetry, DiscardingSpanExporter exporter,
      SimpleMeterRegistry registry, Path runsDirectory) {
    this.telemetry = telemetry;
    this.exporter = exporter;
    this.registry = registry;
    this.runsDirectory = runsDirectory;
  }

  /**
   * @param sinks built-in trail sinks, as in {@code RUNTRAIL_TRAIL_SINKS}
   * @param extra more sinks (tests add an in-memory one)
   */
  public static TelemetryFixture start(String sinks, TrailSink... extra) {
    return start(sinks, new DiscardingSpanExporter(), extra);
  }

  static TelemetryFixture start(String sinks, SpanExporter spans, TrailSink... extra) {
    return start(sinks, spans, freshRunsDirectory(), false, extra);
  }

  /**
   * With the run store too (telemetry-runs' artifacts and SQLite index, as with the jar on the class path),
   * everything on the machine's disk, where an app's runs directory would be ({@code java.io.tmpdir}).
   */
  public static TelemetryFixture startWithRunStore(String sinks) {
    try {
      return start(sinks, new DiscardingSpanExporter(), Files.createTempDirectory("runtrail-bench-store-"), true);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static TelemetryFixture start(String sinks, SpanExporter spans, Path runs, boolean runStore,
      TrailSink... extra) {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    RuntrailBuilder builder = Runtrail.builder()
        .config(RuntrailConfig.of(Map.of(Setting.ENABLED, "true", Setting.TRAIL_SINKS, sinks)))
        .spanExporter(spans)
        .meterRegistry(registry)
        .runsDirectory(runs)
        .discoverRunExporters(false)
        .shutdownHook(false);
    if (runStore) {
      builder.addRunExporter(RunStoreExporter.create(runs));
    }
    for (TrailSink sink : extra) {
      builder.addTrailSink(sink);
    }
    DiscardingSpanExporter counter = spans instanceof DiscardingSpanExporter ? (DiscardingSpanExporter) spans : null;
    return new TelemetryFixture((RuntrailTelemetry) builder.build(), counter, registry, runs);
  }

  /** A fresh runs directory in memory (tmpfs) when the machine has one, so trail.jsonl costs no disk I/O. */
  private static Path freshRunsDirectory() {
    try {
      Path shm = Path.of("/dev/shm");
      if (Files.isDirectory(shm) && Files.isWritable(shm)) {
        return Files.createTempDirectory(shm, "runtrail-bench-");
      }
      return Files.createTempDirectory("runtrail-bench-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public RuntrailTelemetry telemetry() {
    return telemetry;
  }

  public SimpleMeterRegistry registry() {
    return registry;
  }

  /** Spans the discarding exporter received so far (after {@link #close()}: all of them). */
  public long exportedSpans() {
    return exporter == null ? -1 : exporter.exportedSpans();
  }

  public Path runsDirectory() {
    return runsDirectory;
  }

  /**
   * Deletes the run folders written so far (between JMH iterations, so tmpfs does not fill up); the run
   * store's index stays, as its connection may be open.
   */
  public void deleteRunFolders() {
    deleteBelow(runsDirectory, false);
  }

  /**
   * Moves the run folders written so far into a trash directory beside the runs directory, one rename
   * each, and deletes the trash when the JVM exits. For benchmarks with several app threads: JMH tears an
   * iteration down on one of them while the others spin until it is done, so deleting thousands of folders
   * there would add the spinning threads' CPU to the iteration measured (and only to the instrumented
   * ones, which write folders). Moving them aside takes microseconds; the JVM's exit comes after JMH has
   * taken its results.
   */
  public void moveRunFoldersAside() {
    long cpuBefore = CpuTimeProfiler.currentThreadCpuNanos();
    try (Stream<Path> entries = Files.exists(runsDirectory) ? Files.list(runsDirectory) : Stream.empty()) {
      Path trash = trash();
      for (Path entry : (Iterable<Path>) entries::iterator) {
        if (!entry.getFileName().toString().startsWith("runs.db")) {
          Files.move(entry, trash.resolve(entry.getFileName() + "-" + System.nanoTime()));
        }
      }
    } catch (IOException | UncheckedIOException e) {
      // Best effort: what could not be moved is deleted with the runs directory.
    } finally {
      CpuTimeProfiler.housekeeping(CpuTimeProfiler.currentThreadCpuNanos() - cpuBefore);
    }
  }

  private Path trash;

  private synchronized Path trash() throws IOException {
    if (trash == null) {
      trash = Files.createDirectories(runsDirectory.resolveSibling(runsDirectory.getFileName() + "-trash"));
      Path doomed = trash;
      Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteBelow(doomed, true), "delete-run-folders"));
    }
    return trash;
  }

  /** Flushes and closes the telemetry, then deletes the runs directory (housekeeping, for the CPU figures). */
  @Override
  public void close() {
    CpuTimeProfiler.beforeThreadsEnd();
    long cpuBefore = CpuTimeProfiler.currentThreadCpuNanos();
    telemetry.close();
    CpuTimeProfiler.housekeeping(CpuTimeProfiler.currentThreadCpuNanos() - cpuBefore);
    deleteBelow(runsDirectory, true);
  }

  /** Deletes what is below {@code root}; its CPU time is housekeeping, not part of what is measured. */
  static void deleteBelow(Path root, boolean includingRoot) {
    long cpuBefore = CpuTimeProfiler.currentThreadCpuNanos();
    try (Stream<Path> paths = Files.exists(root) ? Files.walk(root) : Stream.empty()) {
      paths.sorted(Comparator.reverseOrder())
          .filter(path -> includingRoot || !path.equals(root) && !path.getFileName().toString().startsWith("runs.db"))
          .forEach(path -> path.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // Best effort: a file the sink still writes is deleted next time.
    } finally {
      CpuTimeProfiler.housekeeping(CpuTimeProfiler.currentThreadCpuNanos() - cpuBefore);
    }
  }
}
