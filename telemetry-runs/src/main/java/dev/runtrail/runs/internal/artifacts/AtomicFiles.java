package dev.runtrail.runs.internal.artifacts;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes files for the run store. {@link #write} is atomic: the bytes go to a temp file in the same
 * folder that is then renamed over the target, so readers (and the store after a process crash) see
 * either the old content or the complete new one, never a part. {@link #writeDirect} writes in place,
 * for files whose completeness a later atomic write vouches for (a run folder's summary.json).
 *
 * <p>Neither forces the bytes to disk: a rename is atomic for every process on the machine as soon as
 * it returns, which is what a crash of the writing process needs; surviving an OS crash or power loss
 * is left to the index and {@code runtrail runs reindex} (see the module README), not paid per file.
 */
public final class AtomicFiles {

  /** Writes the content of a file. */
  @FunctionalInterface
  public interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  private AtomicFiles() {}

  public static void write(Path target, String text) throws IOException {
    write(target, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
  }

  /** Writes the file atomically (temp file and rename), creating its folder if needed. */
  public static void write(Path target, Content content) throws IOException {
    Path folder = target.toAbsolutePath().getParent();
    Files.createDirectories(folder);
    Path temp = Files.createTempFile(folder, "." + target.getFileName(), ".tmp");
    try {
      try (OutputStream out = Files.newOutputStream(temp)) {
        content.writeTo(out);
      }
      move(temp, target);
    } catch (IOException | RuntimeException | Error e) {
      Files.deleteIfExists(temp);
      throw e;
    }
  }

  /**
   * Writes the file atomically like {@link #write}, but in an existing folder and through the temp file
   * {@code .<name>.tmp} rather than a uniquely named one (which costs an extra file creation): only for
   * a file that one thread alone ever writes, as a run folder's summary.json is by the store's export
   * thread — two writers would share the temp file.
   */
  public static void writeAsOnlyWriter(Path target, Content content) throws IOException {
    Path temp = target.resolveSibling("." + target.getFileName() + ".tmp");
    try {
      writeDirect(temp, content);
      move(temp, target);
    } catch (IOException | RuntimeException | Error e) {
      Files.deleteIfExists(temp);
      throw e;
    }
  }

  /**
   * Writes (creates or truncates) the file in place, in an existing folder. A failure or a crash can
   * leave part of it behind: use only where an atomic write that follows marks the files complete.
   */
  public static void writeDirect(Path target, Content content) throws IOException {
    try (OutputStream out = Files.newOutputStream(target)) {
      content.writeTo(out);
    }
  }

  private static void move(Path temp, Path target) throws IOException {
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      // Same folder, so this only happens on unusual file systems; rename is still the best we have.
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
