package dev.runtrail.runs;

import dev.runtrail.runs.internal.artifacts.ArtifactNames;
import dev.runtrail.runs.internal.artifacts.ArtifactWriter;
import dev.runtrail.runs.internal.artifacts.RunFolders;
import dev.runtrail.runs.internal.index.IndexException;
import dev.runtrail.runs.internal.index.IndexLocation;
import dev.runtrail.runs.internal.index.RunIndex;
import dev.runtrail.runs.internal.remote.UploadQueue;
import dev.runtrail.runs.internal.summary.Summaries;
import dev.runtrail.runs.remote.RemoteRunStores;
import dev.runtrail.telemetry.core.config.InvalidConfigurationException;
import dev.runtrail.telemetry.core.config.RuntrailConfig;
import dev.runtrail.telemetry.core.config.Setting;
import dev.runtrail.telemetry.core.export.FinishedRun;
import dev.runtrail.telemetry.core.export.RunExportException;
import dev.runtrail.telemetry.core.export.RunExporter;
import dev.runtrail.telemetry.core.export.RunStoreLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes finished runs into the local run store: each run's folder
 * {@code <runs-dir>/<env>/<target>/<plan-hash>/<run-id>/} gets {@code plan.json} and
 * {@code otlp-traces.json}, then, last, {@code summary.json} (written to a temp file and renamed), next to
 * the {@code trail.jsonl} core wrote during the run ({@code report.html} is rendered from these when
 * {@code runtrail runs open} first asks for it); then the batch's runs are
 * added to the SQLite index {@code <runs-dir>/runs.db} in one transaction, on one connection kept open
 * until {@link #close()}. The format is specified in {@code docs/run-store-format.md}.
 *
 * <p>Every run is stored, whether or not run-level sampling exported its spans: the store is the audit
 * record. Found by core through {@link RunStoreExporterProvider}; to add it by hand:
 *
 * <pre>{@code
 * Telemetry telemetry = Runtrail.builder()
 *     .enabled(true)
 *     .discoverRunExporters(false)
 *     .addRunExporter(RunStoreExporter.create(Path.of("/var/lib/app/runs")))
 *     .build();
 * }</pre>
 *
 * <p><b>Crash guarantee.</b> A run is indexed only after its summary.json is in place, and summary.json
 * is renamed into place only after the other artifacts were written: so after the process crashes (or is
 * killed) at any point, every run in the index has a complete folder, and a folder without summary.json
 * is an unfinished run that {@code runtrail runs reindex} skips and reports. No file is forced to disk
 * (the index commits with SQLite's {@code synchronous=NORMAL} in WAL mode): an OS crash or power loss can
 * lose the last batches, from the index and from the folders; {@code runtrail runs reindex} rebuilds the
 * index from the folders that are complete.
 *
 * <p><b>Failures.</b> A run whose artifacts could not all be written, or that could not be indexed (a
 * locked or damaged {@code runs.db}), keeps its folder; the batch's call then throws one exception
 * ({@link RunExportException}) naming those runs, which core reports once and never passes to the app,
 * and the runs are counted in {@link #failedRuns()} and in core's
 * {@code runtrail.telemetry.dropped{where="run_export"}}. After an index failure the connection is reopened for the next batch.
 *
 * <p>Thread-safe: batches are written one at a time.
 */
public final class RunStoreExporter implements RunExporter, AutoCloseable {

  /** How many failed runs an exception names in detail; the rest by run id only. */
  private static final int DETAILED_FAILURES = 3;
  /** How many more failed runs an exception names by run id. */
  private static final int NAMED_FAILURES = 20;

  private final RunFolders folders;
  private final RunStoreLayout layout;
  private final IndexLocation indexLocation;
  private final UploadQueue uploads; // null: no object storage
  private final ArtifactWriter writer = new ArtifactWriter();
  private final AtomicLong failedRuns = new AtomicLong();
  private RunIndex index; // opened on the first batch, closed by close() or after a failure

  private RunStoreExporter(Path runsDirectory, IndexLocation indexLocation, UploadQueue uploads) {
    this.folders = new RunFolders(runsDirectory);
    this.layout = new RunStoreLayout(runsDirectory);
    this.indexLocation = indexLocation;
    this.uploads = uploads;
  }

  /**
   * An exporter writing under this runs directory.
   *
   * @throws IllegalArgumentException if the directory is null
   */
  public static RunStoreExporter create(Path runsDirectory) {
    if (runsDirectory == null) {
      throw new IllegalArgumentException("runsDirectory is null");
    }
    return new RunStoreExporter(runsDirectory, IndexLocation.file(runsDirectory.resolve(ArtifactNames.INDEX)), null);
  }

  /**
   * An exporter writing under this runs directory, indexing into {@code RUNTRAIL_INDEX_URL} (a shared
   * PostgreSQL index) when set, and copying each finished run's folder to {@code RUNTRAIL_RUN_STORE_URL}
   * (object storage, e.g. {@code s3://bucket/prefix}) when set. Copies are made by one background thread,
   * retried with backoff; a run not yet copied is recorded under {@code <runs-dir>/.uploads/} and copied
   * later, after a restart too.
   *
   * @throws dev.runtrail.telemetry.core.config.InvalidConfigurationException naming the variable and its
   *     value (password masked) when a URL is not valid or no store on the class path opens it
   */
  public static RunStoreExporter create(Path runsDirectory, RuntrailConfig config) {
    if (runsDirectory == null || config == null) {
      throw new IllegalArgumentException(runsDirectory == null ? "runsDirectory is null" : "config is null");
    }
    try {
      IndexLocation index = config.isSet(Setting.INDEX_URL)
          ? IndexLocation.parse(config.raw(Setting.INDEX_URL), Setting.INDEX_URL.environmentVariable())
          : IndexLocation.file(runsDirectory.resolve(ArtifactNames.INDEX));
      UploadQueue uploads = config.isSet(Setting.RUN_STORE_URL)
          ? UploadQueue.start(new RunFolders(runsDirectory), RemoteRunStores.open(config.raw(Setting.RUN_STORE_URL),
              Setting.RUN_STORE_URL.environmentVariable()), config.getDuration(Setting.SHUTDOWN_TIMEOUT))
          : null;
      return new RunStoreExporter(runsDirectory, index, uploads);
    } catch (InvalidConfigurationException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw new InvalidConfigurationException("Invalid Runtrail configuration: " + e.getMessage());
    }
  }

  /** The runs directory. */
  public Path runsDirectory() {
    return folders.root();
  }

  /** Runs so far whose artifacts or index row could not be written (their folders are kept). */
  public long failedRuns() {
    return failedRuns.get();
  }

  /**
   * Writes the run's artifacts, then indexes it: a batch of one.
   *
   * @throws IOException naming the artifacts that could not be written, or the index failure (the
   *     artifacts are kept; {@code runtrail runs reindex} repairs the index)
   */
  @Override
  public void export(FinishedRun run) throws IOException {
    exportAll(List.of(run));
  }

  /**
   * Writes each run's artifacts, then indexes the runs whose summary.json was written, in one
   * transaction. A run that fails does not stop the others.
   *
   * @throws IOException once all were tried, naming each run that was not fully stored and why
   */
  @Override
  public synchronized void exportAll(List<FinishedRun> runs) throws IOException {
    Map<String, String> failures = new LinkedHashMap<>();
    List<RunIndex.IndexedRunData> finished = new ArrayList<>(runs.size());
    for (FinishedRun run : runs) {
      Path directory = run.directory() != null ? run.directory()
          : layout.runDirectory(run.env(), run.target(), run.planHash(), run.runId());
      try {
        if (!Files.isDirectory(directory)) { // core made it for the trail, unless the run wrote none
          Files.createDirectories(directory);
        }
        ArtifactWriter.Written written = writer.write(run, Summaries.from(run), directory);
        if (written.hasSummary()) {
          finished.add(new RunIndex.IndexedRunData(written.summary(), written.trail(), folders.relative(directory)));
          if (uploads != null) {
            uploads.submit(folders.relative(directory));
          }
        }
        if (!written.failures().isEmpty()) {
          failures.put(run.runId(), "in " + directory + ": " + String.join("; ", written.failures()));
        }
      } catch (IOException | RuntimeException e) {
        failures.put(run.runId(), "in " + directory + ": not written: " + e);
      }
    }
    String indexFailure = index(finished);
    if (indexFailure != null) {
      finished.forEach(run -> failures.merge(run.summary().runId(), indexFailure, (a, b) -> a + "; " + b));
    }
    if (!failures.isEmpty()) {
      failedRuns.addAndGet(failures.size());
      throw new RunExportException(failures.size(), message(failures, runs.size()));
    }
  }

  /** Indexes the runs in one transaction; the failure's description, or null. */
  private String index(List<RunIndex.IndexedRunData> runs) {
    if (runs.isEmpty()) {
      return null;
    }
    try {
      if (index == null) {
        index = RunIndex.open(indexLocation);
      }
      index.putAll(runs);
      return null;
    } catch (IndexException e) {
      closeIndex(); // a broken connection is not reused: the next batch opens the file again
      return "not indexed (artifacts kept; `runtrail runs reindex` repairs the index): " + e.getMessage();
    }
  }

  private static String message(Map<String, String> failures, int batch) {
    StringBuilder message = new StringBuilder("Run store: ").append(failures.size()).append(" of ").append(batch)
        .append(batch == 1 ? " run" : " runs").append(" not fully stored");
    int detailed = 0;
    List<String> others = new ArrayList<>();
    for (Map.Entry<String, String> failure : failures.entrySet()) {
      if (detailed++ < DETAILED_FAILURES) {
        message.append("; run ").append(failure.getKey()).append(' ').append(failure.getValue());
      } else {
        others.add(failure.getKey());
      }
    }
    if (!others.isEmpty()) {
      message.append("; also runs ").append(String.join(", ", others.subList(0, Math.min(others.size(), NAMED_FAILURES))));
      if (others.size() > NAMED_FAILURES) {
        message.append(" and ").append(others.size() - NAMED_FAILURES).append(" more");
      }
    }
    return message.toString();
  }

  /** Closes the index connection (a later batch opens it again). */
  @Override
  public synchronized void close() {
    closeIndex();
    if (uploads != null) {
      uploads.close();
    }
  }

  private void closeIndex() {
    if (index != null) {
      try {
        index.close();
      } catch (IndexException e) {
        // Closing a connection that already failed: nothing more to save.
      } finally {
        index = null;
      }
    }
  }

  @Override
  public String toString() {
    return "RunStoreExporter{" + folders.root() + (indexLocation.shared() ? ", index " + indexLocation : "")
        + (uploads != null ? ", copies to " + uploads.location() : "") + "}";
  }
}
