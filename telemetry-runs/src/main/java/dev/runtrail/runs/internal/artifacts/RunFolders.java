package dev.runtrail.runs.internal.artifacts;

import dev.runtrail.runs.internal.summary.RunSummary;
import dev.runtrail.runs.internal.summary.SummaryJson;
import dev.runtrail.telemetry.core.trail.TrailReader;
import dev.runtrail.telemetry.trail.TrailEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Finds and reads run folders under a runs directory ({@code <env>/<target>/<plan-hash>/<run-id>/}). */
public final class RunFolders {

  /** Depth of a run folder below the runs directory. */
  static final int RUN_DEPTH = 4;

  private final Path root;
  private final Path absoluteRoot; // normalized once: relative() runs for every stored run

  public RunFolders(Path root) {
    this.root = root;
    this.absoluteRoot = root.toAbsolutePath().normalize();
  }

  public Path root() {
    return root;
  }

  /** A run folder's path relative to the runs directory, with {@code /} separators (as the index stores it). */
  public String relative(Path directory) {
    Path relative = absoluteRoot.relativize(directory.toAbsolutePath().normalize());
    return relative.toString().replace(java.io.File.separatorChar, '/');
  }

  /**
   * The folder a relative path from the index names, or null when it would lead outside the runs
   * directory (an index is not trusted to point anywhere else, least of all for deletion).
   */
  public Path resolve(String relativeDir) {
    Path resolved = absoluteRoot.resolve(relativeDir).normalize();
    return resolved.startsWith(absoluteRoot) && !resolved.equals(absoluteRoot) ? resolved : null;
  }

  /** Every folder at run depth, finished (with summary.json) or not, sorted by path. */
  public List<Path> all() throws IOException {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> paths = Files.find(root, RUN_DEPTH, (path, attributes) -> attributes.isDirectory()
        && root.relativize(path).getNameCount() == RUN_DEPTH)) {
      return paths.sorted().toList();
    }
  }

  /** Folders named {@code runId} at run depth (normally one). */
  public List<Path> find(String runId) throws IOException {
    List<Path> found = new ArrayList<>();
    for (Path folder : all()) {
      if (folder.getFileName().toString().equals(runId)) {
        found.add(folder);
      }
    }
    return found;
  }

  /** Reads a folder's summary.json. */
  public static RunSummary readSummary(Path directory) throws IOException {
    Path file = directory.resolve(ArtifactNames.SUMMARY);
    String text = Files.readString(file, StandardCharsets.UTF_8);
    try {
      return SummaryJson.read(text);
    } catch (IllegalArgumentException e) {
      throw new IOException(file + " is not a valid summary: " + e.getMessage(), e);
    }
  }

  /** Whether the folder holds a finished run. */
  public static boolean isFinished(Path directory) {
    return Files.isRegularFile(directory.resolve(ArtifactNames.SUMMARY));
  }

  /** Reads a folder's trail.jsonl (empty when missing). */
  public static TrailReader.Result readTrail(Path directory) throws IOException {
    return TrailReader.read(directory.resolve(ArtifactNames.TRAIL));
  }

  /** The events of a trail that belong to the run (a shared file could hold others). */
  public static List<TrailEvent> eventsOf(String runId, TrailReader.Result trail) {
    List<TrailEvent> events = new ArrayList<>();
    for (TrailEvent event : trail.events()) {
      if (event.runId().equals(runId)) {
        events.add(event);
      }
    }
    return events;
  }
}
