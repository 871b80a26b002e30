package dev.runtrail.runs.internal.retention;

import dev.runtrail.runs.internal.artifacts.RunFolders;
import dev.runtrail.runs.internal.index.IndexedRun;
import dev.runtrail.runs.internal.index.RunIndex;
import dev.runtrail.runs.remote.RemoteRunStore;
import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Removes runs older than their env's retention: the folder first (the local one, then its copy in
 * object storage when there is one), then the index rows — so a crash in between leaves an index row
 * whose folder is gone, which the next prune (or a reindex) clears, never a folder the index forgot.
 * With a shared index this removes every machine's expired runs: their local folders are on their
 * machines (each machine's own prune finds no row left and leaves its folder; a reindex would bring it
 * back), their copies in the bucket and their rows are removed here.
 */
public final class Pruner {

  /** A run that expired, and whether removing it failed. */
  public record Pruned(IndexedRun run, String failure) {}

  private final RunIndex index;
  private final RunFolders folders;
  private final RetentionPolicy policy;
  private final RemoteRunStore remote; // null: local folders only

  public Pruner(RunIndex index, RunFolders folders, RetentionPolicy policy) {
    this(index, folders, policy, null);
  }

  /** A pruner that also removes the runs' copies from {@code remote} (null for none). */
  public Pruner(RunIndex index, RunFolders folders, RetentionPolicy policy, RemoteRunStore remote) {
    this.index = index;
    this.folders = folders;
    this.policy = policy;
    this.remote = remote;
  }

  /** The indexed runs that have expired at {@code now}, oldest first. */
  public List<IndexedRun> expired(Instant now) {
    List<IndexedRun> expired = new ArrayList<>();
    for (IndexedRun run : index.queries().startedBefore(now.minus(policy.shortest()))) {
      if (run.startedAt().isBefore(now.minus(policy.keep(run.env())))) {
        expired.add(run);
      }
    }
    return expired;
  }

  /** Removes the expired runs (or, with {@code dryRun}, only lists them). */
  public List<Pruned> prune(Instant now, boolean dryRun) {
    List<Pruned> result = new ArrayList<>();
    for (IndexedRun run : expired(now)) {
      if (dryRun) {
        result.add(new Pruned(run, null));
        continue;
      }
      Path folder = folders.resolve(run.dir());
      if (folder == null) {
        result.add(new Pruned(run, "index points outside the runs directory (" + run.dir() + "); not deleted"));
        continue;
      }
      try {
        deleteTree(folder);
        removeEmptyParents(folder.getParent());
        if (remote != null) {
          remote.delete(run.dir());
        }
        index.delete(run.runId());
        result.add(new Pruned(run, null));
      } catch (IOException e) {
        result.add(new Pruned(run, "could not delete " + folder + (remote != null ? " or its copy in "
            + remote.location() : "") + ": " + e));
      }
    }
    return result;
  }

  private static void deleteTree(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return;
    }
    Files.walkFileTree(folder, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.deleteIfExists(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
        if (failure != null) {
          throw failure;
        }
        Files.deleteIfExists(dir);
        return FileVisitResult.CONTINUE;
      }
    });
  }

  /** Removes the now-empty plan-hash, target and env folders, never the runs directory itself. */
  private void removeEmptyParents(Path folder) {
    Path root = folders.root().toAbsolutePath().normalize();
    Path current = folder.toAbsolutePath().normalize();
    while (current != null && current.startsWith(root) && !current.equals(root)) {
      try {
        Files.delete(current);
      } catch (DirectoryNotEmptyException | NoSuchFileException e) {
        return;
      } catch (IOException e) {
        return;
      }
      current = current.getParent();
    }
  }
}
