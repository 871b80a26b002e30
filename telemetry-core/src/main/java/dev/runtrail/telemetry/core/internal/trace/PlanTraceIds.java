package dev.runtrail.telemetry.core.internal.trace;

import dev.runtrail.telemetry.core.plan.PlanHash;
import io.opentelemetry.api.trace.TraceId;

/** The plan-derived trace id of seed 000: {@code hash(plan-hash + env + target)}. */
final class PlanTraceIds {

  private PlanTraceIds() {}

  /** The first 32 hex digits of sha256(planHash + env + target) (null parts count as empty). */
  static String traceId(String planHash, String env, String target) {
    String hex = PlanHash.sha256Hex(planHash + (env == null ? "" : env) + (target == null ? "" : target));
    String traceId = hex.substring(0, TraceId.getLength());
    return TraceId.isValid(traceId) ? traceId : hex.substring(TraceId.getLength(), 2 * TraceId.getLength());
  }
}
