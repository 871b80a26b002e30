package dev.runtrail.benchmarks.overhead;

import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.distribution.TDistribution;

/** A ratio with the half-width of its 99.9% confidence interval (JMH's convention for errors). */
public record Ratio(double value, double error, int samples) {

  /** Not measured. */
  static final Ratio NONE = new Ratio(Double.NaN, Double.NaN, 0);

  /**
   * The mean of per-iteration ratios {@code numerators[i] / denominators[i]}, with a Student-t 99.9%
   * interval over the iterations.
   */
  public static Ratio paired(List<Double> numerators, List<Double> denominators) {
    int n = Math.min(numerators.size(), denominators.size());
    double[] ratios = new double[n];
    for (int i = 0; i < n; i++) {
      ratios[i] = numerators.get(i) / denominators.get(i);
    }
    return mean(ratios);
  }

  /** The mean of per-iteration ratios, with a Student-t 99.9% interval over the iterations. */
  static Ratio mean(double[] ratios) {
    int n = ratios.length;
    if (n == 0) {
      return NONE;
    }
    double sum = 0;
    for (double r : ratios) {
      sum += r;
    }
    double mean = sum / n;
    if (n < 2) {
      return new Ratio(mean, Double.NaN, n);
    }
    double squares = 0;
    for (double r : ratios) {
      squares += (r - mean) * (r - mean);
    }
    double sd = Math.sqrt(squares / (n - 1));
    double t = new TDistribution(n - 1).inverseCumulativeProbability(0.9995);
    return new Ratio(mean, t * sd / Math.sqrt(n), n);
  }

  /** {@code a / b} of two independent scores, their relative errors combined. */
  static Ratio of(double a, double errorA, double b, double errorB) {
    if (!(b > 0)) {
      return NONE;
    }
    double value = a / b;
    double relA = Double.isNaN(errorA) ? 0 : errorA / a;
    double relB = Double.isNaN(errorB) ? 0 : errorB / b;
    return new Ratio(value, value * Math.sqrt(relA * relA + relB * relB), 0);
  }

  boolean isMeasured() {
    return !Double.isNaN(value);
  }

  /** Whether the whole interval lies below {@code bar}. */
  boolean clearlyBelow(double bar) {
    return isMeasured() && value + (Double.isNaN(error) ? 0 : error) < bar;
  }

  @Override
  public String toString() {
    if (!isMeasured()) {
      return "–";
    }
    return Double.isNaN(error) ? String.format(Locale.ROOT, "%.3f", value)
        : String.format(Locale.ROOT, "%.3f ± %.3f", value, error);
  }
}
