package dev.runtrail.telemetry.core.export;

import java.util.List;

/**
 * Receives each run when it ends, with its steps, spans and the finished trail file. telemetry-runs
 * implements it to write the run store; Runtrail finds implementations through
 * {@link RunExporterProvider} on the class path, or takes them from the builder.
 *
 * <p>Called on Runtrail's export thread, never on the app's thread. Runs that ended while the exporter
 * was busy arrive together in one {@link #exportAll} call (in the order they ended), so an exporter can
 * write them in one transaction. An exporter that throws is reported once and does not affect other
 * exporters or the app; the runs it did not export are counted in
 * {@code runtrail.telemetry.dropped{where="run_export"}} (see {@link RunExportException}).
 */
public interface RunExporter {

  /** Exports one run. */
  void export(FinishedRun run) throws Exception;

  /**
   * Exports runs that ended close together, in the order they ended. The default exports each with
   * {@link #export(FinishedRun)}; a failing run does not stop the others, and once all were tried a
   * {@link RunExportException} says how many failed, with the first failure as its cause (later ones
   * {@linkplain Throwable#getSuppressed() suppressed} on it). An implementation that throws anything else
   * has every run of the batch counted as not exported.
   */
  default void exportAll(List<FinishedRun> runs) throws Exception {
    Exception first = null;
    int failed = 0;
    for (FinishedRun run : runs) {
      try {
        export(run);
      } catch (Exception e) {
        failed++;
        if (first == null) {
          first = e;
        } else {
          first.addSuppressed(e);
        }
      }
    }
    if (first != null) {
      throw new RunExportException(failed, failed + " of " + runs.size() + " runs not exported: " + first, first);
    }
  }

  /** Called once when telemetry closes, after the last run. */
  default void close() throws Exception {}
}
