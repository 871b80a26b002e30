package dev.runtrail.benchmarks.redaction;

import dev.runtrail.benchmarks.overhead.Ratio;
import dev.runtrail.telemetry.core.json.JsonTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a JMH JSON result of {@link RedactionVersionsBenchmark} into the Markdown table of
 * {@code benchmarks/RESULTS.md}: per corpus, this build's clean-text throughput ÷ the older build's, the
 * mean of the per-iteration ratios with its 99.9% interval, and each half's MB/s.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.runtrail.benchmarks.redaction.VersionsReport result.json</pre>
 */
public final class VersionsReport {
  private VersionsReport() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: VersionsReport <jmh-result.json>");
      System.exit(2);
    }
    System.out.print(render(Files.readString(Path.of(args[0]))));
  }

  /** The table for a JMH result file's text. */
  static String render(String jmhJson) {
    StringBuilder out = new StringBuilder();
    out.append("| input (clean) | older build (MB/s) | this build (MB/s) | this ÷ older throughput, mean of"
        + " iterations | iterations |\n");
    out.append("|---|---|---|---|---|\n");
    for (Object item : (List<?>) JsonTree.parse(jmhJson)) {
      Map<?, ?> result = (Map<?, ?>) item;
      Map<?, ?> params = (Map<?, ?>) result.get("params");
      String corpus = params == null ? "?" : String.valueOf(params.get("corpus"));
      Map<?, ?> secondary = (Map<?, ?>) result.get("secondaryMetrics");
      List<Double> baseline = iterations(secondary.get("baselineNanos"));
      List<Double> current = iterations(secondary.get("currentNanos"));
      double bytes = RedactionVersionsBenchmark.corpus(corpus).bytes();
      double ops = ((Number) ((Map<?, ?>) result.get("primaryMetric")).get("score")).doubleValue();
      // Both halves ran the same number of times; their summed nanos per iteration give each one's rate.
      Ratio ratio = Ratio.paired(baseline, current);
      out.append(String.format(Locale.ROOT, "| %s | %.0f | %.0f | %s | %d |%n", corpus,
          rate(bytes, baseline, current, ops, true), rate(bytes, baseline, current, ops, false), ratio,
          ratio.samples()));
    }
    return out.toString();
  }

  /** MB/s of one half: its share of each paired operation's time, over the corpus size. */
  private static double rate(double bytes, List<Double> baseline, List<Double> current, double msPerOp,
      boolean ofBaseline) {
    double baseSum = baseline.stream().mapToDouble(Double::doubleValue).sum();
    double currentSum = current.stream().mapToDouble(Double::doubleValue).sum();
    double share = (ofBaseline ? baseSum : currentSum) / (baseSum + currentSum);
    double secondsPerPass = msPerOp * share / 1000.0;
    return bytes / secondsPerPass / 1e6;
  }

  private static List<Double> iterations(Object metric) {
    List<Double> all = new ArrayList<>();
    if (metric instanceof Map<?, ?> m && m.get("rawData") instanceof List<?> forks) {
      for (Object fork : forks) {
        for (Object value : (List<?>) fork) {
          all.add(((Number) value).doubleValue());
        }
      }
    }
    return all;
  }
}
