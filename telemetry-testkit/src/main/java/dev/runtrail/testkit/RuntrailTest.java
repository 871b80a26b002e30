package dev.runtrail.testkit;

import dev.runtrail.redaction.PrivacyMode;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives each test of the class (or the annotated method) its own {@link Captured}: an isolated,
 * enabled Runtrail wired to in-memory capture, injected as a {@code Captured}, {@code Telemetry} or
 * {@code Canaries} parameter. The annotation form of {@link RuntrailExtension}; on a method it
 * overrides the class's options.
 *
 * <pre>{@code
 * @RuntrailTest(failOnLeak = true, settings = "TRAIL_SINKS=span,jsonl")
 * class AgentTest {
 *   @Test
 *   void toolCallsAreTrailed(Captured captured, Telemetry telemetry) { ... }
 * }
 * }</pre>
 */
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(RuntrailExtension.class)
public @interface RuntrailTest {

  /** Fails the test after it ran when any canary it handed out appears in captured telemetry. */
  boolean failOnLeak() default false;

  /** The privacy mode the test's telemetry redacts with (a {@code PRIVACY} setting is overridden). */
  PrivacyMode privacy() default PrivacyMode.BALANCED;

  /**
   * Runtrail settings as {@code NAME=value}, NAME being a {@code Setting} constant
   * ({@code TRAIL_SINKS}), its environment variable ({@code RUNTRAIL_TRAIL_SINKS}) or its system
   * property ({@code runtrail.trail.sinks}). The environment itself is never read.
   */
  String[] settings() default {};
}
