package dev.runtrail.testkit;

import dev.runtrail.telemetry.trail.TrailEvent;
import dev.runtrail.testkit.internal.Describe;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on action trail events.
 *
 * <pre>{@code
 * assertThat(captured.trail())
 *     .containsSequence(TOOL_CALL, TOOL_RESULT, PR_CREATED)
 *     .hasNoGaps()
 *     .allCarryRunId()
 *     .hasEventOfType(TOOL_CALL).withData("args.path", "main.tf");
 * }</pre>
 */
public final class TrailAssert extends AbstractAssert<TrailAssert, CapturedTrail> {

  TrailAssert(CapturedTrail trail) {
    super(trail, TrailAssert.class);
  }

  /**
   * Events of these types occur in this order; other events may come between them (a subsequence, like
   * AssertJ's {@code containsSubsequence}).
   */
  public TrailAssert containsSequence(String... types) {
    isNotNull();
    int next = 0;
    for (TrailEvent event : actual.events()) {
      if (next < types.length && event.type().equals(types[next])) {
        next++;
      }
    }
    if (next < types.length) {
      fail("Expected the trail to contain " + Arrays.toString(types) + " in this order but "
          + (next == 0 ? "found no " + types[0] : "after " + Arrays.toString(Arrays.copyOf(types, next))
              + " found no " + types[next] + " later")
          + "; its events were: " + Describe.events(actual.events()));
    }
    return this;
  }

  /** The events are exactly of these types, in this order. */
  public TrailAssert containsExactlyTypes(String... types) {
    isNotNull();
    if (!actual.types().equals(Arrays.asList(types))) {
      fail("Expected the trail to be exactly " + Arrays.toString(types) + " but its events were: "
          + Describe.events(actual.events()));
    }
    return this;
  }

  /** The first event of this type, to check its data. */
  public TrailEventAssert hasEventOfType(String type) {
    isNotNull();
    for (TrailEvent event : actual.events()) {
      if (event.type().equals(type)) {
        return new TrailEventAssert(event, this);
      }
    }
    fail("Expected the trail to have an event of type " + type + " but its events were: "
        + Describe.events(actual.events()));
    return null;
  }

  /** No event is of this type. */
  public TrailAssert doesNotHaveEventOfType(String type) {
    isNotNull();
    for (TrailEvent event : actual.events()) {
      if (event.type().equals(type)) {
        fail("Expected the trail to have no event of type " + type + " but found " + Describe.event(event)
            + " (data " + event.data() + ") among: " + Describe.events(actual.events()));
      }
    }
    return this;
  }

  /** Each run's events are numbered 1, 2, 3, ... with none missing or repeated. */
  public TrailAssert hasNoGaps() {
    isNotNull();
    Map<String, List<Long>> byRun = new LinkedHashMap<>();
    for (TrailEvent event : actual.events()) {
      byRun.computeIfAbsent(event.runId(), k -> new ArrayList<>()).add(event.sequence());
    }
    for (Map.Entry<String, List<Long>> run : byRun.entrySet()) {
      List<Long> sequences = new ArrayList<>(run.getValue());
      sequences.sort(null);
      for (int i = 0; i < sequences.size(); i++) {
        long expected = i + 1L;
        if (sequences.get(i) != expected) {
          fail("Expected a gap-free trail but the events of run " + run.getKey() + " "
              + (i > 0 && sequences.get(i).equals(sequences.get(i - 1)) ? "repeat #" + sequences.get(i)
                  : i == 0 ? "start at #" + sequences.get(0) : "jump from #" + sequences.get(i - 1) + " to #"
                      + sequences.get(i))
              + "; sequences captured: " + Describe.list(run.getValue(), String::valueOf));
        }
      }
    }
    return this;
  }

  /** Every event carries a run id. */
  public TrailAssert allCarryRunId() {
    isNotNull();
    List<TrailEvent> without = new ArrayList<>();
    for (TrailEvent event : actual.events()) {
      if (event.runId().isBlank()) {
        without.add(event);
      }
    }
    if (!without.isEmpty()) {
      fail("Expected every trail event to carry a run id but " + without.size() + " did not: "
          + Describe.events(without));
    }
    return this;
  }

  /** Every event belongs to this run. */
  public TrailAssert allBelongToRun(String runId) {
    isNotNull();
    List<String> others = new ArrayList<>();
    for (TrailEvent event : actual.events()) {
      if (!event.runId().equals(runId)) {
        others.add(Describe.event(event) + " of " + event.runId());
      }
    }
    if (!others.isEmpty()) {
      fail("Expected every trail event to belong to run " + runId + " but " + others.size() + " did not: "
          + Describe.list(others, s -> s));
    }
    return this;
  }

  /** There are exactly this many events. */
  public TrailAssert hasEventCount(int count) {
    isNotNull();
    if (actual.size() != count) {
      fail("Expected " + count + " trail events but captured " + actual.size() + ": "
          + Describe.events(actual.events()));
    }
    return this;
  }

  /** There are no events. */
  public TrailAssert isEmpty() {
    return hasEventCount(0);
  }

  private void fail(String message) {
    failWithMessage("%s", message);
  }
}
