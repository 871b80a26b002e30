package dev.runtrail.benchmarks.redaction;

import dev.runtrail.benchmarks.overhead.JmhResults;
import dev.runtrail.benchmarks.overhead.Ratio;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

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
    System.out.print(render(JmhResults.read(Path.of(args[0]))));
  }

  /** The table for a JMH result file. */
  static String render(JmhResults results) {
    StringBuilder out = new StringBuilder();
    out.append("| input (clean) | older build (MB/s) | this build (MB/s) | this ÷ older throughput, mean of"
        + " iterations | iterations |\n");
    out.append("|---|---|---|---|---|\n");
    for (JmhResults.Result result : results.all()) {
      String corpus = result.param("corpus");
      List<Double> baseline = result.secondary().get("baselineNanos").iterations();
      List<Double> current = result.secondary().get("currentNanos").iterations();
      double bytes = RedactionVersionsBenchmark.corpus(corpus).bytes();
      // Both halves ran the same number of times; their summed nanos per iteration give each one's rate.
      Ratio ratio = Ratio.paired(baseline, current);
      out.append(String.format(Locale.ROOT, "| %s | %.0f | %.0f | %s | %d |%n", corpus,
          rate(bytes, baseline, current, result.primary().score(), true),
          rate(bytes, baseline, current, result.primary().score(), false), ratio, ratio.samples()));
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
}
