package dev.runtrail.testkit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on the series of one meter name, narrowed by tags: a check adds up every series whose tags
 * include the ones asked for (so {@code withTags("status", "failed")} counts failed runs of every env
 * and error code). A name with no series matching the tags counts 0.
 */
public final class MeterAssert extends AbstractAssert<MeterAssert, List<Meter>> {

  /** What kind of meter is expected. */
  enum Kind {
    COUNTER("counter"), TIMER("timer"), SUMMARY("distribution summary"), GAUGE("gauge");

    final String label;

    Kind(String label) {
      this.label = label;
    }
  }

  private final String name;
  private final Kind kind;
  private final Map<String, String> tags;

  MeterAssert(String name, Kind kind, List<Meter> meters) {
    this(name, kind, meters, Map.of());
  }

  private MeterAssert(String name, Kind kind, List<Meter> meters, Map<String, String> tags) {
    super(meters, MeterAssert.class);
    this.name = name;
    this.kind = kind;
    this.tags = tags;
  }

  /** Only series with this tag. */
  public MeterAssert withTag(String key, String value) {
    Map<String, String> more = new LinkedHashMap<>(tags);
    more.put(key, value);
    return new MeterAssert(name, kind, actual, more);
  }

  /** Only series with these tags, given as key, value, key, value, ... */
  public MeterAssert withTags(String... keyValues) {
    if (keyValues.length % 2 != 0) {
      throw new IllegalArgumentException("withTags takes key, value pairs, got " + keyValues.length + " strings");
    }
    MeterAssert narrowed = this;
    for (int i = 0; i < keyValues.length; i += 2) {
      narrowed = narrowed.withTag(keyValues[i], keyValues[i + 1]);
    }
    return narrowed;
  }

  /** Counters: the sum of the matching counts; timers and summaries: how many were recorded. */
  public MeterAssert hasCount(long expected) {
    double count = 0;
    for (Meter meter : matching()) {
      count += count(meter);
    }
    if (count != expected) {
      fail("Expected " + ref() + " to have count " + expected + " but it was " + format(count) + "; series captured:"
          + describeSeries(actual));
    }
    return this;
  }

  /** Gauges: the value of the one matching series; counters: the sum of the matching counts. */
  public MeterAssert hasValue(double expected) {
    List<Meter> matching = matching();
    if (kind == Kind.GAUGE && matching.size() != 1) {
      fail("Expected one series of " + ref() + " but " + matching.size() + " matched; narrow it with withTag;"
          + " series captured:" + describeSeries(actual));
    }
    double value = 0;
    for (Meter meter : matching) {
      value += meter instanceof Gauge gauge ? gauge.value() : count(meter);
    }
    if (Double.compare(value, expected) != 0) {
      fail("Expected " + ref() + " to have value " + format(expected) + " but it was " + format(value)
          + "; series captured:" + describeSeries(actual));
    }
    return this;
  }

  /** At least one series matches the tags. */
  public MeterAssert exists() {
    if (matching().isEmpty()) {
      fail("Expected " + ref() + " to exist but no series matched; series captured:" + describeSeries(actual));
    }
    return this;
  }

  private List<Meter> matching() {
    List<Meter> matching = new ArrayList<>();
    for (Meter meter : actual) {
      if (!isKind(meter)) {
        fail(Character.toUpperCase(kind.label.charAt(0)) + kind.label.substring(1) + " " + quoted() + " is a "
            + meter.getId().getType().name().toLowerCase(java.util.Locale.ROOT) + ", not a " + kind.label + "; series captured:"
            + describeSeries(actual));
      }
      if (hasTags(meter)) {
        matching.add(meter);
      }
    }
    return matching;
  }

  private boolean isKind(Meter meter) {
    switch (kind) {
      case COUNTER:
        return meter instanceof Counter || meter instanceof FunctionCounter;
      case TIMER:
        return meter instanceof Timer || meter instanceof FunctionTimer;
      case SUMMARY:
        return meter instanceof DistributionSummary;
      default:
        return meter instanceof Gauge;
    }
  }

  private boolean hasTags(Meter meter) {
    for (Map.Entry<String, String> tag : tags.entrySet()) {
      if (!tag.getValue().equals(meter.getId().getTag(tag.getKey()))) {
        return false;
      }
    }
    return true;
  }

  private static double count(Meter meter) {
    if (meter instanceof Counter counter) {
      return counter.count();
    }
    if (meter instanceof FunctionCounter counter) {
      return counter.count();
    }
    if (meter instanceof Timer timer) {
      return timer.count();
    }
    if (meter instanceof FunctionTimer timer) {
      return timer.count();
    }
    if (meter instanceof DistributionSummary summary) {
      return summary.count();
    }
    return Double.NaN;
  }

  /** One series per line: {@code name{k=v,...} count=1} (or value= for gauges). */
  static String describeSeries(List<Meter> meters) {
    StringBuilder out = new StringBuilder();
    for (Meter meter : meters) {
      Map<String, String> sorted = new TreeMap<>();
      for (Tag tag : meter.getId().getTags()) {
        sorted.put(tag.getKey(), tag.getValue());
      }
      out.append("\n  ").append(meter.getId().getName()).append(sorted.toString().replace(", ", ","));
      if (meter instanceof Gauge gauge) {
        out.append(" value=").append(format(gauge.value()));
      } else {
        out.append(" count=").append(format(count(meter)));
      }
    }
    return out.toString();
  }

  private String ref() {
    return kind.label + " " + quoted() + (tags.isEmpty() ? "" : " with tags " + tags);
  }

  private String quoted() {
    return "'" + name + "'";
  }

  private static String format(double value) {
    return value == Math.rint(value) && !Double.isInfinite(value) ? String.valueOf((long) value) : String.valueOf(value);
  }

  private void fail(String message) {
    failWithMessage("%s", message);
  }
}
