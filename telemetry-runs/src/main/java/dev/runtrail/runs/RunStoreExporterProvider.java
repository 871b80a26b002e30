package dev.runtrail.runs;

import dev.runtrail.telemetry.core.config.RuntrailConfig;
import dev.runtrail.telemetry.core.config.Setting;
import dev.runtrail.telemetry.core.export.RunExporter;
import dev.runtrail.telemetry.core.export.RunExporterProvider;
import dev.runtrail.telemetry.core.export.RunStoreLayout;

/**
 * Plugs the run store into core: registered in
 * {@code META-INF/services/dev.runtrail.telemetry.core.export.RunExporterProvider}, so having
 * telemetry-runs on the class path is enough. {@code RUNTRAIL_RUN_STORE=false} turns it off;
 * {@code RUNTRAIL_RUNS_DIR} says where runs go, {@code RUNTRAIL_INDEX_URL} where they are indexed and
 * {@code RUNTRAIL_RUN_STORE_URL} where their folders are copied.
 */
public final class RunStoreExporterProvider implements RunExporterProvider {

  /** For {@link java.util.ServiceLoader}. */
  public RunStoreExporterProvider() {}

  /** A {@link RunStoreExporter} writing under the layout's root, or null when the run store is off. */
  @Override
  public RunExporter create(RuntrailConfig config, RunStoreLayout layout) {
    if (!config.getBoolean(Setting.RUN_STORE)) {
      return null;
    }
    return RunStoreExporter.create(layout.root(), config);
  }
}
