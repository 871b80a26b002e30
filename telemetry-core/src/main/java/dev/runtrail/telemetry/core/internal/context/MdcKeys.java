package dev.runtrail.telemetry.core.internal.context;

/** The SLF4J MDC keys Runtrail maintains while a run or step is current (OpenTelemetry's names for ids). */
public final class MdcKeys {

  public static final String TRACE_ID = "trace_id";
  public static final String SPAN_ID = "span_id";
  public static final String TRACE_FLAGS = "trace_flags";
  public static final String RUN_ID = "run_id";
  public static final String CORRELATION_ID = "correlation_id";
  /** The run's plan id and version (seed 002 {@code planId}, {@code planVersion}), when the run has them. */
  public static final String PLAN_ID = "plan_id";
  public static final String PLAN_VERSION = "plan_version";

  static final String[] ALL = {TRACE_ID, SPAN_ID, TRACE_FLAGS, RUN_ID, CORRELATION_ID, PLAN_ID, PLAN_VERSION};

  private MdcKeys() {}
}
