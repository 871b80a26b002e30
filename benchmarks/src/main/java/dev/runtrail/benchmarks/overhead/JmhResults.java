package dev.runtrail.benchmarks.overhead;

import dev.runtrail.telemetry.core.json.JsonTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The results of one JMH run, read from its {@code -rf json} file. */
public final class JmhResults {

  /** A score with its 99.9% error and the raw per-iteration values (one list per fork). */
  public record Metric(double score, double error, String unit, List<List<Double>> raw) {

    /** Every measured iteration's value, forks one after the other. */
    public List<Double> iterations() {
      List<Double> all = new ArrayList<>();
      raw.forEach(all::addAll);
      return all;
    }
  }

  /** One benchmark (with one set of parameters). */
  public record Result(String benchmark, Map<String, String> params, Metric primary, Map<String, Metric> secondary,
      String jvm) {

    /** {@code Class.method}, without the package. */
    String name() {
      String[] parts = benchmark.split("\\.");
      return parts[parts.length - 2] + "." + parts[parts.length - 1];
    }

    public String param(String key) {
      return params.getOrDefault(key, "");
    }

    /** Bytes allocated per operation ({@code -prof gc}), when measured. */
    Optional<Metric> bytesPerOp() {
      return Optional.ofNullable(secondary.get("gc.alloc.rate.norm"));
    }
  }

  private final List<Result> results;

  private JmhResults(List<Result> results) {
    this.results = results;
  }

  public static JmhResults read(Path file) throws IOException {
    List<Result> results = new ArrayList<>();
    if (file == null || !Files.exists(file)) {
      return new JmhResults(results);
    }
    Object json;
    try {
      json = JsonTree.parse(Files.readString(file));
    } catch (IllegalArgumentException e) {
      throw new IOException(file + " is not a JMH JSON result: " + e.getMessage(), e);
    }
    if (!(json instanceof List)) {
      throw new IOException(file + " is not a JMH JSON result (expected an array)");
    }
    for (Object item : (List<?>) json) {
      results.add(result(castMap(item)));
    }
    return new JmhResults(results);
  }

  public List<Result> all() {
    return results;
  }

  /** The result of {@code Class.method} whose parameters include {@code params} (key, value, ...). */
  Optional<Result> find(String name, String... params) {
    for (Result result : results) {
      if (!result.name().equals(name)) {
        continue;
      }
      boolean matches = true;
      for (int i = 0; i + 1 < params.length; i += 2) {
        matches &= params[i + 1].equals(result.param(params[i]));
      }
      if (matches) {
        return Optional.of(result);
      }
    }
    return Optional.empty();
  }

  @SuppressWarnings("unchecked")
  private static Result result(Map<String, Object> json) {
    Map<String, String> params = new LinkedHashMap<>();
    ((Map<String, Object>) json.getOrDefault("params", Map.of())).forEach((k, v) -> params.put(k, String.valueOf(v)));
    Map<String, Metric> secondary = new LinkedHashMap<>();
    ((Map<String, Object>) json.getOrDefault("secondaryMetrics", Map.of()))
        .forEach((k, v) -> secondary.put(k, metric((Map<String, Object>) v)));
    String jvm = json.get("jdkVersion") + " (" + json.get("vmName") + " " + json.get("vmVersion") + ")";
    return new Result((String) json.get("benchmark"), params, metric((Map<String, Object>) json.get("primaryMetric")),
        secondary, jvm);
  }

  @SuppressWarnings("unchecked")
  private static Metric metric(Map<String, Object> json) {
    List<List<Double>> raw = new ArrayList<>();
    for (Object fork : (List<Object>) json.getOrDefault("rawData", List.of())) {
      List<Double> values = new ArrayList<>();
      for (Object value : (List<Object>) fork) {
        values.add(number(value));
      }
      raw.add(values);
    }
    return new Metric(number(json.get("score")), number(json.get("scoreError")), String.valueOf(json.get("scoreUnit")),
        raw);
  }

  private static double number(Object value) {
    if (value instanceof Number) {
      return ((Number) value).doubleValue();
    }
    return Double.NaN; // JMH writes "NaN" as a string when it has no error (one iteration)
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> castMap(Object value) {
    return (Map<String, Object>) value;
  }
}
