package dev.runtrail.testkit;

import dev.runtrail.telemetry.core.export.FinishedRun;
import dev.runtrail.telemetry.trail.TrailEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * Action trail events, in the order they were recorded: a snapshot of what a test's telemetry
 * delivered, or any list of events (e.g. read back from {@code trail.jsonl}) to assert on.
 *
 * <pre>{@code
 * assertThat(captured.trail()).containsSequence(TOOL_CALL, TOOL_RESULT).hasNoGaps();
 * assertThat(captured.trail().ofRun(run.runId())).hasEventOfType(TOOL_CALL).withData("tool", "kubectl");
 * assertThat(CapturedTrail.of(TrailReader.read(file).events())).hasNoGaps();
 * }</pre>
 */
public final class CapturedTrail {

  private final List<TrailEvent> events;

  private CapturedTrail(List<TrailEvent> events) {
    this.events = List.copyOf(events);
  }

  /** A trail of these events, in this order. */
  public static CapturedTrail of(List<TrailEvent> events) {
    if (events == null) {
      throw new IllegalArgumentException("events must not be null");
    }
    return new CapturedTrail(events);
  }

  /** The events, in recording order. */
  public List<TrailEvent> events() {
    return events;
  }

  /** The events of one run. */
  public CapturedTrail ofRun(String runId) {
    List<TrailEvent> of = new ArrayList<>();
    for (TrailEvent event : events) {
      if (event.runId().equals(runId)) {
        of.add(event);
      }
    }
    return new CapturedTrail(of);
  }

  /** The events of one run. */
  public CapturedTrail ofRun(FinishedRun run) {
    return ofRun(run.runId());
  }

  /** The event types, in order. */
  public List<String> types() {
    List<String> types = new ArrayList<>(events.size());
    for (TrailEvent event : events) {
      types.add(event.type());
    }
    return types;
  }

  /** How many events there are. */
  public int size() {
    return events.size();
  }

  /** Whether there are no events. */
  public boolean isEmpty() {
    return events.isEmpty();
  }

  @Override
  public String toString() {
    return "CapturedTrail" + types();
  }
}
