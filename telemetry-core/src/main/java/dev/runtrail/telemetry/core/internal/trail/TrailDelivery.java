package dev.runtrail.telemetry.core.internal.trail;

import dev.runtrail.telemetry.core.internal.OwnThreads;
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
  /** Telemetry is closing: ending the runs still open waits for no sink's queue. */
  private volatile boolean closing;

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
    return deliver(event, System.nanoTime() + offerTimeoutNanos, null);
  }

  /**
   * Delivers one event, waiting for room in the durable sinks' queues until {@code deadlineNanos}
   * ({@link System#nanoTime()} based) at most; the span-event sink writes it to {@code span} (the open
   * span of the event's step, or the run's root), or looks the span up when it is null.
   *
   * @return whether the event was accepted
   */
  public boolean deliver(TrailEvent event, long deadlineNanos, Span span) {
    if (closed) {
      monitor.dropped("trail_queue", 1, "an event was recorded after telemetry was closed");
      return false;
    }
    if (!durable.isEmpty() && !offerDurable(event, deadlineNanos)) {
      monitor.dropped("trail_queue", 1, "the durable trail queue stayed full for "
          + Duration.ofNanos(offerTimeoutNanos).toMillis() + " ms");
      return false;
    }
    deliverToOthers(event, span);
    return true;
  }

  private void deliverToOthers(TrailEvent event, Span span) {
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
        OwnThreads.rethrowOnAppThread(t);
        monitor.dropped("trail_sink", 1, "trail sink '" + sink.name() + "' threw " + t.getClass().getSimpleName());
      }
    }
  }

  /**
   * Offers to every durable sink until the deadline. Sinks that miss an event another took get a gap.
   *
   * @return whether at least one durable sink took it
   */
  private boolean offerDurable(TrailEvent event, long deadline) {
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

  /** Telemetry is closing: from now on a run's end waits for no sink's queue (see {@link #runEnded}). */
  public void closing() {
    closing = true;
  }

  /**
   * The run ended: every sink persists it; the future completes when all have (or gave up). On the thread
   * that closes the run: a full queue is waited for up to the offer timeout, as an event would be.
   */
  public CompletableFuture<Void> runEnded(String runId) {
    if (closed) {
      return DONE; // the sinks are closed: nothing more will be written for any run
    }
    for (TrailSink sink : inline) {
      try {
        sink.runEnded(runId);
      } catch (Throwable t) {
        OwnThreads.rethrowOnAppThread(t);
        monitor.failure("trail sink '" + sink.name() + "' runEnded", t);
      }
    }
    if (durable.isEmpty() && async.isEmpty()) {
      return DONE;
    }
    long deadline = System.nanoTime() + (closing ? 0 : offerTimeoutNanos);
    List<CompletableFuture<Void>> pending = new ArrayList<>();
    for (SinkChannel channel : durable) {
      pending.add(channel.runEnded(runId, deadline));
    }
    for (SinkChannel channel : async) {
      pending.add(channel.runEnded(runId, deadline));
    }
    return CompletableFuture.allOf(pending.toArray(new CompletableFuture<?>[0]));
  }

  /**
   * Waits until the asynchronous sinks have handled (and flushed) the events handed to them before this
   * call, until {@code deadlineNanos} at most.
   *
   * @return whether they all did in time
   */
  public boolean flush(long deadlineNanos) {
    List<CompletableFuture<Void>> pending = new ArrayList<>();
    for (SinkChannel channel : durable) {
      pending.add(channel.flushed(deadlineNanos));
    }
    for (SinkChannel channel : async) {
      pending.add(channel.flushed(deadlineNanos));
    }
    return Waits.until(CompletableFuture.allOf(pending.toArray(new CompletableFuture<?>[0])), deadlineNanos);
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
        monitor.trailGap(channel.sink().name(), abandoned, null);
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
        OwnThreads.rethrowOnAppThread(t);
        monitor.failure("trail sink '" + sink.name() + "' close", t);
      }
    }
  }
}
