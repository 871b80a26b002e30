package dev.runtrail.runs.internal.analysis;

import dev.runtrail.runs.internal.summary.RunSummary;
import dev.runtrail.runs.internal.summary.StepSummary;
import dev.runtrail.telemetry.trail.TrailEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What changed from run A to run B: run fields (status, env, target, plan hash, git, runner, policy,
 * ...), steps (added, removed, status, exit code, retries, duration) and tool-call arguments (the
 * n-th call of each tool in A against the n-th in B).
 */
public final class RunDiff {

  /** A run-level field that differs. */
  public record FieldChange(String field, String a, String b) {}

  /**
   * A step present in either run. {@code a} or {@code b} is null when the step is only in the other.
   *
   * @param changes human-readable changes, e.g. {@code status ok → failed}; empty when only timing moved
   */
  public record StepChange(String path, StepSummary a, StepSummary b, List<String> changes) {
    public long durationDeltaMs() {
      return a == null || b == null ? 0 : b.durationMs() - a.durationMs();
    }
  }

  /** A tool call whose arguments differ, or that only one run made. Keys are dotted paths into the data. */
  public record ToolCallChange(String tool, int occurrence, String key, String a, String b) {}

  private final List<FieldChange> fields;
  private final List<StepChange> steps;
  private final List<ToolCallChange> toolCalls;

  private RunDiff(List<FieldChange> fields, List<StepChange> steps, List<ToolCallChange> toolCalls) {
    this.fields = fields;
    this.steps = steps;
    this.toolCalls = toolCalls;
  }

  public static RunDiff of(RunSummary a, List<TrailEvent> trailA, RunSummary b, List<TrailEvent> trailB) {
    return new RunDiff(fields(a, b), steps(a, b), ToolCallDiff.of(trailA, trailB));
  }

  public List<FieldChange> fields() {
    return fields;
  }

  /** Every step of either run, in A's order then B's new ones; see {@link StepChange#changes()}. */
  public List<StepChange> steps() {
    return steps;
  }

  public List<ToolCallChange> toolCalls() {
    return toolCalls;
  }

  private static List<FieldChange> fields(RunSummary a, RunSummary b) {
    Map<String, String[]> pairs = new LinkedHashMap<>();
    pairs.put("status", new String[] {a.status(), b.status()});
    pairs.put("error_code", new String[] {a.errorCode(), b.errorCode()});
    pairs.put("failed_step", new String[] {a.failedStep(), b.failedStep()});
    pairs.put("name", new String[] {a.name(), b.name()});
    pairs.put("env", new String[] {a.env(), b.env()});
    pairs.put("target", new String[] {a.target(), b.target()});
    pairs.put("plan_hash", new String[] {a.planHash(), b.planHash()});
    pairs.put("git.sha", new String[] {a.gitSha(), b.gitSha()});
    pairs.put("git.branch", new String[] {a.gitBranch(), b.gitBranch()});
    pairs.put("runner", new String[] {a.runner(), b.runner()});
    pairs.put("ticket", new String[] {a.ticket(), b.ticket()});
    pairs.put("retries", new String[] {Integer.toString(a.retries()), Integer.toString(b.retries())});
    Set<String> flags = new LinkedHashSet<>(a.policy().keySet());
    flags.addAll(b.policy().keySet());
    for (String flag : flags) {
      pairs.put("policy." + flag, new String[] {text(a.policy().get(flag)), text(b.policy().get(flag))});
    }
    Set<String> attributes = new LinkedHashSet<>(a.attributes().keySet());
    attributes.addAll(b.attributes().keySet());
    for (String key : attributes) {
      pairs.put("attributes." + key, new String[] {text(a.attributes().get(key)), text(b.attributes().get(key))});
    }
    List<FieldChange> changes = new ArrayList<>();
    pairs.forEach((field, values) -> {
      if (!Objects.equals(values[0], values[1])) {
        changes.add(new FieldChange(field, values[0], values[1]));
      }
    });
    if (a.durationMs() != b.durationMs()) {
      changes.add(new FieldChange("duration_ms", Long.toString(a.durationMs()), Long.toString(b.durationMs())));
    }
    return changes;
  }

  private static List<StepChange> steps(RunSummary a, RunSummary b) {
    Map<String, StepSummary> inA = byPath(a);
    Map<String, StepSummary> inB = byPath(b);
    Set<String> paths = new LinkedHashSet<>(inA.keySet());
    paths.addAll(inB.keySet());
    List<StepChange> changes = new ArrayList<>();
    for (String path : paths) {
      StepSummary stepA = inA.get(path);
      StepSummary stepB = inB.get(path);
      changes.add(new StepChange(path, stepA, stepB, describe(stepA, stepB)));
    }
    return changes;
  }

  private static List<String> describe(StepSummary a, StepSummary b) {
    if (a == null) {
      return List.of("added");
    }
    if (b == null) {
      return List.of("removed");
    }
    List<String> changes = new ArrayList<>();
    change(changes, "status", a.status(), b.status());
    change(changes, "exit", text(a.exitCode()), text(b.exitCode()));
    change(changes, "error", a.errorCode(), b.errorCode());
    change(changes, "retries", Integer.toString(a.retries()), Integer.toString(b.retries()));
    return changes;
  }

  private static void change(List<String> changes, String what, String a, String b) {
    if (!Objects.equals(a, b)) {
      changes.add(what + " " + (a == null ? "-" : a) + " \u2192 " + (b == null ? "-" : b));
    }
  }

  /** Steps by path; a repeated path gets {@code #2}, {@code #3} so each occurrence is compared. */
  private static Map<String, StepSummary> byPath(RunSummary run) {
    Map<String, StepSummary> steps = new LinkedHashMap<>();
    Map<String, Integer> seen = new LinkedHashMap<>();
    for (StepSummary step : run.steps()) {
      int n = seen.merge(step.path(), 1, Integer::sum);
      steps.put(n == 1 ? step.path() : step.path() + " #" + n, step);
    }
    return steps;
  }

  static String text(Object value) {
    return value == null ? null : String.valueOf(value);
  }
}
