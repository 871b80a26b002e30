package dev.runtrail.testkit.internal;

import dev.runtrail.testkit.Canary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

/**
 * Looks for canaries in every file under a directory, byte for byte (so text, JSON and binary files
 * such as an SQLite index are covered), in raw and JSON-escaped form.
 */
final class FileScan {

  /** Files larger than this are not read (and the report says so). */
  static final long MAX_BYTES = 64L * 1024 * 1024;

  /** What was scanned. */
  record Result(int files, List<String> skipped) {
    String describe() {
      return files + (files == 1 ? " file" : " files") + " under the runs directory"
          + (skipped.isEmpty() ? "" : " (not read: " + String.join(", ", skipped) + ")");
    }
  }

  private FileScan() {}

  static Result scan(Path directory, List<Canary> canaries, BiConsumer<Canary, String> found) {
    if (directory == null || !Files.isDirectory(directory)) {
      return new Result(0, List.of());
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(directory)) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    } catch (IOException | UncheckedIOException e) {
      return new Result(0, List.of("the directory could not be listed: " + e.getMessage()));
    }
    List<String> skipped = new ArrayList<>();
    int scanned = 0;
    for (Path file : files) {
      String relative = directory.relativize(file).toString();
      try {
        if (Files.size(file) > MAX_BYTES) {
          skipped.add(relative + " (over 64 MB)");
          continue;
        }
        // ISO-8859-1 maps each byte to one char, so a UTF-8 needle can be searched for as bytes.
        String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        scanned++;
        for (Canary canary : canaries) {
          for (String needle : needles(canary.secret())) {
            int at = bytes.indexOf(needle);
            if (at >= 0) {
              found.accept(canary, "file " + Describe.quote(relative) + " line " + lineOf(bytes, at));
              break;
            }
          }
        }
      } catch (IOException | UncheckedIOException e) {
        skipped.add(relative + " (" + e.getMessage() + ")");
      }
    }
    return new Result(scanned, skipped);
  }

  /** The secret's UTF-8 bytes as written raw and as JSON writers escape them. */
  static Set<String> needles(String secret) {
    Set<String> needles = new LinkedHashSet<>();
    needles.add(latin1(secret));
    String json = secret.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\r", "\\r")
        .replace("\t", "\\t");
    needles.add(latin1(json));
    needles.add(latin1(json.replace("/", "\\/")));
    return needles;
  }

  private static String latin1(String text) {
    return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
  }

  private static int lineOf(String text, int index) {
    int line = 1;
    for (int i = 0; i < index; i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }
}
