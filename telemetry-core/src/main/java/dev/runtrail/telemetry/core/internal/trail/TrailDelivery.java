package dev.runtrail.telemetry.core.internal.trail;

import dev.runtrail.telemetry.core.internal.SelfMonitor;
import dev.runtrail.telemetry.trail.TrailEvent;
import dev.runtrail.telemetry.trail.TrailSink;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Hands accepted trail events to every sink.
 *
 * <p>Overflow policy: an event is <em>accepted</em> when every durable sink's queue took it within
 * the offer timeout (or when there is no durable sink). A rejected event gets no sequence number, is
 * delivered nowhere, and is counted as dropped at {@code trail_queue}. An accepted event goes to the
 * inline sinks at once and to each asynchronous sink's queue without waiting; a full asynchronous
 * queue drops the event for that sink only (counted at {@code trail_sink}).
 */
public final class TrailDelivery {

  /** Completed: what {@link #runEnded} returns when only inline sinks (which are done at once) exist. */
  private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);

  private final List<TrailSink> inline = new ArrayList<>();
  private final List<SinkChannel> durable = new ArrayList<>();
  private final List<SinkChannel> async = new ArrayList<>();
  private final long offerTimeoutNanos;
  private final SelfMonitor monitor;
  private volatile boolean closed;

  public TrailDelivery(List<TrailSink> sinks, int queueCapacity, Duration offerTimeout, SelfMonitor monitor) {
    this.offerTimeoutNanos = offerTimeout.toNanos();
    this.monitor = monitor;
    for (TrailSink sink : sinks) {
      switch (sink.delivery()) {
        case INLINE:
          inline.add(sink);
          break;
        case DURABLE:
          durable.add(new SinkChannel(sink, queueCapacity, monitor));
          break;
        default:
          async.add(new SinkChannel(sink, queueCapacity, monitor));
      }
    }
  }

  /**
   * Delivers one event; the caller holds the run's trail lock so events reach every sink in sequence
   * order.
   *
   * @return whether the event was accepted
   */
  public boolean deliver(TrailEvent event) {
    if (closed) {
      monitor.dropped("trail_queue", 1, "an event was recorded after telemetry was closed");
      return false;
    }
    if (!durable.isEmpty() && !offerDurable(event)) {
      monitor.dropped("trail_queue", 1, "the durable trail queue stayed full for "
          + Duration.ofNanos(offerTimeoutNanos).toMillis() + " ms");
      return false;
    }
    for (SinkChannel channel : async) {
      if (!channel.offerNow(event)) {
        monitor.dropped("trail_sink", 1, "the queue of trail sink '" + channel.sink().name() + "' is full");
      }
    }
    for (TrailSink sink : inline) {
      try {
        sink.accept(event);
      } catch (Throwable t) {
        SinkChannel.rethrowFatal(t);
        monitor.dropped("trail_sink", 1, "trail sink '" + sink.name() + "' threw " + t.getClass().getSimpleName());
      }
    }
    return true;
  }

  private boolean offerDurable(TrailEvent event) {
    long deadline = System.nanoTime() + offerTimeoutNanos;
    boolean acceptedByOne = false;
    List<SinkChannel> missed = null;
    for (SinkChannel channel : durable) {
      if (channel.offerUntil(event, deadline)) {
        acceptedByOne = true;
      } else {
        if (missed == null) {
          missed = new ArrayList<>(1);
        }
        missed.add(channel);
      }
    }
    if (acceptedByOne && missed != null) {
      for (SinkChannel channel : missed) {
        monitor.trailGap(channel.sink().name(), null);
      }
    }
    return acceptedByOne;
  }

  /** The run ended: every sink persists it; the future completes when all have (or gave up). */
  public CompletableFuture<Void> runEnded(String runId) {
    for (TrailSink sink : inline) {
      try {
        sink.runEnded(runId);
      } catch (Throwable t) {
        SinkChannel.rethrowFatal(t);
        monitor.failure("trail sink '" + sink.name() + "' runEnded", t);
      }
    }
    if (durable.isEmpty() && async.isEmpty()) {
      return DONE;
    }
    long deadline = System.nanoTime() + Math.max(offerTimeoutNanos, Duration.ofSeconds(1).toNanos());
    List<CompletableFuture<Void>> pending = new ArrayList<>();
    for (SinkChannel channel : durable) {
      pending.add(channel.runEnded(runId, deadline));
    }
    for (SinkChannel channel : async) {
      pending.add(channel.runEnded(runId, deadline));
    }
    return CompletableFuture.allOf(pending.toArray(new CompletableFuture<?>[0]));
  }

  /** Delivers what is queued, then closes every sink; waits at most {@code timeout} in all. */
  public void close(Duration timeout) {
    if (closed) {
      return;
    }
    closed = true;
    long deadline = System.nanoTime() + timeout.toNanos();
    for (SinkChannel channel : durable) {
      int abandoned = channel.stop(deadline);
      if (abandoned > 0) {
        monitor.trailGap(channel.sink().name(), null);
        monitor.dropped("shutdown", abandoned, "shutdown timed out with events still queued for trail sink '"
            + channel.sink().name() + "'");
      }
    }
    for (SinkChannel channel : async) {
      int abandoned = channel.stop(deadline);
      if (abandoned > 0) {
        monitor.dropped("shutdown", abandoned, "shutdown timed out with events still queued for trail sink '"
            + channel.sink().name() + "'");
      }
    }
    for (TrailSink sink : inline) {
      try {
        sink.close();
      } catch (Throwable t) {
        SinkChannel.rethrowFatal(t);
        monitor.failure("trail sink '" + sink.name() + "' close", t);
      }
    }
  }
}
