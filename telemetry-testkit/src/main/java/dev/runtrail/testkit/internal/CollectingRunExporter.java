package dev.runtrail.testkit.internal;

import dev.runtrail.telemetry.core.export.FinishedRun;
import dev.runtrail.telemetry.core.export.RunExporter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Keeps every finished run. With synchronous export it is called on the thread that closes the run,
 * after the run's trail reached every sink, so a run is complete when it shows up here.
 */
public final class CollectingRunExporter implements RunExporter {

  private final List<FinishedRun> runs = new CopyOnWriteArrayList<>();
  private final Consumer<FinishedRun> onRun;

  public CollectingRunExporter(Consumer<FinishedRun> onRun) {
    this.onRun = onRun;
  }

  @Override
  public void export(FinishedRun run) {
    runs.add(run);
    onRun.accept(run);
  }

  /** The runs in the order they ended. */
  public List<FinishedRun> runs() {
    return List.copyOf(runs);
  }
}
