package dev.runtrail.telemetry.core.export;

import dev.runtrail.telemetry.core.config.RuntrailConfig;

/**
 * Creates a {@link RunExporter} from configuration; registered in
 * {@code META-INF/services/dev.runtrail.telemetry.core.export.RunExporterProvider}.
 */
public interface RunExporterProvider {

  /** The exporter, or null when the configuration turns it off. */
  RunExporter create(RuntrailConfig config, RunStoreLayout layout);
}
