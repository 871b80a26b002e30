package dev.runtrail.testsupport;

import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import net.jqwik.api.AfterFailureMode;
import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropagationMode;
import net.jqwik.api.lifecycle.PropertyAttributes;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/**
 * How every jqwik property of the project picks its seed, registered for all of them through
 * {@code META-INF/services/net.jqwik.api.lifecycle.LifecycleHook}.
 *
 * <ul>
 *   <li>By default (the test command): a property without a seed of its own gets a fixed one, derived
 *       from its class and method name and {@value #SEED_PROPERTY} (default {@value #DEFAULT_BASE_SEED}),
 *       so the same commit is green or red every time, whatever ran before it.
 *   <li>With {@code -D}{@value #EXPLORE_PROPERTY}{@code =true}: random seeds, a fresh one after a failure
 *       too (not jqwik's default of repeating the previous failing seed), and {@value #EXPLORE_FACTOR} times
 *       the tries. A failure found this way is a bug to fix; jqwik prints the seed that reproduces it
 *       ({@code -D}{@value #SEED_PROPERTY} does not: it only moves the fixed seeds).
 * </ul>
 *
 * A seed written in a {@code @Property} annotation is left alone in both modes.
 */
public final class PropertySeeds implements AroundPropertyHook {

  /** Set to {@code true} to explore: random seeds and more tries. */
  public static final String EXPLORE_PROPERTY = "runtrail.jqwik.explore";
  /** Moves every fixed seed at once (the test command's default is {@value #DEFAULT_BASE_SEED}). */
  public static final String SEED_PROPERTY = "runtrail.jqwik.seed";
  /** The base of the fixed seeds when {@value #SEED_PROPERTY} is not set. */
  public static final long DEFAULT_BASE_SEED = 20261206L;
  /** How many times jqwik's tries an exploring run makes. */
  public static final int EXPLORE_FACTOR = 10;

  /** jqwik's default number of tries (its {@code tries.default}), when a property does not set its own. */
  private static final int JQWIK_DEFAULT_TRIES = 1000;

  @Override
  public PropagationMode propagateTo() {
    return PropagationMode.ALL_DESCENDANTS;
  }

  @Override
  public int aroundPropertyProximity() {
    return -100; // outside every other hook, so the attributes are set before anything looks at them
  }

  @Override
  public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
    PropertyAttributes attributes = context.attributes();
    if (attributes.seed().isEmpty()) {
      if (exploring()) {
        int tries = attributes.tries().orElse(JQWIK_DEFAULT_TRIES);
        attributes.setTries(Math.multiplyExact(tries, EXPLORE_FACTOR));
        attributes.setAfterFailure(AfterFailureMode.RANDOM_SEED);
      } else {
        attributes.setSeed(Long.toString(fixedSeed(context.targetMethod())));
      }
    }
    return property.execute();
  }

  static boolean exploring() {
    return Boolean.parseBoolean(System.getProperty(EXPLORE_PROPERTY, "false").trim());
  }

  /** The fixed seed of one property: the same for the same class, method and base seed. */
  static long fixedSeed(Method method) {
    CRC32 crc = new CRC32();
    crc.update((method.getDeclaringClass().getName() + "#" + method.getName()).getBytes(StandardCharsets.UTF_8));
    return baseSeed() * 31 + crc.getValue();
  }

  private static long baseSeed() {
    String raw = System.getProperty(SEED_PROPERTY);
    if (raw == null || raw.isBlank()) {
      return DEFAULT_BASE_SEED;
    }
    try {
      return Long.parseLong(raw.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("-D" + SEED_PROPERTY + " must be a whole number, got '" + raw + "'", e);
    }
  }
}
