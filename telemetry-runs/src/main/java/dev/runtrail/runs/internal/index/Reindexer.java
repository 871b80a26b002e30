package dev.runtrail.runs.internal.index;

import dev.runtrail.runs.internal.artifacts.RunFolders;
import dev.runtrail.runs.internal.summary.RunSummary;
import dev.runtrail.telemetry.core.trail.TrailReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/** Rebuilds the index from the run folders: every finished run (with summary.json) is indexed again. */
public final class Reindexer {

  /**
   * What a rebuild found.
   *
   * @param unfinished folders without summary.json (a run in progress, or one that crashed)
   * @param problems folders that could not be read, with the reason
   */
  public record Result(int indexed, List<Path> unfinished, List<String> problems) {}

  private final RunFolders folders;

  public Reindexer(RunFolders folders) {
    this.folders = folders;
  }

  /**
   * Replaces the index's content with what the folders hold, in one transaction; a shared index only
   * gets this machine's runs added again (the other machines' rows are theirs).
   */
  public Result rebuild(RunIndex index) throws IOException {
    List<Path> all = folders.all();
    List<Path> unfinished = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    int[] indexed = {0};
    Iterable<RunIndex.IndexedRunData> runs = () -> new Iterator<>() {
      private final Iterator<Path> paths = all.iterator();
      private RunIndex.IndexedRunData next = advance();

      private RunIndex.IndexedRunData advance() {
        while (paths.hasNext()) {
          Path folder = paths.next();
          if (!RunFolders.isFinished(folder)) {
            unfinished.add(folder);
            continue;
          }
          try {
            RunSummary summary = RunFolders.readSummary(folder);
            TrailReader.Result trail = RunFolders.readTrail(folder);
            indexed[0]++;
            return new RunIndex.IndexedRunData(summary, RunFolders.eventsOf(summary.runId(), trail),
                folders.relative(folder));
          } catch (IOException | RuntimeException e) {
            problems.add(folder + ": " + e.getMessage());
          }
        }
        return null;
      }

      @Override
      public boolean hasNext() {
        return next != null;
      }

      @Override
      public RunIndex.IndexedRunData next() {
        if (next == null) {
          throw new NoSuchElementException();
        }
        RunIndex.IndexedRunData current = next;
        next = advance();
        return current;
      }
    };
    if (index.location().shared()) {
      index.mergeAll(runs);
    } else {
      index.replaceAll(runs);
    }
    return new Result(indexed[0], unfinished, problems);
  }
}
