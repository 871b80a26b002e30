package dev.runtrail.runs.s3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtrail.runs.internal.artifacts.RunFolders;
import dev.runtrail.runs.internal.remote.UploadQueue;
import dev.runtrail.runs.remote.RemoteRunStores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link UploadQueue}'s contract against a real S3 API server (S3Proxy): the record on disk outlives
 * every partial copy, failed copies back off, at most {@link UploadQueue#MEMORY_CAPACITY} runs wait in
 * memory and the others on disk, and what one process leaves is copied by the next.
 */
class UploadQueueTest {

  private static final String BUCKET = "uploads";
  private static final String STORE = "s3://" + BUCKET + "/q";
  private static final Duration WAIT = Duration.ofSeconds(90);
  /** More runs than fit in memory. */
  private static final int BEYOND_MEMORY = UploadQueue.MEMORY_CAPACITY + 176;

  @TempDir static Path serverDir;
  @TempDir Path runsDir;

  private static S3ProxyServer server;

  @BeforeAll
  static void startServer() throws Exception {
    server = new S3ProxyServer(serverDir.resolve("objects")).start();
    server.configureThisJvm();
  }

  @AfterAll
  static void stopServer() throws Exception {
    server.close();
  }

  @BeforeEach
  void freshBucket() throws Exception {
    server.stop();
    server.start();
    server.createBucket(BUCKET);
  }

  private UploadQueue start(Duration closeTimeout) {
    return UploadQueue.start(new RunFolders(runsDir), RemoteRunStores.open(STORE, "test"), closeTimeout);
  }

  /** A finished run folder ({@code summary.json} present) with these other files; its key. */
  private String folder(String runId, String... otherFiles) throws Exception {
    String key = "prod/api/h/" + runId;
    Path folder = Files.createDirectories(runsDir.resolve(key));
    for (String file : otherFiles) {
      Files.createDirectories(folder.resolve(file).getParent());
      Files.writeString(folder.resolve(file), file + " of " + runId);
    }
    Files.writeString(folder.resolve("summary.json"), "{\"run_id\":\"" + runId + "\"}");
    return key;
  }

  private static String runId(int n) {
    return String.format("run-%05d", n);
  }

  /** Run ids whose summary.json is in the bucket. */
  private static Set<String> stored() {
    Set<String> ids = new TreeSet<>();
    for (String key : server.keys(BUCKET)) {
      if (key.endsWith("/summary.json")) {
        String folder = key.substring(0, key.length() - "/summary.json".length());
        ids.add(folder.substring(folder.lastIndexOf('/') + 1));
      }
    }
    return ids;
  }

  private static Set<String> runIds(int count) {
    Set<String> ids = new TreeSet<>();
    for (int n = 0; n < count; n++) {
      ids.add(runId(n));
    }
    return ids;
  }

  private static void await(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("%s within %s", what, WAIT).isLessThan(deadline);
      Thread.sleep(20); // polling, bounded by the deadline
    }
  }

  @Test
  void theRecordStaysOnDiskUntilTheWholeFolderIsInTheBucket() throws Exception {
    String key = folder("run-partial", "a.txt", "sub/b.txt");
    // An object named like the folder's sub/ makes the server fail to store sub/b.txt (the filesystem
    // backend cannot make the directory), after a.txt was stored: a copy that fails half-way.
    String blocker = "q/" + key + "/sub";
    server.putObject(BUCKET, blocker, "in the way");

    try (UploadQueue uploads = start(Duration.ofSeconds(30))) {
      uploads.submit(key);
      await("a failed attempt", () -> uploads.failedAttempts() > 0);

      assertThat(server.keys(BUCKET)).contains("q/" + key + "/a.txt").doesNotContain("q/" + key + "/summary.json");
      assertThat(uploads.pending()).as("the record of a half-copied run").isEqualTo(1);
      assertThat(uploads.uploaded()).isZero();

      server.removeObject(BUCKET, blocker);
      await("the copy after the server is fixed", () -> uploads.uploaded() == 1);

      assertThat(server.keys(BUCKET)).contains("q/" + key + "/a.txt", "q/" + key + "/sub/b.txt",
          "q/" + key + "/summary.json");
      assertThat(uploads.pending()).isZero();
    }
  }

  @Test
  void failedCopiesAreRetriedWithBackoffNotInATightLoop() throws Exception {
    server.stop();
    try (UploadQueue uploads = start(Duration.ofMillis(100))) {
      long first = System.nanoTime();
      uploads.submit(folder("run-down"));
      await("the first failed attempt", () -> uploads.failedAttempts() > 0);
      Thread.sleep(3_000);
      long attempts = uploads.failedAttempts();
      double elapsedMillis = (System.nanoTime() - first) / 1e6;

      // Waits of 100, 200, 400, 800, 1600 ms: after T ms at most 1 + log2(T/100 + 1) attempts were made.
      // Retrying every 100 ms would make about 30.
      long mostWithBackoff = 1 + (long) Math.floor(Math.log(elapsedMillis / 100 + 1) / Math.log(2));
      assertThat(attempts).as("attempts in %.0f ms", elapsedMillis).isBetween(3L, mostWithBackoff);
      assertThat(uploads.pending()).isEqualTo(1);
    }
  }

  @Test
  void beyondTheMemoryBoundRunsWaitOnDiskAndAllArriveWhenTheServerIsBack() throws Exception {
    server.stop();
    try (UploadQueue uploads = start(Duration.ofSeconds(60))) {
      long before = System.nanoTime();
      for (int n = 0; n < BEYOND_MEMORY; n++) {
        uploads.submit(folder(runId(n)));
        assertThat(uploads.inMemory()).isLessThanOrEqualTo(UploadQueue.MEMORY_CAPACITY);
      }
      Duration submitting = Duration.ofNanos(System.nanoTime() - before);

      assertThat(submitting).as("submitting never waits for the store").isLessThan(Duration.ofSeconds(30));
      assertThat(uploads.inMemory()).isGreaterThan(UploadQueue.MEMORY_CAPACITY - 2); // one may be in the copier's hands
      assertThat(uploads.pending()).as("every run recorded on disk").isEqualTo(BEYOND_MEMORY);

      server.start();
      await("every run copied", () -> uploads.uploaded() == BEYOND_MEMORY);

      assertThat(stored()).isEqualTo(runIds(BEYOND_MEMORY));
      assertThat(uploads.pending()).isZero();
      assertThat(uploads.inMemory()).isZero();
    }
  }

  @Test
  void whatOneProcessLeavesPendingTheNextStartCopiesEvenBeyondTheMemoryBound() throws Exception {
    server.stop();
    UploadQueue first = start(Duration.ofMillis(200));
    for (int n = 0; n < BEYOND_MEMORY; n++) {
      first.submit(folder(runId(n)));
    }
    first.close(); // gives up after 200 ms: the server is down

    assertThat(first.uploaded()).isZero();
    assertThat(first.pending()).isEqualTo(BEYOND_MEMORY);
    server.start();

    try (UploadQueue next = start(Duration.ofSeconds(60))) {
      await("the records of the earlier process copied", () -> next.uploaded() == BEYOND_MEMORY);

      assertThat(stored()).isEqualTo(runIds(BEYOND_MEMORY));
      assertThat(next.pending()).isZero();
    }
  }

  @Test
  void closeGoesOnCopyingFromDiskUntilTheTimeout() throws Exception {
    server.stop();
    UploadQueue uploads = start(Duration.ofSeconds(60));
    for (int n = 0; n < BEYOND_MEMORY; n++) {
      uploads.submit(folder(runId(n)));
    }
    server.start();
    uploads.close(); // more runs than fit in memory: the ones on disk are copied too before it returns

    assertThat(uploads.uploaded()).isEqualTo(BEYOND_MEMORY);
    assertThat(stored()).isEqualTo(runIds(BEYOND_MEMORY));
    assertThat(uploads.pending()).isZero();
  }

  @Test
  void aFolderDeletedBeforeItsCopyIsDroppedWithItsRecordNotRetriedForever() throws Exception {
    server.stop();
    try (UploadQueue uploads = start(Duration.ofSeconds(30))) {
      String gone = folder("run-gone");
      String kept = folder("run-kept");
      uploads.submit(gone);
      uploads.submit(kept);
      await("a failed copy of the first run", () -> uploads.failedAttempts() > 0);
      Files.delete(runsDir.resolve(gone).resolve("summary.json")); // pruned while its copy waits to be retried
      server.start();
      await("the kept run copied", () -> uploads.uploaded() == 1 && uploads.pending() == 0);

      assertThat(stored()).containsExactly("run-kept");
    }
  }
}
