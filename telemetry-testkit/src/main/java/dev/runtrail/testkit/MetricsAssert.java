package dev.runtrail.testkit;

import dev.runtrail.testkit.internal.Describe;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on the meters of a registry, usually {@link Captured#meters()}. Pick a meter by name and
 * kind, narrow it by tags, then check its count or value.
 *
 * <pre>{@code
 * assertThat(captured.meters()).counter("runtrail.runs.completed").withTags("status", "failed").hasCount(1);
 * assertThat(captured.meters()).timer("runtrail.step.duration").withTag("step", "main/build").hasCount(1);
 * assertThat(captured.meters()).gauge("runtrail.runs.in.flight").hasValue(0);
 * }</pre>
 */
public final class MetricsAssert extends AbstractAssert<MetricsAssert, MeterRegistry> {

  MetricsAssert(MeterRegistry registry) {
    super(registry, MetricsAssert.class);
  }

  /** A meter with this name exists (any kind, any tags). */
  public MetricsAssert hasMeter(String name) {
    isNotNull();
    if (named(name).isEmpty()) {
      failWithMessage("%s", "Expected a meter named " + Describe.quote(name) + " but the meters were: " + names());
    }
    return this;
  }

  /** No meter has this name. */
  public MetricsAssert doesNotHaveMeter(String name) {
    isNotNull();
    List<Meter> found = named(name);
    if (!found.isEmpty()) {
      failWithMessage("%s", "Expected no meter named " + Describe.quote(name) + " but found "
          + MeterAssert.describeSeries(found));
    }
    return this;
  }

  /** The counter(s) with this name. */
  public MeterAssert counter(String name) {
    return meter(name, MeterAssert.Kind.COUNTER);
  }

  /** The timer(s) with this name. */
  public MeterAssert timer(String name) {
    return meter(name, MeterAssert.Kind.TIMER);
  }

  /** The distribution summary (histogram) with this name. */
  public MeterAssert summary(String name) {
    return meter(name, MeterAssert.Kind.SUMMARY);
  }

  /** The gauge(s) with this name. */
  public MeterAssert gauge(String name) {
    return meter(name, MeterAssert.Kind.GAUGE);
  }

  private MeterAssert meter(String name, MeterAssert.Kind kind) {
    isNotNull();
    List<Meter> found = named(name);
    if (found.isEmpty()) {
      failWithMessage("%s", "Expected a " + kind.label + " named " + Describe.quote(name) + " but there is no meter"
          + " of that name; the meters were: " + names());
    }
    return new MeterAssert(name, kind, found);
  }

  private List<Meter> named(String name) {
    List<Meter> found = new ArrayList<>();
    for (Meter meter : actual.getMeters()) {
      if (meter.getId().getName().equals(name)) {
        found.add(meter);
      }
    }
    return found;
  }

  private String names() {
    TreeSet<String> names = new TreeSet<>();
    for (Meter meter : actual.getMeters()) {
      names.add(meter.getId().getName());
    }
    return names.isEmpty() ? "none" : names.toString();
  }
}
