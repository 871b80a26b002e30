package dev.runtrail.benchmarks.redaction;

import dev.runtrail.telemetry.core.json.JsonTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a JMH JSON result file of {@link RedactionThroughputBenchmark} into the Markdown table of
 * {@code benchmarks/RESULTS.md}: MB/s per benchmark and corpus, and ours/naive ratios.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.runtrail.benchmarks.redaction.ThroughputReport result.json</pre>
 */
public final class ThroughputReport {
  private ThroughputReport() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: ThroughputReport <jmh-result.json>");
      System.exit(2);
    }
    System.out.print(render(read(Path.of(args[0]))));
  }

  /** One measured row: method name, corpus parameter, MB/s and its error. */
  record Row(String method, String dirtyPercent, double mbPerSecond, double error) {}

  static List<Row> read(Path file) throws IOException {
    List<Row> rows = new ArrayList<>();
    for (Object item : (List<?>) JsonTree.parse(Files.readString(file))) {
      Map<?, ?> result = (Map<?, ?>) item;
      String benchmark = (String) result.get("benchmark");
      String method = benchmark.substring(benchmark.lastIndexOf('.') + 1);
      Map<?, ?> params = result.get("params") instanceof Map ? (Map<?, ?>) result.get("params") : Map.of();
      Map<?, ?> secondary = (Map<?, ?>) result.get("secondaryMetrics");
      Map<?, ?> bytes = (Map<?, ?>) secondary.get("bytes");
      Object dirty = params.get("dirtyPercent");
      rows.add(new Row(method, dirty == null ? "0" : String.valueOf(dirty),
          ((Number) bytes.get("score")).doubleValue() / 1e6, number(bytes.get("scoreError")) / 1e6));
    }
    return rows;
  }

  static String render(List<Row> rows) {
    StringBuilder out = new StringBuilder();
    out.append("| input | dirty lines | ours (MB/s) | naive regex (MB/s) | ours / naive |\n");
    out.append("|---|---|---|---|---|\n");
    line(out, rows, "log lines", "oursText", "naiveText");
    line(out, rows, "plain log messages", "oursMessages", "naiveMessages");
    line(out, rows, "JSON events, redactJson", "oursJson", "naiveJson");
    line(out, rows, "JSON events as text, redact", "oursJsonAsText", "naiveJson");
    return out.toString();
  }

  private static void line(StringBuilder out, List<Row> rows, String input, String ours, String naive) {
    for (Row row : rows) {
      if (!row.method().equals(ours)) {
        continue;
      }
      Row base = rows.stream().filter(r -> r.method().equals(naive) && r.dirtyPercent().equals(row.dirtyPercent()))
          .findFirst().orElse(null);
      out.append(String.format(Locale.ROOT, "| %s | %s%% | %.0f ± %.0f | %s | %s |%n", input, row.dirtyPercent(),
          row.mbPerSecond(), row.error(), base == null ? "-" : String.format(Locale.ROOT, "%.1f ± %.1f",
              base.mbPerSecond(), base.error()),
          base == null ? "-" : String.format(Locale.ROOT, "%.0f×", row.mbPerSecond() / base.mbPerSecond())));
    }
  }

  private static double number(Object value) {
    return value instanceof Number n && !Double.isNaN(n.doubleValue()) ? n.doubleValue() : 0;
  }

}
