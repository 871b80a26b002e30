package dev.runtrail.benchmarks.overhead;

import dev.runtrail.benchmarks.overhead.JmhResults.Metric;
import dev.runtrail.benchmarks.overhead.JmhResults.Result;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The saturated-throughput section of RESULTS.md (and the README's first figure) from
 * {@link SaturatedBenchmark}'s JMH results: per configuration, bare ÷ instrumented throughput of each
 * pair of phases (an instrumented phase's time over the bare phase's before it), median and range.
 */
final class SaturatedSection {

  /** The benchmark's configurations, as its {@code config} parameter values, and how the report names them. */
  static final String[][] CONFIGS = {
      {"span", "trail sink `span` only, run store off"},
      {"span+log", "trail sinks `span` + `log`, run store off"},
      {"span+log+jsonl", "default sinks (`span,log,jsonl`), run store off"},
      {"span+log+jsonl+store", "default sinks + run store (`telemetry-runs` on the class path)"},
  };
  /** The bars of issue 17: 10-step runs with the default sinks and the run store, and 1-step runs. */
  static final double BAR_TEN_STEPS = 1.05;
  static final double BAR_ONE_STEP = 1.10;

  /** Median, lowest and highest of the per-pair ratios; {@code pairs} 0 when not measured. */
  record Spread(double median, double low, double high, int pairs) {
    static final Spread NONE = new Spread(Double.NaN, Double.NaN, Double.NaN, 0);

    static Spread of(double[] ratios) {
      if (ratios.length == 0) {
        return NONE;
      }
      double[] sorted = ratios.clone();
      Arrays.sort(sorted);
      int n = sorted.length;
      double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
      return new Spread(median, sorted[0], sorted[n - 1], n);
    }

    boolean isMeasured() {
      return pairs > 0;
    }

    @Override
    public String toString() {
      return isMeasured() ? String.format(Locale.ROOT, "%.3f (%.3f–%.3f)", median, low, high) : "–";
    }
  }

  private final JmhResults results;

  SaturatedSection(JmhResults results) {
    this.results = results;
  }

  /** Bare ÷ instrumented throughput: each odd (instrumented) iteration's value over the even (bare) one before it. */
  static Spread pairs(List<Double> iterations) {
    List<Double> ratios = new ArrayList<>();
    for (int i = 0; i + 1 < iterations.size(); i += 2) {
      ratios.add(iterations.get(i + 1) / iterations.get(i));
    }
    return Spread.of(ratios.stream().mapToDouble(Double::doubleValue).toArray());
  }

  Spread throughput(String config, int steps) {
    return result(config, steps).map(r -> pairs(r.primary().raw().isEmpty() ? List.of() : r.primary().iterations()))
        .orElse(Spread.NONE);
  }

  /** CPU time of all threads per step, instrumented phase ÷ bare phase. */
  Spread cpu(String config, int steps) {
    return result(config, steps).map(r -> r.secondary().get("cpu.total.norm")).map(Metric::iterations)
        .map(SaturatedSection::pairs).orElse(Spread.NONE);
  }

  private Optional<Result> result(String config, int steps) {
    return results.find("SaturatedBenchmark.step", "config", config, "steps", String.valueOf(steps));
  }

  boolean isMeasured() {
    return !results.all().isEmpty();
  }

  String section() {
    if (!isMeasured()) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    out.append("## Saturated: every core busy, what the machine pays\n\n");
    out.append("What: `SaturatedBenchmark`. As many app threads as cores (").append(threads())
        .append(" here), each doing the reference step (the\n")
        .append("10 KB JSON manifest below, about 75 µs of CPU) as fast as it can; phases of ")
        .append(String.format(Locale.ROOT, "%,d", SaturatedBenchmark.PHASE_OPS))
        .append(" steps per thread alternate bare and\n")
        .append("instrumented in the same JVM. An instrumented phase ends only when `flush` says Runtrail's own threads\n")
        .append("have finished everything recorded in it (trail sinks, span export, run store), so work handed to a\n")
        .append("background thread is paid inside the phase, with the app's cores. Ratio: an instrumented phase's time\n")
        .append("over the bare phase's before it = bare ÷ instrumented throughput; median and range of the pairs.\n")
        .append("1 step per run: a whole run (start, step, two redacted trail events, close) per step; 10 steps: the\n")
        .append("run's start and close shared by its 10 steps. CPU: all threads' CPU time per step, instrumented ÷ bare.\n\n");
    out.append("| configuration | steps per run | bare ÷ instrumented throughput, median (range) | CPU, all threads: "
        + "instrumented ÷ bare | pairs |\n|---|---|---|---|---|\n");
    for (String[] config : CONFIGS) {
      for (int steps : new int[] {1, 10}) {
        Spread t = throughput(config[0], steps);
        if (!t.isMeasured()) {
          continue;
        }
        boolean headline = config[0].equals("span+log+jsonl+store");
        out.append("| ").append(config[1]).append(" | ").append(steps).append(" | ")
            .append(headline ? "**" + t + "**" : t.toString()).append(" | ").append(cpu(config[0], steps))
            .append(" | ").append(t.pairs()).append(" |\n");
      }
    }
    out.append('\n').append(verdicts()).append("\n\n");
    return out.toString();
  }

  /** The two bars, judged on the medians. */
  String verdicts() {
    Spread ten = throughput("span+log+jsonl+store", 10);
    Spread one = throughput("span+log+jsonl+store", 1);
    return String.format(Locale.ROOT, "Bars (issue 17), default sinks and the run store: 10-step runs ≤ %.2f — "
            + "%s (median %s); 1-step runs ≤ %.2f — %s (median %s).", BAR_TEN_STEPS, verdict(ten, BAR_TEN_STEPS),
        median(ten), BAR_ONE_STEP, verdict(one, BAR_ONE_STEP), median(one));
  }

  /** The README's first performance figure. */
  String readmeLine() {
    if (!isMeasured()) {
      return "";
    }
    return String.format(Locale.ROOT, "- **Every core busy** (%d app threads doing the real step, Runtrail's "
            + "threads' work paid inside each phase): bare ÷ instrumented throughput, default sinks and the run "
            + "store, **%s** for 10-step runs, **%s** for 1-step runs; span events only, 10-step runs: %s. "
            + "%s%n", threads(), median(throughput("span+log+jsonl+store", 10)),
        median(throughput("span+log+jsonl+store", 1)), median(throughput("span", 10)), verdicts());
  }

  static String verdict(Spread s, double bar) {
    if (!s.isMeasured()) {
      return "not measured";
    }
    if (s.high() <= bar) {
      return "met";
    }
    return s.median() <= bar ? "met on the median, not in every pair" : "not met";
  }

  private static String median(Spread s) {
    return s.isMeasured() ? String.format(Locale.ROOT, "%.3f", s.median()) : "–";
  }

  private static int threads() {
    return Runtime.getRuntime().availableProcessors();
  }
}
