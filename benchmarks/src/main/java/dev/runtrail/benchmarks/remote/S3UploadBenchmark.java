package dev.runtrail.benchmarks.remote;

import dev.runtrail.benchmarks.runs.StoreFixtures;
import dev.runtrail.runs.internal.artifacts.RunFolders;
import dev.runtrail.runs.internal.remote.UploadQueue;
import dev.runtrail.runs.remote.RemoteRunStore;
import dev.runtrail.runs.remote.RemoteRunStores;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.openjdk.jmh.annotations.AuxCounters;
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
 * Run folders per second copied to a real S3 API server (S3Proxy 2.7.0, filesystem backend, signed
 * requests, on 127.0.0.1 in this JVM), the folders written by the real local store
 * ({@link StoreFolders}: plan, summary, trail, OTLP traces, report). Two ways:
 *
 * <ul>
 *   <li>{@code put}: one {@link RemoteRunStore#put} of one run folder per operation (its four files, one
 *       PutObject each), on the benchmark's thread: what one upload thread can do;
 *   <li>{@code uploadQueue}: each operation submits {@code batch} runs to the {@link UploadQueue} the
 *       exporter uses (a record on disk per run) and waits until its thread has copied them all: the
 *       store's real upload path. Read the {@code runs} counter (runs/s).
 * </ul>
 *
 * The same folders are copied again and again (their objects replaced). The server's work runs in this
 * JVM and on the same cores, as it would for a MinIO on the same box; a remote bucket adds network latency
 * per request (four requests per run: report.html is rendered on demand now) that this does not measure.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class S3UploadBenchmark {

  private static final String BUCKET = "bench";

  /** Runs per {@code uploadQueue} operation. */
  @Param({"64"})
  public int batch;

  private Path dir;
  private BenchS3Proxy server;
  private StoreFolders folders;
  private RemoteRunStore store;
  private UploadQueue uploads;
  private int next;
  private long submitted;

  /** Runs copied, for runs/s. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Counters {
    public long runs;
  }

  @Setup(Level.Trial)
  public void start() throws Exception {
    dir = Files.createTempDirectory("runtrail-s3-bench");
    server = BenchS3Proxy.start(dir.resolve("objects"), BUCKET);
    folders = StoreFolders.write(dir.resolve("runs"), Math.max(batch, 64));
    store = RemoteRunStores.open("s3://" + BUCKET + "/fleet", "benchmark");
  }

  @Setup(Level.Iteration)
  public void queue() {
    uploads = UploadQueue.start(new RunFolders(folders.runsDir()), RemoteRunStores.open("s3://" + BUCKET + "/queue",
        "benchmark"), Duration.ofSeconds(30));
    submitted = 0;
  }

  @TearDown(Level.Iteration)
  public void closeQueue() {
    uploads.close();
    if (uploads.failedAttempts() > 0) {
      throw new IllegalStateException(uploads.failedAttempts() + " copies failed: the figure would include retries");
    }
  }

  @TearDown(Level.Trial)
  public void stop() throws Exception {
    store.close();
    server.close();
    StoreFixtures.deleteTree(dir);
  }

  @Benchmark
  public void put(Counters counters) throws IOException {
    List<String> keys = folders.keys();
    String key = keys.get(next++ % keys.size());
    store.put(key, folders.runsDir().resolve(key));
    counters.runs++;
  }

  @Benchmark
  public void uploadQueue(Counters counters) throws IOException {
    List<String> keys = folders.keys();
    for (int i = 0; i < batch; i++) {
      uploads.submit(keys.get(next++ % keys.size()));
    }
    submitted += batch;
    while (uploads.uploaded() < submitted) {
      LockSupport.parkNanos(100_000);
    }
    counters.runs += batch;
  }
}
