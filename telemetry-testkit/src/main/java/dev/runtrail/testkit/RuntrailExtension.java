package dev.runtrail.testkit;

import dev.runtrail.redaction.PrivacyMode;
import dev.runtrail.redaction.RedactionPolicy;
import dev.runtrail.telemetry.Telemetry;
import dev.runtrail.telemetry.core.RuntrailBuilder;
import dev.runtrail.telemetry.core.config.Setting;
import dev.runtrail.testkit.internal.CaptureOptions;
import dev.runtrail.testkit.internal.LogRouter;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Constructor;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * A JUnit 5 extension that gives each test an isolated, enabled Runtrail wired to in-memory capture of
 * spans, trail events, logs and metrics, with synchronous export. Each test gets a fresh
 * {@link Captured}, injectable (as can be its {@link Telemetry} and {@link Canaries}) into test and
 * {@code @BeforeEach}/{@code @AfterEach} methods. After each test the telemetry is closed (flushing
 * everything), the leak check runs if asked for, and the test's runs directory is deleted.
 *
 * <pre>{@code
 * class DeployTest {
 *   @RegisterExtension
 *   static final RuntrailExtension runtrail = RuntrailExtension.create().failOnLeak();
 *
 *   @Test
 *   void deployIsRecorded(Captured captured) {
 *     new Deployer(captured.telemetry()).deploy("api");
 *     assertThat(captured).hasRun("deploy").withStatus(RunStatus.OK);
 *   }
 * }
 * }</pre>
 *
 * <p>Works with parallel execution: an instance holds only options; each test's state lives in its own
 * extension context, and log lines are routed to the test whose run or thread logged them.
 */
public final class RuntrailExtension implements BeforeEachCallback, AfterEachCallback, ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(RuntrailExtension.class);
  private static final String KEY = "captured";

  private final CaptureOptions options;

  /**
   * For {@link RuntrailTest} and {@code @ExtendWith}: takes its options from the nearest
   * {@code @RuntrailTest} (method, then class, then enclosing classes). In code, use {@link #create()}.
   */
  public RuntrailExtension() {
    this(null);
  }

  private RuntrailExtension(CaptureOptions options) {
    this.options = options;
  }

  /** An extension with default options: balanced privacy, all built-in trail sinks, no leak check. */
  public static RuntrailExtension create() {
    return new RuntrailExtension(CaptureOptions.defaults());
  }

  /** Also fails each test, after it ran, when any canary it handed out appears in captured telemetry. */
  public RuntrailExtension failOnLeak() {
    return new RuntrailExtension(current().failOnLeak(true));
  }

  /** Redacts with this privacy mode. */
  public RuntrailExtension privacy(PrivacyMode mode) {
    return new RuntrailExtension(current().privacy(mode));
  }

  /** Redacts with this policy (overrides {@link #privacy}). */
  public RuntrailExtension redaction(RedactionPolicy policy) {
    return new RuntrailExtension(current().redaction(policy));
  }

  /** Sets a Runtrail setting, e.g. {@code setting(Setting.TRAIL_SINKS, "span,jsonl")}. */
  public RuntrailExtension setting(Setting setting, String value) {
    return new RuntrailExtension(current().setting(setting, value));
  }

  /**
   * Adjusts the builder before the test's telemetry is built, e.g. to add a custom trail sink or a fixed
   * clock. Do not replace the span exporter, meter registry, runs directory or redaction: the capture
   * depends on them.
   */
  public RuntrailExtension configure(Consumer<RuntrailBuilder> customizer) {
    return new RuntrailExtension(current().customize(customizer));
  }

  /** For the testkit's own tests: capture as if logback were not the SLF4J backend. */
  RuntrailExtension withoutLogback() {
    return new RuntrailExtension(current().logbackCapture(false));
  }

  private CaptureOptions current() {
    return options != null ? options : CaptureOptions.defaults();
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    ExtensionContext.Store store = context.getStore(NAMESPACE);
    if (store.get(KEY) != null) {
      throw new ExtensionConfigurationException("RuntrailExtension is registered twice for "
          + context.getDisplayName() + "; use either @RuntrailTest or one @RegisterExtension field");
    }
    store.put(KEY, new Lease(Captured.open(optionsFor(context))));
  }

  @Override
  public void afterEach(ExtensionContext context) {
    Lease lease = context.getStore(NAMESPACE).remove(KEY, Lease.class);
    if (lease == null) {
      return;
    }
    Captured captured = lease.captured;
    try {
      captured.finish();
      if (optionsFor(context).failOnLeak()) {
        LeakReport report = captured.scanForLeaks();
        if (!report.isClean()) {
          throw new AssertionError(report.describe());
        }
      }
    } finally {
      lease.close();
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == Captured.class || type == Telemetry.class || type == Canaries.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Lease lease = parameter.getDeclaringExecutable() instanceof Constructor<?> ? null
        : context.getStore(NAMESPACE).get(KEY, Lease.class);
    if (lease == null) {
      throw new ParameterResolutionException("A " + parameter.getParameter().getType().getSimpleName()
          + " is made per test: inject it into @Test, @BeforeEach or @AfterEach methods, not into "
          + parameter.getDeclaringExecutable());
    }
    LogRouter.own(lease.captured.logBuffer());
    Class<?> type = parameter.getParameter().getType();
    if (type == Telemetry.class) {
      return lease.captured.telemetry();
    }
    if (type == Canaries.class) {
      return lease.captured.canary();
    }
    return lease.captured;
  }

  private CaptureOptions optionsFor(ExtensionContext context) {
    if (options != null) {
      return options;
    }
    Optional<RuntrailTest> annotation = findAnnotation(context);
    CaptureOptions found = CaptureOptions.defaults();
    if (annotation.isPresent()) {
      RuntrailTest test = annotation.get();
      try {
        for (String entry : test.settings()) {
          found = found.setting(entry);
        }
      } catch (IllegalArgumentException e) {
        throw new ExtensionConfigurationException("@RuntrailTest on " + context.getDisplayName() + ": "
            + e.getMessage(), e);
      }
      found = found.privacy(test.privacy()).failOnLeak(test.failOnLeak());
    }
    return found;
  }

  private static Optional<RuntrailTest> findAnnotation(ExtensionContext context) {
    List<AnnotatedElement> candidates = new ArrayList<>();
    context.getTestMethod().ifPresent(candidates::add);
    context.getTestClass().ifPresent(candidates::add);
    List<Class<?>> enclosing = new ArrayList<>(context.getEnclosingTestClasses());
    java.util.Collections.reverse(enclosing);
    candidates.addAll(enclosing);
    for (AnnotatedElement element : candidates) {
      Optional<RuntrailTest> found = AnnotationSupport.findAnnotation(element, RuntrailTest.class);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  /** The test's capture in the extension store; closed by JUnit if {@code afterEach} never ran. */
  private static final class Lease implements AutoCloseable {
    final Captured captured;

    Lease(Captured captured) {
      this.captured = captured;
    }

    @Override
    public void close() {
      captured.dispose();
    }
  }
}
