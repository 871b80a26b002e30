package dev.runtrail.runs.internal.remote;

import dev.runtrail.runs.internal.artifacts.AtomicFiles;
import dev.runtrail.runs.internal.artifacts.RunFolders;
import dev.runtrail.runs.remote.RemoteRunStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies finished run folders to a {@link RemoteRunStore} on one background thread. Each run to copy is
 * first recorded as a small file in {@code <runs-dir>/.uploads/} (its relative folder), removed only once
 * the copy is complete: so nothing is lost when the store is down, the memory queue is full or the
 * process stops; the next start (or the next scan, every few seconds) picks the records up again. A
 * failed copy is retried with exponential backoff (100 ms doubling to 30 s), keeping the order. Memory is
 * bounded: at most {@value #MEMORY_CAPACITY} runs wait in memory, the others only on disk.
 */
public final class UploadQueue implements AutoCloseable {

  /** The folder of pending copies, inside the runs directory. */
  public static final String PENDING_DIR = ".uploads";
  /** At most this many runs wait in memory; the others wait only as records on disk. */
  public static final int MEMORY_CAPACITY = 1024;
  private static final String SUFFIX = ".pending";
  private static final Duration FIRST_BACKOFF = Duration.ofMillis(100);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
  private static final Duration RESCAN = Duration.ofSeconds(5);
  private static final Logger LOG = LoggerFactory.getLogger(UploadQueue.class);

  private final RunFolders folders;
  private final RemoteRunStore store;
  private final Path pendingDir;
  private final Duration closeTimeout;
  private final BlockingQueue<String> queue = new ArrayBlockingQueue<>(MEMORY_CAPACITY);
  private final Set<String> queued = ConcurrentHashMap.newKeySet(); // marker file names of the queued runs
  private final AtomicBoolean onDiskOnly = new AtomicBoolean(true); // start with a scan
  private final AtomicLong uploaded = new AtomicLong();
  private final AtomicLong failedAttempts = new AtomicLong();
  private final Thread worker;
  private volatile long closeDeadline = Long.MAX_VALUE; // System.nanoTime() after close()

  private UploadQueue(RunFolders folders, RemoteRunStore store, Duration closeTimeout) {
    this.folders = folders;
    this.store = store;
    this.pendingDir = folders.root().resolve(PENDING_DIR);
    this.closeTimeout = closeTimeout;
    this.worker = new Thread(this::work, "runtrail-run-upload");
    this.worker.setDaemon(true);
  }

  /**
   * Starts copying to {@code store}, first the runs left pending by an earlier process.
   *
   * @param closeTimeout how long {@link #close()} waits for pending copies
   */
  public static UploadQueue start(RunFolders folders, RemoteRunStore store, Duration closeTimeout) {
    UploadQueue uploads = new UploadQueue(folders, store, closeTimeout);
    uploads.worker.start();
    return uploads;
  }

  /** Where runs are copied, for messages. */
  public String location() {
    return store.location();
  }

  /**
   * Records the finished run's folder as pending, then queues it; never blocks on the store.
   *
   * @param relativeDir the folder relative to the runs directory (the index's {@code dir})
   * @throws IOException when the pending record cannot be written (the run is then not copied)
   */
  public void submit(String relativeDir) throws IOException {
    Files.createDirectories(pendingDir);
    AtomicFiles.write(marker(relativeDir), relativeDir);
    offer(relativeDir);
  }

  /** Runs copied so far by this queue. */
  public long uploaded() {
    return uploaded.get();
  }

  /** Copy attempts that failed so far (each is retried). */
  public long failedAttempts() {
    return failedAttempts.get();
  }

  /** Runs waiting in memory now (at most {@value #MEMORY_CAPACITY}); the others pending wait on disk. */
  public int inMemory() {
    return queue.size();
  }

  /** Runs recorded as pending on disk (queued or not). */
  public long pending() {
    try (var files = Files.list(pendingDir)) {
      return files.filter(file -> file.getFileName().toString().endsWith(SUFFIX)).count();
    } catch (IOException e) {
      return 0;
    }
  }

  private void offer(String relativeDir) {
    String name = markerName(relativeDir);
    if (queued.add(name) && !queue.offer(relativeDir)) {
      queued.remove(name);
      onDiskOnly.set(true); // a later scan finds it
    }
  }

  private void work() {
    long lastScan = 0;
    // Closing: copies go on, from memory and then from disk, until done or the close timeout.
    while (!closed() || ((!queue.isEmpty() || onDiskOnly.get()) && System.nanoTime() < closeDeadline)) {
      // Records left on disk are read again once half the memory queue is free, not after every copy.
      if ((onDiskOnly.get() && queue.size() <= MEMORY_CAPACITY / 2) || System.nanoTime() - lastScan > RESCAN.toNanos()) {
        scan();
        lastScan = System.nanoTime();
      }
      String next;
      try {
        next = queue.poll(closed() ? 0 : 200, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        return;
      }
      if (next != null) {
        if (!copy(next)) {
          return; // closing: the rest stays pending on disk
        }
        queued.remove(markerName(next));
      }
    }
  }

  /** Copies until it succeeds; false when closing cut the retries short (the record stays). */
  private boolean copy(String relativeDir) {
    Path folder = folders.resolve(relativeDir);
    Duration backoff = FIRST_BACKOFF;
    for (int attempt = 1; ; attempt++) {
      if (folder == null || !RunFolders.isFinished(folder)) {
        LOG.warn("Run folder {} is gone or has no summary.json: not copied to {}", relativeDir, store.location());
        deleteMarker(relativeDir);
        return true;
      }
      try {
        store.put(relativeDir, folder);
        deleteMarker(relativeDir);
        uploaded.incrementAndGet();
        if (attempt > 1) {
          LOG.info("Copied run folder {} to {} after {} attempts", relativeDir, store.location(), attempt);
        }
        return true;
      } catch (IOException | RuntimeException e) {
        failedAttempts.incrementAndGet();
        if (attempt == 1) {
          LOG.warn("Copying run folder {} to {} failed (kept in the runs dir, retrying with backoff): {}", relativeDir,
              store.location(), e.toString());
        }
      }
      long sleep = Math.min(backoff.toNanos(), closeDeadline - System.nanoTime());
      if (sleep <= 0) {
        return false;
      }
      try {
        TimeUnit.NANOSECONDS.sleep(sleep);
      } catch (InterruptedException e) {
        return false;
      }
      backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
    }
  }

  /** Queues the pending records found on disk, as many as fit in memory. */
  private void scan() {
    onDiskOnly.set(false);
    if (!Files.isDirectory(pendingDir)) {
      return;
    }
    try (DirectoryStream<Path> files = Files.newDirectoryStream(pendingDir, "*" + SUFFIX)) {
      for (Path file : files) {
        if (queue.remainingCapacity() == 0) {
          onDiskOnly.set(true);
          return;
        }
        if (queued.contains(file.getFileName().toString())) {
          continue; // already in memory: not read again
        }
        try {
          offer(Files.readString(file, StandardCharsets.UTF_8).trim());
        } catch (NoSuchFileException copiedMeanwhile) {
          // removed by the copy that just finished
        }
      }
    } catch (IOException e) {
      LOG.warn("Cannot read the pending run copies in {}: {}", pendingDir, e.toString());
    }
  }

  private Path marker(String relativeDir) {
    return pendingDir.resolve(markerName(relativeDir));
  }

  private static String markerName(String relativeDir) {
    String name = relativeDir.substring(relativeDir.lastIndexOf('/') + 1);
    return name + "-" + Integer.toHexString(relativeDir.hashCode()) + SUFFIX;
  }

  private void deleteMarker(String relativeDir) {
    try {
      Files.deleteIfExists(marker(relativeDir));
    } catch (IOException e) {
      LOG.warn("Cannot remove {} (the run will be copied again): {}", marker(relativeDir), e.toString());
    }
  }

  private boolean closed() {
    return closeDeadline != Long.MAX_VALUE;
  }

  /**
   * Waits up to the close timeout for the queued copies, then stops; what is not copied stays pending
   * on disk for the next start.
   */
  @Override
  public void close() {
    if (closed()) {
      return;
    }
    closeDeadline = System.nanoTime() + closeTimeout.toNanos();
    try {
      worker.join(closeTimeout.toMillis() + 1_000);
      if (worker.isAlive()) {
        worker.interrupt();
        worker.join(5_000);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      store.close();
    }
  }
}
