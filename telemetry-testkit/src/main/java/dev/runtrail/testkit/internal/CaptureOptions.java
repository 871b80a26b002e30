package dev.runtrail.testkit.internal;

import dev.runtrail.redaction.PrivacyMode;
import dev.runtrail.redaction.RedactionFormat;
import dev.runtrail.redaction.RedactionPolicy;
import dev.runtrail.telemetry.core.RuntrailBuilder;
import dev.runtrail.telemetry.core.config.Setting;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * How a test's telemetry is set up: leak policy, redaction, settings and builder tweaks. Immutable, so
 * one extension instance (a static {@code @RegisterExtension} field) can serve concurrent tests.
 */
public final class CaptureOptions {

  private static final CaptureOptions DEFAULTS = new CaptureOptions(false, null, null, Map.of(), List.of(), true);

  private final boolean failOnLeak;
  private final PrivacyMode privacy;
  private final RedactionPolicy policy;
  private final Map<Setting, String> settings;
  private final List<Consumer<RuntrailBuilder>> customizers;
  private final boolean logbackCapture;

  private CaptureOptions(boolean failOnLeak, PrivacyMode privacy, RedactionPolicy policy,
      Map<Setting, String> settings, List<Consumer<RuntrailBuilder>> customizers, boolean logbackCapture) {
    this.failOnLeak = failOnLeak;
    this.privacy = privacy;
    this.policy = policy;
    this.settings = settings;
    this.customizers = customizers;
    this.logbackCapture = logbackCapture;
  }

  public static CaptureOptions defaults() {
    return DEFAULTS;
  }

  public CaptureOptions failOnLeak(boolean fail) {
    return new CaptureOptions(fail, privacy, policy, settings, customizers, logbackCapture);
  }

  public CaptureOptions privacy(PrivacyMode mode) {
    if (mode == null) {
      throw new IllegalArgumentException("privacy mode must not be null");
    }
    return new CaptureOptions(failOnLeak, mode, policy, settings, customizers, logbackCapture);
  }

  public CaptureOptions redaction(RedactionPolicy redaction) {
    if (redaction == null) {
      throw new IllegalArgumentException("redaction policy must not be null");
    }
    return new CaptureOptions(failOnLeak, privacy, redaction, settings, customizers, logbackCapture);
  }

  public CaptureOptions setting(Setting setting, String value) {
    if (setting == null || value == null) {
      throw new IllegalArgumentException("setting and value must not be null, got " + setting + "=" + value);
    }
    Map<Setting, String> copy = new EnumMap<>(Setting.class);
    copy.putAll(settings);
    copy.put(setting, value);
    return new CaptureOptions(failOnLeak, privacy, policy, Collections.unmodifiableMap(copy), customizers,
        logbackCapture);
  }

  public CaptureOptions customize(Consumer<RuntrailBuilder> customizer) {
    if (customizer == null) {
      throw new IllegalArgumentException("customizer must not be null");
    }
    List<Consumer<RuntrailBuilder>> copy = new ArrayList<>(customizers);
    copy.add(customizer);
    return new CaptureOptions(failOnLeak, privacy, policy, settings, List.copyOf(copy), logbackCapture);
  }

  /** For the testkit's own tests: pretend logback is not the SLF4J backend. */
  public CaptureOptions logbackCapture(boolean enabled) {
    return new CaptureOptions(failOnLeak, privacy, policy, settings, customizers, enabled);
  }

  /**
   * Parses {@code NAME=value}, where NAME is a {@link Setting} constant ({@code TRAIL_SINKS}), its
   * environment variable ({@code RUNTRAIL_TRAIL_SINKS}) or its system property ({@code runtrail.trail.sinks}).
   *
   * @throws IllegalArgumentException naming the entry and the known settings
   */
  public CaptureOptions setting(String entry) {
    int eq = entry == null ? -1 : entry.indexOf('=');
    if (eq <= 0) {
      throw new IllegalArgumentException("Runtrail test setting '" + entry + "' is not NAME=value,"
          + " e.g. TRAIL_SINKS=span,log");
    }
    String name = entry.substring(0, eq).trim();
    String value = entry.substring(eq + 1).trim();
    for (Setting setting : Setting.values()) {
      if (setting.name().equalsIgnoreCase(name) || setting.environmentVariable().equals(name)
          || setting.systemProperty().equals(name)) {
        return setting(setting, value);
      }
    }
    List<String> known = new ArrayList<>();
    for (Setting setting : Setting.values()) {
      known.add(setting.name());
    }
    throw new IllegalArgumentException("Unknown Runtrail setting '" + name + "' in '" + entry + "' (known: "
        + String.join(", ", known) + ")");
  }

  public boolean failOnLeak() {
    return failOnLeak;
  }

  public Map<Setting, String> settings() {
    return settings;
  }

  public List<Consumer<RuntrailBuilder>> customizers() {
    return customizers;
  }

  public boolean logbackCapture() {
    return logbackCapture;
  }

  /**
   * The policy the test's telemetry redacts with, in this order: an explicit policy, the privacy mode,
   * the {@code PRIVACY} and {@code REDACTION_FORMAT} settings, the defaults. The environment is never
   * read, so tests are hermetic.
   */
  public RedactionPolicy effectivePolicy() {
    if (policy != null) {
      return policy;
    }
    RedactionPolicy.Builder builder = RedactionPolicy.builder();
    if (privacy != null) {
      builder.mode(privacy);
    } else if (settings.containsKey(Setting.PRIVACY)) {
      builder.mode(PrivacyMode.parse(settings.get(Setting.PRIVACY)));
    }
    String format = settings.get(Setting.REDACTION_FORMAT);
    if (format != null && format.trim().toLowerCase(Locale.ROOT).equals("length")) {
      builder.format(RedactionFormat.LENGTH_HINT);
    }
    return builder.build();
  }
}
