package dev.runtrail.runs.internal.artifacts;

import dev.runtrail.telemetry.core.json.JsonTree;
import dev.runtrail.runs.internal.summary.Timestamps;
import dev.runtrail.telemetry.core.export.FinishedRun;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds {@code plan.json}: the app's (redacted) plan with {@code plan_hash}, {@code resolved_at} and
 * {@code resolved_values} added as docs/run-store-format.md describes.
 */
public final class PlanArtifact {

  private PlanArtifact() {}

  /** The plan.json document for a finished run, as a JSON value tree. */
  public static Map<String, Object> of(FinishedRun run) {
    String planHash = run.planHash() == null || run.planHash().isEmpty() ? null : run.planHash();
    return of(run.redactedPlanJson(), planHash, run.startedAt(), run.resolvedValues());
  }

  /**
   * @param redactedPlanJson the plan as core redacted it, or null when the run had none
   * @param planHash null when the run had no plan
   */
  public static Map<String, Object> of(String redactedPlanJson, String planHash, Instant startedAt,
      List<String> resolvedValues) {
    Object plan = redactedPlanJson == null ? null : parseOrText(redactedPlanJson);
    Map<String, Object> document = new LinkedHashMap<>();
    if (plan instanceof Map) {
      @SuppressWarnings("unchecked")
      Map<String, Object> members = (Map<String, Object>) plan;
      // plan_hash (always ours) and resolved_at (unless the plan has one) come first.
      document.put("plan_hash", planHash);
      if (!members.containsKey("resolved_at")) {
        document.put("resolved_at", Timestamps.format(startedAt));
      }
      document.putAll(members);
      document.put("plan_hash", planHash);
    } else {
      document.put("plan_hash", planHash);
      document.put("resolved_at", Timestamps.format(startedAt));
      document.put("plan", plan);
    }
    if (!resolvedValues.isEmpty()) {
      Map<String, Object> numbered = new LinkedHashMap<>();
      for (int i = 0; i < resolvedValues.size(); i++) {
        numbered.put(Integer.toString(i + 1), resolvedValues.get(i));
      }
      document.put("resolved_values", numbered);
    }
    return document;
  }

  /** Core hands over valid JSON; should that ever not hold, the text is kept as a string, not lost. */
  private static Object parseOrText(String json) {
    try {
      return JsonTree.parse(json);
    } catch (IllegalArgumentException e) {
      return json;
    }
  }
}
