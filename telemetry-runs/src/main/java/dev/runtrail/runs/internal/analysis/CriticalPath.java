package dev.runtrail.runs.internal.analysis;

import dev.runtrail.runs.internal.summary.RunSummary;
import dev.runtrail.runs.internal.summary.StepSummary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The critical path of a run: the chain of steps that determined when it ended. Walking back from the
 * run's end, it takes the step that ended last, then the step that ended last before that one started,
 * and so on; inside a step that has children, the same walk over its children from the step's end.
 * Steps running in parallel with the chain (ending earlier than the step after them started) are not
 * on it. Returned in chronological order, each step before its children.
 */
public final class CriticalPath {

  private CriticalPath() {}

  public static List<StepSummary> of(RunSummary run) {
    Map<String, List<StepSummary>> children = childrenByParent(run.steps());
    List<StepSummary> path = new ArrayList<>();
    chain(children.getOrDefault(null, List.of()), run.endedAt(), children, path,
        Collections.newSetFromMap(new IdentityHashMap<>()));
    return path;
  }

  private static void chain(List<StepSummary> siblings, Instant bound, Map<String, List<StepSummary>> children,
      List<StepSummary> out, Set<StepSummary> used) {
    List<StepSummary> picked = new ArrayList<>();
    Instant cursor = bound;
    while (true) {
      StepSummary latest = null;
      for (StepSummary step : siblings) {
        if (used.contains(step) || step.endedAt().isAfter(cursor)) {
          continue;
        }
        if (latest == null || step.endedAt().isAfter(latest.endedAt())
            || (step.endedAt().equals(latest.endedAt()) && step.startedAt().isAfter(latest.startedAt()))) {
          latest = step;
        }
      }
      if (latest == null) {
        break;
      }
      used.add(latest);
      picked.add(0, latest);
      cursor = latest.startedAt();
    }
    for (StepSummary step : picked) {
      out.add(step);
      chain(children.getOrDefault(step.path(), List.of()), step.endedAt(), children, out, used);
    }
  }

  /** Steps by parent path; steps whose parent is not a step of the run count as top-level (key null). */
  static Map<String, List<StepSummary>> childrenByParent(List<StepSummary> steps) {
    Set<String> paths = new HashSet<>();
    for (StepSummary step : steps) {
      paths.add(step.path());
    }
    Map<String, List<StepSummary>> byParent = new LinkedHashMap<>();
    for (StepSummary step : steps) {
      boolean nested = step.parentPath() != null && paths.contains(step.parentPath())
          && !step.parentPath().equals(step.path());
      String parent = nested ? step.parentPath() : null;
      byParent.computeIfAbsent(parent, p -> new ArrayList<>()).add(step);
    }
    return byParent;
  }
}
