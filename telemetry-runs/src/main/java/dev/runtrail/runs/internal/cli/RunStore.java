package dev.runtrail.runs.internal.cli;

import dev.runtrail.runs.internal.artifacts.ArtifactNames;
import dev.runtrail.runs.internal.artifacts.RunFolders;
import dev.runtrail.runs.internal.index.IndexedRun;
import dev.runtrail.runs.internal.index.RunIndex;
import dev.runtrail.runs.internal.summary.RunSummary;
import dev.runtrail.telemetry.core.trail.TrailReader;
import dev.runtrail.telemetry.trail.TrailEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The CLI's view of a runs directory: its index, and finding a run by id or unique id prefix. */
public final class RunStore {

  /** A finished run read from its folder. */
  public record LocatedRun(RunSummary summary, Path directory, List<TrailEvent> trail, List<String> trailProblems) {}

  private final Path root;
  private final RunFolders folders;

  RunStore(Path root) {
    this.root = root;
    this.folders = new RunFolders(root);
  }

  public Path root() {
    return root;
  }

  public RunFolders folders() {
    return folders;
  }

  /** Whether the runs directory exists at all. */
  public boolean exists() {
    return Files.isDirectory(root);
  }

  /** Opens (creating if needed) the index; close it after use. */
  public RunIndex openIndex() {
    return RunIndex.open(root.resolve(ArtifactNames.INDEX));
  }

  /**
   * Finds a run by its id, a unique prefix of it, or (when the index lacks it) its folder's name.
   *
   * @throws CliException exit 1 when not found, ambiguous or unfinished
   */
  public LocatedRun locate(String reference) {
    if (reference == null || reference.isBlank()) {
      throw CliException.usage("A run id is required");
    }
    if (!exists()) {
      throw CliException.notFound("Run '" + reference + "' not found: there is no run store at " + root);
    }
    Optional<Path> indexed = fromIndex(reference);
    if (indexed.isPresent() && RunFolders.isFinished(indexed.get())) {
      return read(indexed.get());
    }
    List<Path> folders = scan(reference);
    for (Path folder : folders) {
      if (RunFolders.isFinished(folder)) {
        return read(folder);
      }
    }
    if (!folders.isEmpty()) {
      throw CliException.notFound("Run '" + reference + "' has no summary.json yet: it is still running or did not"
          + " finish (" + folders.get(0) + ")");
    }
    throw CliException.notFound("Run '" + reference + "' not found in " + root
        + (indexed.isPresent() ? " (the index lists it but its folder is gone: run `runtrail runs reindex`)"
            : " (see `runtrail runs list`)"));
  }

  private Optional<Path> fromIndex(String reference) {
    if (!Files.exists(root.resolve(ArtifactNames.INDEX))) {
      return Optional.empty();
    }
    try (RunIndex index = openIndex()) {
      Optional<IndexedRun> exact = index.queries().find(reference);
      if (exact.isEmpty()) {
        List<String> ids = index.queries().idsWithPrefix(reference, 6);
        if (ids.size() > 1) {
          throw CliException.notFound("'" + reference + "' matches several runs (" + String.join(", ", ids)
              + (ids.size() > 5 ? ", ..." : "") + "): give more of the run id");
        }
        exact = ids.isEmpty() ? Optional.empty() : index.queries().find(ids.get(0));
      }
      return exact.map(run -> folders.resolve(run.dir()));
    }
  }

  private List<Path> scan(String runId) {
    try {
      return new ArrayList<>(folders.find(runId));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot scan " + root + ": " + e.getMessage(), e);
    }
  }

  private static LocatedRun read(Path folder) {
    try {
      RunSummary summary = RunFolders.readSummary(folder);
      TrailReader.Result trail = RunFolders.readTrail(folder);
      List<String> problems = new ArrayList<>(trail.problems());
      trail.gaps().forEach(gap -> problems.add("trail " + gap));
      return new LocatedRun(summary, folder, RunFolders.eventsOf(summary.runId(), trail), problems);
    } catch (IOException e) {
      throw new UncheckedIOException(e.getMessage(), e);
    }
  }
}
