package dev.runtrail.runs.internal.analysis;

import dev.runtrail.telemetry.core.json.JsonTree;
import dev.runtrail.telemetry.trail.TrailEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Compares the {@code tool_call} events of two trails: the n-th call of a tool in A with the n-th in B. */
final class ToolCallDiff {

  private ToolCallDiff() {}

  static List<RunDiff.ToolCallChange> of(List<TrailEvent> a, List<TrailEvent> b) {
    Map<String, List<Map<String, Object>>> callsA = calls(a);
    Map<String, List<Map<String, Object>>> callsB = calls(b);
    Set<String> tools = new LinkedHashSet<>(callsA.keySet());
    tools.addAll(callsB.keySet());
    List<RunDiff.ToolCallChange> changes = new ArrayList<>();
    for (String tool : tools) {
      List<Map<String, Object>> listA = callsA.getOrDefault(tool, List.of());
      List<Map<String, Object>> listB = callsB.getOrDefault(tool, List.of());
      for (int i = 0; i < Math.max(listA.size(), listB.size()); i++) {
        Map<String, Object> argsA = i < listA.size() ? listA.get(i) : null;
        Map<String, Object> argsB = i < listB.size() ? listB.get(i) : null;
        if (argsA == null || argsB == null) {
          changes.add(new RunDiff.ToolCallChange(tool, i + 1, "(call)",
              argsA == null ? null : JsonTree.toJson(argsA), argsB == null ? null : JsonTree.toJson(argsB)));
          continue;
        }
        compare(tool, i + 1, flatten(argsA), flatten(argsB), changes);
      }
    }
    return changes;
  }

  private static void compare(String tool, int occurrence, Map<String, String> a, Map<String, String> b,
      List<RunDiff.ToolCallChange> changes) {
    Set<String> keys = new LinkedHashSet<>(a.keySet());
    keys.addAll(b.keySet());
    for (String key : keys) {
      if (!Objects.equals(a.get(key), b.get(key))) {
        changes.add(new RunDiff.ToolCallChange(tool, occurrence, key, a.get(key), b.get(key)));
      }
    }
  }

  /** tool_call data without its {@code tool} member, by tool name, in trail order. */
  private static Map<String, List<Map<String, Object>>> calls(List<TrailEvent> trail) {
    Map<String, List<Map<String, Object>>> calls = new LinkedHashMap<>();
    for (TrailEvent event : trail) {
      if (!event.type().equals("tool_call")) {
        continue;
      }
      Map<String, Object> data = new LinkedHashMap<>(event.data());
      Object tool = data.remove("tool");
      calls.computeIfAbsent(tool == null ? "?" : String.valueOf(tool), t -> new ArrayList<>()).add(data);
    }
    return calls;
  }

  /** Nested maps as dotted keys ({@code args.cmd}); lists and scalars as compact JSON. */
  static Map<String, String> flatten(Map<String, Object> data) {
    Map<String, String> flat = new LinkedHashMap<>();
    flatten("", data, flat);
    return flat;
  }

  private static void flatten(String prefix, Map<?, ?> map, Map<String, String> flat) {
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      String key = prefix + entry.getKey();
      Object value = entry.getValue();
      if (value instanceof Map && !((Map<?, ?>) value).isEmpty()) {
        flatten(key + ".", (Map<?, ?>) value, flat);
      } else {
        flat.put(key, value instanceof String ? (String) value : JsonTree.toJson(value));
      }
    }
  }
}
