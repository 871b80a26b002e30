package dev.runtrail.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.platform.testkit.engine.EngineTestKit;

class PropertySeedsTest {

  /** Properties run through jqwik's engine by the tests below; each records what it was given. */
  static final class Samples {
    static final List<Long> drawn = new ArrayList<>();

    @Property(tries = 40)
    void unseeded(@ForAll long value) {
      drawn.add(value);
    }

    @Property(tries = 40, seed = "42")
    void seeded(@ForAll long value) {
      drawn.add(value);
    }
  }

  private static List<Long> run(String method, boolean explore) {
    Samples.drawn.clear();
    String before = System.getProperty(PropertySeeds.EXPLORE_PROPERTY);
    System.setProperty(PropertySeeds.EXPLORE_PROPERTY, Boolean.toString(explore));
    try {
      EngineTestKit.engine("jqwik")
          .selectors(selectMethod(Samples.class, method, "long"))
          .configurationParameter("jqwik.database", "target/.jqwik-database-seeds-test")
          .execute()
          .testEvents()
          .assertStatistics(stats -> stats.succeeded(1));
    } finally {
      if (before == null) {
        System.clearProperty(PropertySeeds.EXPLORE_PROPERTY);
      } else {
        System.setProperty(PropertySeeds.EXPLORE_PROPERTY, before);
      }
    }
    return new ArrayList<>(Samples.drawn);
  }

  @Example
  void theTestCommandDrawsTheSameValuesEveryTime() {
    List<Long> first = run("unseeded", false);
    List<Long> second = run("unseeded", false);

    assertThat(first).hasSize(40);
    assertThat(second).isEqualTo(first);
  }

  @Example
  void exploringDrawsFreshValuesWithTenTimesTheTries() {
    List<Long> fixed = run("unseeded", false);
    List<Long> first = run("unseeded", true);
    List<Long> second = run("unseeded", true);

    assertThat(first).hasSize(40 * PropertySeeds.EXPLORE_FACTOR);
    assertThat(second).hasSize(40 * PropertySeeds.EXPLORE_FACTOR);
    assertThat(second).isNotEqualTo(first);
    assertThat(first.subList(0, 40)).isNotEqualTo(fixed);
  }

  @Example
  void aSeedWrittenInTheAnnotationIsKeptWhenExploring() {
    List<Long> first = run("seeded", true);
    List<Long> second = run("seeded", true);

    assertThat(first).hasSize(40);
    assertThat(second).isEqualTo(first);
    assertThat(run("seeded", false)).isEqualTo(first);
  }

  @Example
  void fixedSeedsDifferBetweenPropertiesAndFollowTheBaseSeed() throws Exception {
    long unseeded = PropertySeeds.fixedSeed(Samples.class.getDeclaredMethod("unseeded", long.class));
    long seeded = PropertySeeds.fixedSeed(Samples.class.getDeclaredMethod("seeded", long.class));
    System.setProperty(PropertySeeds.SEED_PROPERTY, "7");
    long moved;
    try {
      moved = PropertySeeds.fixedSeed(Samples.class.getDeclaredMethod("unseeded", long.class));
    } finally {
      System.clearProperty(PropertySeeds.SEED_PROPERTY);
    }

    assertThat(unseeded).isNotEqualTo(seeded);
    assertThat(moved).isNotEqualTo(unseeded);
  }
}
