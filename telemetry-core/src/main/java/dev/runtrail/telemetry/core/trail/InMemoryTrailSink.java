package dev.runtrail.telemetry.core.trail;

import dev.runtrail.telemetry.trail.TrailEvent;
import dev.runtrail.telemetry.trail.TrailSink;
import java.util.ArrayList;
import java.util.List;

/** Keeps events in memory, in the order recorded; for tests. Thread-safe. */
public final class InMemoryTrailSink implements TrailSink {

  private final List<TrailEvent> events = new ArrayList<>();

  @Override
  public String name() {
    return "memory";
  }

  @Override
  public Delivery delivery() {
    return Delivery.INLINE;
  }

  @Override
  public synchronized void accept(TrailEvent event) {
    events.add(event);
  }

  /** All events so far. */
  public synchronized List<TrailEvent> events() {
    return List.copyOf(events);
  }

  /** The events of one run. */
  public synchronized List<TrailEvent> events(String runId) {
    List<TrailEvent> result = new ArrayList<>();
    for (TrailEvent event : events) {
      if (event.runId().equals(runId)) {
        result.add(event);
      }
    }
    return result;
  }

  public synchronized void clear() {
    events.clear();
  }
}
