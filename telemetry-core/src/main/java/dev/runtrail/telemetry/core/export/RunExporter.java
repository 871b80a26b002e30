package dev.runtrail.telemetry.core.export;

/**
 * Receives each run when it ends, with its steps, spans and the finished trail file. telemetry-runs
 * implements it to write the run store; Runtrail finds implementations through
 * {@link RunExporterProvider} on the class path, or takes them from the builder.
 *
 * <p>Called on Runtrail's export thread, one run at a time, never on the app's thread. An exporter
 * that throws is reported once and does not affect other exporters or the app.
 */
public interface RunExporter {

  void export(FinishedRun run) throws Exception;

  /** Called once when telemetry closes, after the last run. */
  default void close() throws Exception {}
}
