package dev.runtrail.runs;

import dev.runtrail.runs.internal.artifacts.ArtifactNames;
import dev.runtrail.runs.internal.artifacts.ArtifactWriter;
import dev.runtrail.runs.internal.artifacts.RunFolders;
import dev.runtrail.runs.internal.index.IndexException;
import dev.runtrail.runs.internal.index.RunIndex;
import dev.runtrail.runs.internal.summary.RunSummary;
import dev.runtrail.runs.internal.summary.Summaries;
import dev.runtrail.telemetry.core.export.FinishedRun;
import dev.runtrail.telemetry.core.export.RunExporter;
import dev.runtrail.telemetry.core.export.RunStoreLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes each finished run into the local run store: its folder
 * {@code <runs-dir>/<env>/<target>/<plan-hash>/<run-id>/} gets {@code plan.json},
 * {@code otlp-traces.json}, {@code report.html} and, last, {@code summary.json} (each written to a temp
 * file and renamed, so no reader ever sees half a file), next to the {@code trail.jsonl} core wrote
 * during the run; then the run is added to the SQLite index {@code <runs-dir>/runs.db}. The format is
 * specified in {@code docs/run-store-format.md}.
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
 * <p>A run whose artifacts were written but that could not be indexed (a locked or damaged
 * {@code runs.db}) keeps its artifacts; {@code runtrail runs reindex} rebuilds the index from the folders.
 */
public final class RunStoreExporter implements RunExporter {

  private final RunFolders folders;
  private final RunStoreLayout layout;
  private final ArtifactWriter writer = new ArtifactWriter();

  private RunStoreExporter(Path runsDirectory) {
    this.folders = new RunFolders(runsDirectory);
    this.layout = new RunStoreLayout(runsDirectory);
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
    return new RunStoreExporter(runsDirectory);
  }

  /** The runs directory. */
  public Path runsDirectory() {
    return folders.root();
  }

  /**
   * Writes the run's artifacts, then indexes it.
   *
   * @throws IOException naming the artifacts that could not be written, or the index failure (the
   *     artifacts are kept; {@code runtrail runs reindex} repairs the index)
   */
  @Override
  public void export(FinishedRun run) throws IOException {
    Path directory = run.directory() != null ? run.directory()
        : layout.runDirectory(run.env(), run.target(), run.planHash(), run.runId());
    Files.createDirectories(directory);
    RunSummary summary = Summaries.from(run);
    ArtifactWriter.Written written = writer.write(run, summary, directory);
    String indexFailure = written.hasSummary() ? index(written) : null;
    if (!written.failures().isEmpty() || indexFailure != null) {
      StringBuilder message = new StringBuilder("Run store: run ").append(run.runId()).append(" in ").append(directory);
      written.failures().forEach(failure -> message.append("; ").append(failure));
      if (indexFailure != null) {
        message.append("; ").append(indexFailure);
      }
      throw new IOException(message.toString());
    }
  }

  private String index(ArtifactWriter.Written written) {
    Path file = folders.root().resolve(ArtifactNames.INDEX);
    try (RunIndex index = RunIndex.open(file)) {
      index.put(written.summary(), written.trail(), folders.relative(written.directory()));
      return null;
    } catch (IndexException e) {
      return "not indexed (artifacts kept; `runtrail runs reindex` repairs the index): " + e.getMessage();
    }
  }

  @Override
  public String toString() {
    return "RunStoreExporter{" + folders.root() + "}";
  }
}
