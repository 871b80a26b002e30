package dev.runtrail.runs.artifacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runtrail.runs.internal.artifacts.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

  @TempDir
  Path dir;

  @Test
  void aWriteThatFailsHalfWayLeavesNoFileBehind() throws Exception {
    Path summary = dir.resolve("summary.json");

    assertThatThrownBy(() -> AtomicFiles.write(summary, out -> {
      out.write("{\"run_id\":\"run-1\",".getBytes(StandardCharsets.UTF_8));
      throw new IOException("disk full");
    })).hasMessage("disk full");

    assertThat(summary).doesNotExist();
    assertThat(filesIn(dir)).isEmpty();
  }

  @Test
  void theSingleWriterFormLeavesNothingBehindOnFailureAndOnlyTheTargetOnSuccess() throws Exception {
    Path summary = dir.resolve("summary.json");

    assertThatThrownBy(() -> AtomicFiles.writeAsOnlyWriter(summary, out -> {
      out.write("{\"run_id\":\"run-1\",".getBytes(StandardCharsets.UTF_8));
      throw new IOException("disk full");
    })).hasMessage("disk full");
    assertThat(filesIn(dir)).isEmpty();

    AtomicFiles.writeAsOnlyWriter(summary, out -> out.write("{}\n".getBytes(StandardCharsets.UTF_8)));
    assertThat(summary).hasContent("{}\n");
    assertThat(filesIn(dir)).containsExactly(summary);
  }

  @Test
  void aWriteThatFailsHalfWayKeepsThePreviousContent() throws Exception {
    Path summary = dir.resolve("summary.json");
    AtomicFiles.write(summary, "{\"status\":\"ok\"}\n");

    assertThatThrownBy(() -> AtomicFiles.write(summary, out -> {
      out.write("{\"sta".getBytes(StandardCharsets.UTF_8));
      throw new IllegalStateException("crash");
    }));

    assertThat(summary).hasContent("{\"status\":\"ok\"}\n");
    assertThat(filesIn(dir)).containsExactly(summary);
  }

  @Test
  void readersNeverSeeAHalfWrittenFile() throws Exception {
    Path file = dir.resolve("summary.json");
    String small = "{\"n\":\"" + "a".repeat(10) + "\"}";
    String large = "{\"n\":\"" + "b".repeat(200_000) + "\"}";
    AtomicFiles.write(file, small);
    AtomicBoolean done = new AtomicBoolean();
    List<String> torn = new ArrayList<>();
    Thread reader = new Thread(() -> {
      while (!done.get()) {
        try {
          String seen = Files.readString(file);
          if (!seen.equals(small) && !seen.equals(large)) {
            torn.add(seen.length() + " chars");
          }
        } catch (IOException e) {
          torn.add("unreadable: " + e);
        }
      }
    });
    reader.start();
    for (int i = 0; i < 100; i++) {
      AtomicFiles.write(file, i % 2 == 0 ? large : small);
    }
    done.set(true);
    reader.join();

    assertThat(torn).isEmpty();
  }

  @Test
  void createsTheFolderItWritesInto() throws Exception {
    Path nested = dir.resolve("prod/api/_/run-1/plan.json");

    AtomicFiles.write(nested, "{}");

    assertThat(nested).hasContent("{}");
  }

  private static List<Path> filesIn(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.toList();
    }
  }
}
