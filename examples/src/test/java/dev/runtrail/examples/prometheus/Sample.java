package dev.runtrail.examples.prometheus;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * One element of an instant query's result: the series' labels (including {@code __name__} when
 * the expression keeps it) and its value. A scalar result is one sample with no labels.
 *
 * @param labels label names to values, sorted by name
 * @param value the value; {@code NaN} and infinities as Prometheus reported them
 */
public record Sample(Map<String, String> labels, double value) {

    public Sample {
        labels = Collections.unmodifiableMap(new TreeMap<>(labels));
    }

    /** The value of label {@code name}, or {@code null} if the sample has no such label. */
    public String label(String name) {
        return labels.get(name);
    }

    /** The metric name ({@code __name__}), or {@code null} if the expression dropped it. */
    public String metricName() {
        return labels.get("__name__");
    }

    @Override
    public String toString() {
        return labels + " " + value;
    }
}
