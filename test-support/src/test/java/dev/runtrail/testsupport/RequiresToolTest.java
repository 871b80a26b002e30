package dev.runtrail.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.skippedWithReason;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

class RequiresToolTest {

  static final AtomicInteger ran = new AtomicInteger();

  @RequiresTool(value = "runtrail-no-such-tool", debianPackage = "runtrail-no-such-package")
  static final class NeedsAMissingTool {
    @Test
    void work() {
      ran.incrementAndGet();
    }
  }

  @RequiresTool(value = {"runtrail-no-such-tool", "sh"}, debianPackage = "dash")
  static final class NeedsAToolThatIsThere {
    @Test
    void work() {
      ran.incrementAndGet();
    }
  }

  private static Events run(Class<?> testClass) {
    ran.set(0);
    return EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(testClass))
        .configurationParameter(RequiredToolCondition.ANNOUNCE_PARAMETER, "false")
        .execute()
        .allEvents();
  }

  @Test
  void aMissingToolSkipsTheClassNamingThePackageToInstall() {
    Events events = run(NeedsAMissingTool.class);

    events.assertThatEvents().haveExactly(1, event(container(NeedsAMissingTool.class),
        skippedWithReason(reason -> reason.contains("runtrail-no-such-tool not found")
            && reason.contains("apt-get install -y --no-install-recommends runtrail-no-such-package"))));
    assertThat(ran).hasValue(0);
  }

  @Test
  void aMissingToolFailsTheClassWhenToolsAreRequired() {
    System.setProperty(Tools.REQUIRED_PROPERTY, "true");
    Events events;
    try {
      events = run(NeedsAMissingTool.class);
    } finally {
      System.clearProperty(Tools.REQUIRED_PROPERTY);
    }

    events.assertThatEvents().haveExactly(1, event(container(NeedsAMissingTool.class),
        finishedWithFailure(message(m -> m.contains("the Debian package `runtrail-no-such-package`")))));
    assertThat(ran).hasValue(0);
  }

  @Test
  void anyOfTheNamedToolsWillDo() {
    run(NeedsAToolThatIsThere.class).assertStatistics(stats -> stats.skipped(0).failed(0));

    assertThat(ran).hasValue(1);
  }
}
