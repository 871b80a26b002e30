package dev.runtrail.testkit.internal;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/** A runs directory per test, deleted afterwards. */
public final class TempDirectories {

  private TempDirectories() {}

  public static Path create() {
    try {
      return Files.createTempDirectory("runtrail-test-");
    } catch (IOException e) {
      throw new IllegalStateException("Cannot create a temporary runs directory for the test: " + e.getMessage(), e);
    }
  }

  /** Deletes the directory and everything in it; what cannot be deleted is left (best effort). */
  public static void delete(Path directory) {
    if (directory == null || !Files.exists(directory)) {
      return;
    }
    try {
      Files.walkFileTree(directory, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
          Files.deleteIfExists(file);
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
          Files.deleteIfExists(dir);
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      // A file held open elsewhere; the OS cleans the temp directory eventually.
    }
  }
}
