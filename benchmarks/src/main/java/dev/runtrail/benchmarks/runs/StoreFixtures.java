package dev.runtrail.benchmarks.runs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** What the run store benchmarks (local write, S3 upload) build their runs from and clean up with. */
public final class StoreFixtures {

  private StoreFixtures() {}

  /** Three trail events of {@code runId}, as core's JSON Lines sink writes them. */
  public static String trailOfThreeEvents(String runId) {
    StringBuilder lines = new StringBuilder();
    String[] types = {"tool_call", "decorator_used", "note"};
    for (int i = 0; i < types.length; i++) {
      lines.append("{\"seq\":").append(i + 1).append(",\"ts\":\"2026-01-01T00:00:0").append(i)
          .append(".000Z\",\"type\":\"").append(types[i]).append("\",\"run_id\":\"").append(runId)
          .append("\",\"step\":\"main/step-0\",\"data\":{\"tool\":\"kubectl\",\"args\":{\"cmd\":\"apply -f k8s/\"}}}\n");
    }
    return lines.toString();
  }

  /** Deletes {@code dir} and everything under it. */
  public static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
