package dev.runtrail.telemetry.core.internal.trail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtrail.redaction.Redactor;
import dev.runtrail.telemetry.core.internal.SelfMonitor;
import dev.runtrail.telemetry.core.internal.redact.TelemetryRedactor;
import dev.runtrail.telemetry.trail.TrailEvent;
import dev.runtrail.telemetry.trail.TrailSink;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** Every event a channel says it accepted reaches its sink or is counted by its stop. */
class SinkChannelTest {

  private final SelfMonitor monitor = new SelfMonitor(new TelemetryRedactor(Redactor.defaults()));
  private final AtomicInteger delivered = new AtomicInteger();
  private final TrailSink sink = new TrailSink() {
    @Override
    public String name() {
      return "counting";
    }

    @Override
    public void accept(TrailEvent event) {
      delivered.incrementAndGet();
    }
  };

  private static TrailEvent event(long seq) {
    return new TrailEvent(seq, Instant.parse("2026-12-07T08:00:00Z"), "tool_call", "run-20261207-080000-abc123",
        null, "corr-1", "4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7", "main/deploy/api",
        Map.of("tool", "kubectl"));
  }

  private static long in(long millis) {
    return System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
  }

  @Test
  void anEventOfferedAfterTheChannelStoppedIsNotAccepted() {
    SinkChannel channel = new SinkChannel(sink, 16, monitor);
    assertThat(channel.offerNow(event(1))).isTrue();
    assertThat(channel.stop(in(5_000))).isZero();

    assertThat(channel.offerNow(event(2))).isFalse();
    assertThat(channel.offerUntil(event(3), in(100))).isFalse();
    assertThat(delivered).hasValue(1);
  }

  @RepeatedTest(20)
  void eventsOfferedWhileItStopsAreDeliveredOrCountedNeverLost() throws Exception {
    SinkChannel channel = new SinkChannel(sink, 1_024, monitor);
    AtomicLong accepted = new AtomicLong();
    CountDownLatch started = new CountDownLatch(2);
    Thread[] offerers = new Thread[2];
    for (int t = 0; t < offerers.length; t++) {
      offerers[t] = new Thread(() -> {
        started.countDown();
        for (int i = 0; i < 20_000; i++) {
          if (channel.offerNow(event(i))) {
            accepted.incrementAndGet();
          }
        }
      });
      offerers[t].start();
    }
    started.await();
    int takenBack = channel.stop(in(5_000));
    for (Thread offerer : offerers) {
      offerer.join();
    }

    assertThat(delivered.get() + takenBack).isEqualTo(accepted.get());
  }
}
