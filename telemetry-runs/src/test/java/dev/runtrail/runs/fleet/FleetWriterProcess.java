package dev.runtrail.runs.fleet;

import dev.runtrail.runs.RunStoreExporter;
import dev.runtrail.runs.fixtures.SeedRun;
import dev.runtrail.telemetry.core.config.RuntrailConfig;
import dev.runtrail.telemetry.core.export.FinishedRun;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One machine of a fleet, as a child JVM: writes {@code COUNT} runs named {@code run-<WRITER>-<n>}
 * through the real {@link RunStoreExporter} configured from its system properties
 * ({@code -Druntrail.index.url=...}, {@code -Druntrail.run.store.url=...}), in batches, then closes the
 * exporter and exits 0; prints {@code done} last.
 *
 * <pre>java -Druntrail.index.url=URL -cp TEST_CLASS_PATH dev.runtrail.runs.fleet.FleetWriterProcess
 *     RUNS_DIR WRITER COUNT BATCH</pre>
 */
public final class FleetWriterProcess {

  /** When the first run of every writer starts; run n starts n seconds later. */
  public static final Instant FIRST_START = Instant.parse("2026-02-01T00:00:00Z");

  private FleetWriterProcess() {}

  public static void main(String[] args) throws Exception {
    Path runsDir = Path.of(args[0]);
    String writer = args[1];
    int count = Integer.parseInt(args[2]);
    int batch = Integer.parseInt(args[3]);
    RunStoreExporter exporter = RunStoreExporter.create(runsDir, RuntrailConfig.fromEnvironment());
    try {
      for (int first = 0; first < count; first += batch) {
        List<FinishedRun> runs = new ArrayList<>(batch);
        for (int n = first; n < Math.min(count, first + batch); n++) {
          runs.add(SeedRun.builder(runsDir, runId(writer, n), FIRST_START.plusSeconds(n)).build());
        }
        exporter.exportAll(runs);
      }
    } finally {
      exporter.close();
    }
    System.out.println("done");
  }

  /** The id of run {@code n} of this writer. */
  public static String runId(String writer, int n) {
    return String.format("run-%s-%06d", writer, n);
  }

  /** The command that starts a writer with these system properties. */
  public static List<String> command(List<String> properties, Path runsDir, String writer, int count, int batch) {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElseThrow());
    command.addAll(properties);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), FleetWriterProcess.class.getName(),
        runsDir.toString(), writer, Integer.toString(count), Integer.toString(batch)));
    return command;
  }
}
