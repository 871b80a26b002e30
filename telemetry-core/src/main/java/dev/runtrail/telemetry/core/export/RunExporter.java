package dev.runtrail.telemetry.core.export;

import java.util.List;

/**
 * Receives each run when it ends, with its steps, spans and the finished trail file. telemetry-runs
 * implements it to write the run store; Runtrail finds implementations through
 * {@link RunExporterProvider} on the class path, or takes them from the builder.
 *
 * <p>Called on Runtrail's export thread, never on the app's thread. Runs that ended while the exporter
 * was busy arrive together in one {@link #exportAll} call (in the order they ended), so an exporter can
 * write them in one transaction. An exporter that throws is reported and does not affect other
 * exporters or the app.
 */
public interface RunExporter {

  /** Exports one run. */
  void export(FinishedRun run) throws Exception;

  /**
   * Exports runs that ended close together, in the order they ended. The default exports each with
   * {@link #export(FinishedRun)}; a failing run does not stop the others, and the first failure is thrown
   * once all were tried (later ones {@linkplain Throwable#getSuppressed() suppressed} on it).
   */
  default void exportAll(List<FinishedRun> runs) throws Exception {
    Exception failure = null;
    for (FinishedRun run : runs) {
      try {
        export(run);
      } catch (Exception e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  /** Called once when telemetry closes, after the last run. */
  default void close() throws Exception {}
}
