package dev.runtrail.runs.internal.artifacts;

import dev.runtrail.telemetry.core.export.RunStoreLayout;

/** File names inside a run folder and in the runs directory. */
public final class ArtifactNames {

  public static final String PLAN = "plan.json";
  public static final String SUMMARY = "summary.json";
  public static final String TRAIL = RunStoreLayout.TRAIL_FILE;
  public static final String OTLP_TRACES = "otlp-traces.json";
  public static final String REPORT = "report.html";
  public static final String INDEX = "runs.db";

  private ArtifactNames() {}
}
