package dev.runtrail.runs.internal.cli;

import dev.runtrail.runs.internal.artifacts.RunFolders;
import dev.runtrail.runs.internal.index.IndexLocation;
import dev.runtrail.runs.internal.index.IndexedRun;
import dev.runtrail.runs.internal.index.RunIndex;
import dev.runtrail.runs.internal.summary.RunSummary;
import dev.runtrail.runs.remote.RemoteRunStore;
import dev.runtrail.runs.remote.RemoteRunStores;
import dev.runtrail.telemetry.core.trail.TrailReader;
import dev.runtrail.telemetry.trail.TrailEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The CLI's view of a run store: the runs directory, its index (local or shared), the object storage
 * runs may be fetched from, and finding a run by id or unique id prefix.
 */
public final class RunStore {

  /** A finished run read from its folder. */
  public record LocatedRun(RunSummary summary, Path directory, List<TrailEvent> trail, List<String> trailProblems) {}

  private final Path root;
  private final RunFolders folders;
  private final IndexLocation index;
  private final String remoteUrl; // null: local folders only
  private final String remoteSource;

  RunStore(Path root, IndexLocation index, String remoteUrl, String remoteSource) {
    this.root = root;
    this.folders = new RunFolders(root);
    this.index = index;
    this.remoteUrl = remoteUrl;
    this.remoteSource = remoteSource;
  }

  public Path root() {
    return root;
  }

  public RunFolders folders() {
    return folders;
  }

  /**
   * Whether there is a store to read: the runs directory exists, or the index is a shared server or a
   * file elsewhere.
   */
  public boolean exists() {
    return Files.isDirectory(root) || index.shared() || Files.exists(index.file());
  }

  /** Where the index is. */
  public IndexLocation index() {
    return index;
  }

  /** Opens (creating if needed) the index; close it after use. */
  public RunIndex openIndex() {
    return RunIndex.open(index);
  }

  /** The object storage runs are copied to, or null; close it after use. */
  public RemoteRunStore openRemote() {
    return remoteUrl == null ? null : RemoteRunStores.open(remoteUrl, remoteSource);
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
    Optional<IndexedRun> indexedRun = fromIndex(reference);
    Optional<Path> indexed = indexedRun.map(run -> folders.resolve(run.dir()));
    if (indexed.isPresent() && (RunFolders.isFinished(indexed.get()) || fetch(indexedRun.get().dir(), indexed.get()))) {
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
        + (indexed.isPresent() ? " (the index lists it but its folder is gone" + (remoteUrl == null
            ? ": run `runtrail runs reindex`)" : ", and " + remoteUrl + " has no copy of it (yet))")
            : " (see `runtrail runs list`)"));
  }

  /** Copies the run's folder from object storage into the runs directory; whether it is there now. */
  private boolean fetch(String dir, Path folder) {
    if (remoteUrl == null || folder == null) {
      return false;
    }
    try (RemoteRunStore remote = openRemote()) {
      return remote.fetch(dir, folder) && RunFolders.isFinished(folder);
    } catch (IllegalArgumentException e) {
      throw CliException.usage(e.getMessage());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot fetch run folder " + dir + " from " + remoteUrl + ": " + e.getMessage(), e);
    }
  }

  private Optional<IndexedRun> fromIndex(String reference) {
    if (index.file() != null && !Files.exists(index.file())) {
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
      return exact;
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
