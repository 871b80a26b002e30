package dev.runtrail.telemetry.core;

/** How a run's root span gets its trace id ({@code RUNTRAIL_TRACE_ID}). */
public enum TraceIdStrategy {
  /** A fresh trace per run, or the caller's trace when the run continues one. The default. */
  FRESH,
  /**
   * {@code hash(plan-hash + env + target)} (seed 000): every run of one plan in one env and target
   * shares a trace id, so the reviewed plan and its executions line up in the tracing backend. Needs
   * Runtrail's own tracer provider; runs without a plan get fresh ids.
   */
  PLAN
}
