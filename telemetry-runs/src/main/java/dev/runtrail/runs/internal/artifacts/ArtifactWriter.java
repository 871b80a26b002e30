package dev.runtrail.runs.internal.artifacts;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.runtrail.telemetry.core.json.JsonTree;
import dev.runtrail.runs.internal.summary.RunSummary;
import dev.runtrail.runs.internal.summary.SummaryJson;
import dev.runtrail.telemetry.core.export.FinishedRun;
import dev.runtrail.telemetry.core.trail.TrailJson;
import dev.runtrail.telemetry.core.trail.TrailReader;
import dev.runtrail.telemetry.trail.TrailEvent;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes a finished run's artifacts into its folder: plan.json and otlp-traces.json directly, then
 * summary.json last and atomically (temp file and rename) — its presence marks a finished run, and since
 * it is renamed into place only after the others were written and closed, a folder with a summary.json
 * holds them complete (after a crash of the process; see {@link AtomicFiles} for an OS crash). An
 * artifact that fails does not stop the others, and summary.json is written whatever happened before it;
 * the failures are returned together.
 *
 * <p>report.html is not written here: it is rendered from these files when it is first opened
 * ({@link dev.runtrail.runs.internal.report.ReportFile}), so a run costs the store two file creations and
 * a rename, not a page rendering nobody may read.
 */
public final class ArtifactWriter {

  /** Where artifact bytes go: {@link AtomicFiles}, or a test's recorder. */
  @FunctionalInterface
  public interface FileWriter {
    void write(Path file, AtomicFiles.Content content) throws IOException;
  }

  private final OtlpTracesFile otlp = new OtlpTracesFile();
  private final FileWriter files;
  private final FileWriter marker;

  /**
   * Writes the artifacts in place and summary.json atomically, by a temp file of a fixed name: a run's
   * folder has one writer, the store's export thread.
   */
  public ArtifactWriter() {
    this(AtomicFiles::writeDirect, AtomicFiles::writeAsOnlyWriter);
  }

  /** Writes every artifact, summary.json included, with {@code files}. */
  public ArtifactWriter(FileWriter files) {
    this(files, files);
  }

  /**
   * @param files writes plan.json and otlp-traces.json
   * @param marker writes summary.json, the file that marks the folder complete (must be atomic)
   */
  public ArtifactWriter(FileWriter files, FileWriter marker) {
    this.files = files;
    this.marker = marker;
  }

  /**
   * What was written for one run: its summary, the trail read back from its folder, and what failed.
   *
   * @param failures one line per artifact that could not be written; empty when all were
   */
  public record Written(RunSummary summary, List<TrailEvent> trail, Path directory, List<String> failures) {

    /** Whether summary.json is in place, i.e. the run is a finished run of the store. */
    public boolean hasSummary() {
      return failures.stream().noneMatch(f -> f.startsWith(ArtifactNames.SUMMARY));
    }
  }

  public Written write(FinishedRun run, RunSummary summary, Path directory) {
    List<String> failures = new ArrayList<>();
    List<TrailEvent> trail = readTrail(run, directory, failures);
    attempt(failures, ArtifactNames.PLAN,
        () -> files.write(directory.resolve(ArtifactNames.PLAN), json(PlanArtifact.of(run))));
    attempt(failures, ArtifactNames.OTLP_TRACES,
        () -> files.write(directory.resolve(ArtifactNames.OTLP_TRACES), out -> otlp.write(run.spans(), out)));
    attempt(failures, ArtifactNames.SUMMARY,
        () -> marker.write(directory.resolve(ArtifactNames.SUMMARY), text(SummaryJson.write(summary))));
    return new Written(summary, trail, directory, List.copyOf(failures));
  }

  /**
   * The run's trail events as core wrote them, for the index (empty when there is no trail file). What
   * the reader reports about the file (gaps, a torn line) shows in the report, which reads it again.
   */
  private static List<TrailEvent> readTrail(FinishedRun run, Path directory, List<String> failures) {
    Path file = run.trailFile() != null ? run.trailFile() : directory.resolve(ArtifactNames.TRAIL);
    try {
      return TrailReader.read(file).events();
    } catch (IOException e) {
      failures.add("reading " + file + " failed: " + e.getMessage());
      return List.of();
    }
  }

  private static AtomicFiles.Content text(String text) {
    return out -> out.write(text.getBytes(StandardCharsets.UTF_8));
  }

  /** A JSON value tree, pretty-printed. */
  private static AtomicFiles.Content json(Map<String, Object> document) {
    return out -> {
      Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
      try (JsonGenerator json = JsonTree.generator(writer, true)) {
        json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        TrailJson.writeValue(json, document);
      }
      writer.write('\n');
      writer.flush();
    };
  }

  /** One artifact's writing. */
  @FunctionalInterface
  private interface Step {
    void run() throws IOException;
  }

  private static void attempt(List<String> failures, String artifact, Step step) {
    try {
      step.run();
    } catch (IOException | RuntimeException e) {
      failures.add(artifact + " not written: " + e);
    }
  }
}
