package dev.runtrail.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runtrail.runs.fixtures.SeedRun;
import dev.runtrail.runs.internal.index.IndexedRun;
import dev.runtrail.runs.internal.index.RunFilter;
import dev.runtrail.runs.internal.index.RunIndex;
import dev.runtrail.telemetry.core.export.FinishedRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A batch's folders are written by the store's two writer threads; what that must not change. */
class RunStoreWriterThreadsTest {

  @TempDir Path runsDir;

  private List<FinishedRun> batch(int size) throws IOException {
    List<FinishedRun> runs = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      runs.add(SeedRun.builder(runsDir, String.format("run-20250920-102231-%06x", i), SeedRun.STARTED).build());
    }
    return runs;
  }

  @Test
  void aFolderThatFailsInABatchFailsOnlyItsRunNamedInTheExceptionAndTheOthersAreIndexed() throws Exception {
    List<FinishedRun> runs = batch(9);
    // summary.json cannot be written where a folder of that name is in the way: those two runs are not finished.
    for (int failing : List.of(1, 6)) {
      Files.createDirectories(runs.get(failing).directory().resolve("summary.json").resolve("in-the-way"));
    }
    RunStoreExporter exporter = RunStoreExporter.create(runsDir);

    assertThatThrownBy(() -> exporter.exportAll(runs)).isInstanceOf(IOException.class)
        .hasMessageContaining("2 of 9 runs not fully stored")
        .hasMessageContaining("run " + runs.get(1).runId() + " in " + runs.get(1).directory() + ": summary.json not written")
        .hasMessageContaining("run " + runs.get(6).runId() + " in " + runs.get(6).directory() + ": summary.json not written")
        .satisfies(e -> assertThat(e.getMessage().indexOf(runs.get(1).runId()))
            .as("failures named in batch order").isLessThan(e.getMessage().indexOf(runs.get(6).runId())));
    exporter.close();

    List<String> expected = new ArrayList<>();
    for (int i = 0; i < runs.size(); i++) {
      if (i != 1 && i != 6) {
        expected.add(runs.get(i).runId());
        assertThat(runs.get(i).directory().resolve("summary.json")).isRegularFile();
      }
    }
    assertThat(indexedIds()).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(exporter.failedRuns()).isEqualTo(2);
  }

  @Test
  void writerThreadsAreNamedDaemonsStartedByABatchAndStoppedByClose() throws Exception {
    others = writerThreads(); // other exporters' in this JVM (other tests', not closed)
    RunStoreExporter exporter = RunStoreExporter.create(runsDir);
    exporter.exportAll(batch(1));
    assertThat(writerThreads()).as("a batch of one is written on the calling thread").isEmpty();

    exporter.exportAll(batch(8));
    List<Thread> writers = writerThreads();
    assertThat(writers).hasSize(RunStoreExporter.WRITERS).allSatisfy(thread -> assertThat(thread.isDaemon()).isTrue());
    assertThat(indexedIds()).hasSize(8); // the first batch's run id is the second's first: replaced

    exporter.close();
    for (Thread writer : writers) {
      writer.join(10_000);
      assertThat(writer.isAlive()).as(writer.getName() + " after close()").isFalse();
    }

    exporter.exportAll(batch(4)); // a later batch starts them again
    assertThat(writerThreads()).hasSize(RunStoreExporter.WRITERS);
    exporter.close();
  }

  private List<Thread> others = List.of();

  private List<Thread> writerThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(thread -> thread.getName().startsWith(RunStoreExporter.WRITER_THREAD_NAME + "-"))
        .filter(Thread::isAlive).filter(thread -> !others.contains(thread)).toList();
  }

  private List<String> indexedIds() {
    try (RunIndex index = RunIndex.open(runsDir.resolve("runs.db"))) {
      return index.queries().list(RunFilter.all()).stream().map(IndexedRun::runId).toList();
    }
  }
}
