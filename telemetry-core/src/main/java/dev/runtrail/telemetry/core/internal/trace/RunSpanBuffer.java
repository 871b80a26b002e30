package dev.runtrail.telemetry.core.internal.trace;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Holds the ended spans of each run until the run ends, then forwards them all to the export
 * processor it wraps, or drops them all: run-level tail sampling inside the process (which the
 * OpenTelemetry SDK does not offer), with no partial traces. The held spans also feed the run store.
 *
 * <p>A span belongs to a run when it is the run's root (registered while it starts) or when its
 * parent is an open span of the run — so spans that other instrumentation makes inside a step are
 * held too. Spans of no run pass straight through. A run holds at most {@code maxSpansPerRun}; more
 * pass through unsampled rather than use unbounded memory.
 *
 * <p>One buffer wraps each export processor (autoconfigure makes one per exporter); a {@link Group}
 * drives them together.
 */
public final class RunSpanBuffer implements SpanProcessor {

  /** Identifies a run across the buffers of a group. */
  public static final class RunKey {}

  /** The buffers of one tracer provider, started and completed together. */
  public static final class Group {
    private final ThreadLocal<RunKey> startingRoot = new ThreadLocal<>();
    private final List<RunSpanBuffer> buffers = new CopyOnWriteArrayList<>();
    private volatile RunSpanBuffer capture;
    private final int maxSpansPerRun;
    private final boolean holdForSampling;
    private final boolean captureSpans;

    /**
     * @param holdForSampling whether export processors are wrapped (run-level sampling)
     * @param captureSpans whether {@link #capture()} holds spans for the run store
     */
    public Group(int maxSpansPerRun, boolean holdForSampling, boolean captureSpans) {
      this.maxSpansPerRun = maxSpansPerRun;
      this.holdForSampling = holdForSampling;
      this.captureSpans = captureSpans;
    }

    /** Wraps an export processor when runs are sampled; otherwise returns it as it is. */
    public SpanProcessor wrap(SpanProcessor delegate) {
      if (!holdForSampling) {
        return delegate;
      }
      RunSpanBuffer buffer = new RunSpanBuffer(this, delegate);
      buffers.add(buffer);
      return buffer;
    }

    /**
     * A buffer with nothing behind it, whose held spans {@link #complete} returns: the run store gets
     * spans whatever exporters are configured (even none).
     */
    public SpanProcessor capture() {
      if (!captureSpans) {
        // Not the SDK's NoopSpanProcessor: a provider with only that hands out a no-op tracer, and
        // runs need real trace and span ids (MDC, trails) even when nothing is exported.
        return new SpanProcessor() {
          @Override
          public void onStart(Context parentContext, ReadWriteSpan span) {}

          @Override
          public boolean isStartRequired() {
            return false;
          }

          @Override
          public void onEnd(ReadableSpan span) {}

          @Override
          public boolean isEndRequired() {
            return false;
          }
        };
      }
      RunSpanBuffer buffer = new RunSpanBuffer(this, SpanProcessor.composite());
      buffers.add(buffer);
      capture = buffer;
      return buffer;
    }

    /** Call before starting a run's root span, on the starting thread; then {@link #endRoot()}. */
    public RunKey beginRoot() {
      if (buffers.isEmpty()) {
        return null;
      }
      RunKey key = new RunKey();
      startingRoot.set(key);
      return key;
    }

    public void endRoot() {
      startingRoot.remove();
    }

    /**
     * The run ended: every buffer forwards the run's spans when {@code export}, or drops them. Returns
     * the spans (as one buffer held them) for the run store.
     */
    public List<ReadableSpan> complete(RunKey key, boolean export) {
      List<ReadableSpan> captured = List.of();
      for (RunSpanBuffer buffer : buffers) {
        List<ReadableSpan> held = buffer.complete(key, export);
        if (buffer == capture) {
          captured = held;
        }
      }
      return captured;
    }
  }

  /** The spans of one run in one buffer. */
  private static final class RunSpans {
    final List<ReadableSpan> ended = new ArrayList<>();
    boolean completed;
    boolean exported;
  }

  private final Group group;
  private final SpanProcessor delegate;
  private final ConcurrentHashMap<RunKey, RunSpans> byRun = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, RunSpans> bySpanId = new ConcurrentHashMap<>();

  private RunSpanBuffer(Group group, SpanProcessor delegate) {
    this.group = group;
    this.delegate = delegate;
  }

  @Override
  public void onStart(Context parentContext, ReadWriteSpan span) {
    delegate.onStart(parentContext, span);
    RunSpans spans;
    RunKey root = group.startingRoot.get();
    if (root != null) {
      spans = new RunSpans();
      byRun.put(root, spans);
    } else {
      Span parent = Span.fromContextOrNull(parentContext);
      if (parent == null) {
        return;
      }
      spans = bySpanId.get(parent.getSpanContext().getSpanId());
      if (spans == null) {
        return;
      }
    }
    bySpanId.put(span.getSpanContext().getSpanId(), spans);
  }

  @Override
  public boolean isStartRequired() {
    return true;
  }

  @Override
  public void onEnd(ReadableSpan span) {
    RunSpans spans = bySpanId.remove(span.getSpanContext().getSpanId());
    if (spans != null) {
      synchronized (spans) {
        if (!spans.completed) {
          if (spans.ended.size() < group.maxSpansPerRun) {
            spans.ended.add(span);
            return;
          }
        } else if (!spans.exported) {
          return; // a late span of a run that was not sampled goes with its run
        }
      }
    }
    if (delegate.isEndRequired()) {
      delegate.onEnd(span);
    }
  }

  @Override
  public boolean isEndRequired() {
    return true;
  }

  private List<ReadableSpan> complete(RunKey key, boolean export) {
    RunSpans spans = byRun.remove(key);
    if (spans == null) {
      return List.of();
    }
    List<ReadableSpan> held;
    synchronized (spans) {
      spans.completed = true;
      spans.exported = export;
      held = new ArrayList<>(spans.ended);
      spans.ended.clear();
    }
    if (export && delegate.isEndRequired()) {
      for (ReadableSpan span : held) {
        delegate.onEnd(span);
      }
    }
    return held;
  }

  @Override
  public CompletableResultCode forceFlush() {
    return delegate.forceFlush();
  }

  @Override
  public CompletableResultCode shutdown() {
    return delegate.shutdown();
  }
}
