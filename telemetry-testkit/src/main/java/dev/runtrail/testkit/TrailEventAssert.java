package dev.runtrail.testkit;

import dev.runtrail.telemetry.trail.TrailEvent;
import dev.runtrail.testkit.internal.Describe;
import dev.runtrail.testkit.internal.Values;
import java.util.Map;
import java.util.Objects;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on one action trail event. Data paths are dotted through nested maps: {@code args.path}
 * is {@code data.get("args").get("path")}.
 *
 * <pre>{@code
 * assertThat(captured.trail()).hasEventOfType(TOOL_CALL)
 *     .withData("tool", "kubectl").withData("args.token", "[REDACTED]").withStep("main/deploy/api");
 * }</pre>
 */
public final class TrailEventAssert extends AbstractAssert<TrailEventAssert, TrailEvent> {

  private static final Object MISSING = new Object();

  private final TrailAssert trail;

  TrailEventAssert(TrailEvent event, TrailAssert trail) {
    super(event, TrailEventAssert.class);
    this.trail = trail;
  }

  /** The data at this dotted path has this value (numbers compare by value). */
  public TrailEventAssert withData(String path, Object value) {
    isNotNull();
    Object found = lookup(actual.data(), path);
    if (found == MISSING || !Values.same(value, found)) {
      fail("Expected trail event " + ref() + " to have data " + path + " = " + Describe.value(value) + " but "
          + (found == MISSING ? "there is no " + path : "it is " + Describe.value(found)) + "; its data: "
          + actual.data());
    }
    return this;
  }

  /** The data has this dotted path, whatever its value. */
  public TrailEventAssert hasDataKey(String path) {
    isNotNull();
    if (lookup(actual.data(), path) == MISSING) {
      fail("Expected trail event " + ref() + " to have data " + path + " but its data was: " + actual.data());
    }
    return this;
  }

  /** The event was recorded while this step was current (null: outside any step). */
  public TrailEventAssert withStep(String path) {
    isNotNull();
    if (!Objects.equals(actual.step(), path)) {
      fail("Expected trail event " + ref() + " to be recorded in step " + Describe.quote(path) + " but it was in "
          + (actual.step() == null ? "no step" : Describe.quote(actual.step())));
    }
    return this;
  }

  /** The event has this sequence number. */
  public TrailEventAssert withSequence(long sequence) {
    isNotNull();
    if (actual.sequence() != sequence) {
      fail("Expected trail event " + actual.type() + " to be #" + sequence + " but it is #" + actual.sequence());
    }
    return this;
  }

  /** The event belongs to this run. */
  public TrailEventAssert inRun(String runId) {
    isNotNull();
    if (!actual.runId().equals(runId)) {
      fail("Expected trail event " + ref() + " to belong to run " + runId + " but it belongs to " + actual.runId());
    }
    return this;
  }

  /** The first event of another type in the same trail. */
  public TrailEventAssert hasEventOfType(String type) {
    return and().hasEventOfType(type);
  }

  /** Back to the trail. */
  public TrailAssert and() {
    if (trail == null) {
      throw new IllegalStateException("and() needs the event's trail: start from assertThat(captured.trail())");
    }
    return trail;
  }

  private static Object lookup(Map<String, Object> data, String path) {
    if (data.containsKey(path)) {
      return data.get(path);
    }
    Object current = data;
    for (String part : path.split("\\.")) {
      if (!(current instanceof Map<?, ?> map) || !map.containsKey(part)) {
        return MISSING;
      }
      current = map.get(part);
    }
    return current;
  }

  private String ref() {
    return Describe.event(actual);
  }

  private void fail(String message) {
    failWithMessage("%s", message);
  }
}
