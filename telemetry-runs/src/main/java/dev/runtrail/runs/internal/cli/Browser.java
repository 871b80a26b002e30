package dev.runtrail.runs.internal.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Opens a file with the desktop's handler ({@code xdg-open}, {@code open}, or {@code start}); never throws. */
final class Browser {

  private Browser() {}

  static boolean open(Path file) {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    List<List<String>> candidates = os.contains("mac") ? List.of(List.of("open", file.toString()))
        : os.contains("win") ? List.of(List.of("cmd", "/c", "start", "", file.toString()))
        : List.of(List.of("xdg-open", file.toString()), List.of("sensible-browser", file.toString()));
    for (List<String> command : candidates) {
      try {
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS) || process.exitValue() == 0) {
          return true;
        }
      } catch (IOException e) {
        // Not installed: try the next one.
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return false;
  }
}
