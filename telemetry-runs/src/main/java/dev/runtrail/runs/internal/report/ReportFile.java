package dev.runtrail.runs.internal.report;

import dev.runtrail.runs.internal.artifacts.ArtifactNames;
import dev.runtrail.runs.internal.artifacts.AtomicFiles;
import dev.runtrail.runs.internal.artifacts.RunFolders;
import dev.runtrail.runs.internal.summary.RunSummary;
import dev.runtrail.telemetry.core.trail.TrailReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A finished run's {@code report.html}, rendered from its folder's {@code summary.json} and
 * {@code trail.jsonl} the first time someone asks for it ({@code runtrail runs open}), then kept next to
 * them. The store does not write it for every run: most reports are never opened, and rendering one costs
 * the export thread more than all the other artifacts together.
 *
 * <p>The page is what {@link ReportHtml} makes of the summary and trail the store wrote, values that core
 * redacted before they reached the folder, each HTML-escaped. It is written atomically (a uniquely named
 * temp file renamed into place), so two commands opening the run at once, or one killed midway, never
 * leave a partial page.
 */
public final class ReportFile {

  private ReportFile() {}

  /**
   * The folder's report.html, rendered and written first if it is not there yet.
   *
   * @throws IOException when summary.json cannot be read or the report cannot be written
   */
  public static Path ensure(Path folder) throws IOException {
    Path report = folder.resolve(ArtifactNames.REPORT);
    if (!Files.isRegularFile(report)) {
      String html = render(folder);
      AtomicFiles.write(report, out -> out.write(html.getBytes(StandardCharsets.UTF_8)));
    }
    return report;
  }

  /** The report of the run in this folder, from its summary.json and trail.jsonl. */
  public static String render(Path folder) throws IOException {
    RunSummary summary = RunFolders.readSummary(folder);
    TrailReader.Result trail = RunFolders.readTrail(folder);
    List<String> problems = new ArrayList<>(trail.problems());
    trail.gaps().forEach(gap -> problems.add("trail " + gap));
    return ReportHtml.render(summary, trail.events(), problems);
  }
}
