package dev.runtrail.testkit;

import static dev.runtrail.testkit.RuntrailAssertions.assertThat;

import dev.runtrail.redaction.PrivacyMode;
import dev.runtrail.telemetry.RunContext;
import dev.runtrail.telemetry.core.config.Setting;
import dev.runtrail.telemetry.trail.TrailEvent;
import dev.runtrail.telemetry.trail.TrailSink;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RegisteredExtensionTest {

  static final Instant NOON = Instant.parse("2026-11-25T12:00:00Z");

  /** A custom sink added through configure(...): one per test instance. */
  final List<TrailEvent> customSink = new CopyOnWriteArrayList<>();

  @RegisterExtension
  final RuntrailExtension runtrail = RuntrailExtension.create()
      .privacy(PrivacyMode.MINIMAL)
      .setting(Setting.TRAIL_SINKS, "jsonl")
      .configure(builder -> builder.clock(Clock.fixed(NOON, ZoneOffset.UTC)).addTrailSink(new TrailSink() {
        @Override
        public Delivery delivery() {
          return Delivery.INLINE;
        }

        @Override
        public void accept(TrailEvent event) {
          customSink.add(event);
        }
      }));

  Captured fromBeforeEach;

  @BeforeEach
  void keep(Captured captured) {
    fromBeforeEach = captured;
  }

  @Test
  void optionsSettingsAndBuilderTweaksApply(Captured captured) {
    try (RunContext run = captured.telemetry().run("agent").start()) {
      run.trail().record("task_received", Map.of("from", "webhook"));
    }
    assertThat(captured.redactionPolicy().mode()).isEqualTo(PrivacyMode.MINIMAL);
    assertThat(captured.run("agent").startedAt()).isEqualTo(NOON);
    assertThat(customSink).extracting(TrailEvent::type).containsExactly("task_received");
    assertThat(captured.spans().get(0).getEvents()).as("no span sink with TRAIL_SINKS=jsonl").isEmpty();
  }

  @Test
  void lifecycleMethodsGetTheTestsCapture(Captured captured) {
    assertThat(fromBeforeEach).isSameAs(captured);
  }

  @Test
  void theOptionsObjectIsImmutable() {
    RuntrailExtension base = RuntrailExtension.create();
    RuntrailExtension strict = base.privacy(PrivacyMode.STRICT).failOnLeak();
    assertThat(strict).isNotSameAs(base);
  }
}
