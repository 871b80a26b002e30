package dev.runtrail.telemetry.core.internal.trail;

import dev.runtrail.telemetry.core.internal.SelfMonitor;
import dev.runtrail.telemetry.trail.TrailEvent;
import dev.runtrail.telemetry.trail.TrailSink;
import io.opentelemetry.api.trace.Span;
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
    return deliver(event, null, offerTimeoutNanos);
  }

  /**
   * Whether every inline sink is the span-event sink, which can be handed the span to write to (so an
   * event can be delivered after its step closed, as long as the span has not ended). Other inline
   * sinks are promised the recording thread.
   */
  public boolean inlineSinksTakeSpans() {
    for (TrailSink sink : inline) {
      if (!(sink instanceof SpanEventTrailSink)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Delivers one event the trail processor accepted (in the order events were accepted under the run's
   * trail lock); the span-event sink writes it to {@code span}. The event already has its sequence
   * number, so the processor waits for room in the durable sinks' queues as long as it takes (until
   * telemetry closes) rather than drop it, and recorders wait for room in the processor's queue meanwhile.
   *
   * @return whether the event was delivered
   */
  public boolean deliverAccepted(TrailEvent event, Span span) {
    return deliver(event, span, Long.MAX_VALUE);
  }

  private boolean deliver(TrailEvent event, Span span, long durableTimeoutNanos) {
    if (closed) {
      monitor.dropped("trail_queue", 1, "an event was recorded after telemetry was closed");
      return false;
    }
    if (!durable.isEmpty() && !offerDurable(event, durableTimeoutNanos)) {
      monitor.dropped("trail_queue", 1, durableTimeoutNanos == Long.MAX_VALUE
          ? "telemetry closed while an accepted event waited for room in the durable trail queue"
          : "the durable trail queue stayed full for " + Duration.ofNanos(durableTimeoutNanos).toMillis() + " ms");
      return false;
    }
    for (SinkChannel channel : async) {
      if (!channel.offerNow(event)) {
        monitor.dropped("trail_sink", 1, "the queue of trail sink '" + channel.sink().name() + "' is full");
      }
    }
    for (TrailSink sink : inline) {
      try {
        if (span != null && sink instanceof SpanEventTrailSink) {
          ((SpanEventTrailSink) sink).accept(event, span);
        } else {
          sink.accept(event);
        }
      } catch (Throwable t) {
        SinkChannel.rethrowFatal(t);
        monitor.dropped("trail_sink", 1, "trail sink '" + sink.name() + "' threw " + t.getClass().getSimpleName());
      }
    }
    return true;
  }

  private boolean offerDurable(TrailEvent event, long timeoutNanos) {
    long deadline = timeoutNanos == Long.MAX_VALUE ? Long.MAX_VALUE : System.nanoTime() + timeoutNanos;
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
