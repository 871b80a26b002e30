package dev.runtrail.telemetry.core.config;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Runtrail's own settings, read from {@code RUNTRAIL_*} environment variables and their
 * {@code runtrail.*} system property twins (see {@link Setting}). Standard {@code OTEL_*} variables are
 * not read here: OpenTelemetry's autoconfigure module handles them.
 *
 * <p>Values are checked when read: a bad value fails with an {@link InvalidConfigurationException}
 * naming the variable and the value.
 */
public final class RuntrailConfig {

  private final Map<Setting, String> values;
  private final Map<Setting, String> sources;
  private final List<String> unknownKeys;

  private RuntrailConfig(Map<Setting, String> values, Map<Setting, String> sources, List<String> unknownKeys) {
    this.values = values;
    this.sources = sources;
    this.unknownKeys = unknownKeys;
  }

  /** Reads the process environment and system properties. */
  public static RuntrailConfig fromEnvironment() {
    return from(System.getenv(), System.getProperties());
  }

  /** Reads the given environment-style map and properties (properties win). */
  public static RuntrailConfig from(Map<String, String> environment, Properties properties) {
    Map<Setting, String> values = new EnumMap<>(Setting.class);
    Map<Setting, String> sources = new EnumMap<>(Setting.class);
    Map<String, Setting> byEnv = new HashMap<>();
    Map<String, Setting> byProperty = new HashMap<>();
    for (Setting setting : Setting.values()) {
      byEnv.put(setting.environmentVariable(), setting);
      byProperty.put(setting.systemProperty(), setting);
    }
    List<String> unknown = new ArrayList<>();
    for (Map.Entry<String, String> entry : environment.entrySet()) {
      String key = entry.getKey();
      Setting setting = byEnv.get(key);
      if (setting != null) {
        values.put(setting, entry.getValue());
        sources.put(setting, key);
      } else if (key.startsWith("RUNTRAIL_")) {
        unknown.add(key);
      }
    }
    if (properties != null) {
      for (String key : properties.stringPropertyNames()) {
        Setting setting = byProperty.get(key);
        if (setting != null) {
          values.put(setting, properties.getProperty(key));
          sources.put(setting, key);
        } else if (key.startsWith("runtrail.")) {
          unknown.add(key);
        }
      }
    }
    return new RuntrailConfig(values, sources, List.copyOf(unknown));
  }

  /** Only the given settings, as if from the environment; for tests and embedding. */
  public static RuntrailConfig of(Map<Setting, String> settings) {
    Map<Setting, String> values = new EnumMap<>(Setting.class);
    Map<Setting, String> sources = new EnumMap<>(Setting.class);
    settings.forEach(
        (setting, value) -> {
          values.put(setting, value);
          sources.put(setting, setting.environmentVariable());
        });
    return new RuntrailConfig(values, sources, List.of());
  }

  /** {@code RUNTRAIL_*} variables and {@code runtrail.*} properties that are not settings (typos). */
  public List<String> unknownKeys() {
    return unknownKeys;
  }

  /** The raw text of a setting, its default when unset. */
  public String raw(Setting setting) {
    String value = values.get(setting);
    return value == null ? setting.defaultValue() : value.trim();
  }

  /** Whether the setting was given explicitly. */
  public boolean isSet(Setting setting) {
    return values.containsKey(setting) && !values.get(setting).trim().isEmpty();
  }

  public boolean getBoolean(Setting setting) {
    String value = raw(setting);
    if (value.equalsIgnoreCase("true")) {
      return true;
    }
    if (value.equalsIgnoreCase("false") || value.isEmpty()) {
      return false;
    }
    throw invalid(setting, value, "expected true or false");
  }

  public int getInt(Setting setting, int min, int max) {
    String value = raw(setting);
    try {
      int parsed = Integer.parseInt(value);
      if (parsed < min || parsed > max) {
        throw invalid(setting, value, "expected an integer from " + min + " to " + max);
      }
      return parsed;
    } catch (NumberFormatException e) {
      throw invalid(setting, value, "expected an integer from " + min + " to " + max);
    }
  }

  /** An optional port: -1 when unset. */
  public int getPort(Setting setting) {
    if (raw(setting).isEmpty()) {
      return -1;
    }
    return getInt(setting, 0, 65535);
  }

  public double getRatio(Setting setting) {
    String value = raw(setting);
    try {
      double parsed = Double.parseDouble(value);
      if (!(parsed >= 0.0 && parsed <= 1.0)) {
        throw invalid(setting, value, "expected a number from 0.0 to 1.0");
      }
      return parsed;
    } catch (NumberFormatException e) {
      throw invalid(setting, value, "expected a number from 0.0 to 1.0");
    }
  }

  /** Durations like {@code 250ms}, {@code 5s}, {@code 2m}, {@code 1h}, a bare number of milliseconds, or ISO-8601 ({@code PT5S}). */
  public Duration getDuration(Setting setting) {
    String value = raw(setting);
    Duration parsed = parseDuration(value);
    if (parsed == null || parsed.isNegative()) {
      throw invalid(setting, value, "expected a duration such as 250ms, 5s, 2m or PT5S");
    }
    return parsed;
  }

  /** A path; a leading {@code ~} is the user's home directory. */
  public Path getPath(Setting setting) {
    String value = raw(setting);
    if (value.isEmpty()) {
      throw invalid(setting, value, "expected a directory path");
    }
    if (value.equals("~") || value.startsWith("~/")) {
      value = System.getProperty("user.home") + value.substring(1);
    }
    try {
      return Paths.get(value);
    } catch (RuntimeException e) {
      throw invalid(setting, value, "expected a directory path");
    }
  }

  /** One of the allowed lower-case words. */
  public String getChoice(Setting setting, List<String> allowed) {
    String value = raw(setting).toLowerCase(Locale.ROOT);
    if (!allowed.contains(value)) {
      throw invalid(setting, raw(setting), "expected one of " + String.join(", ", allowed));
    }
    return value;
  }

  /** A comma-separated list of allowed lower-case words ({@code none} = empty). */
  public List<String> getChoices(Setting setting, List<String> allowed) {
    List<String> result = new ArrayList<>();
    for (String part : raw(setting).split(",")) {
      String word = part.trim().toLowerCase(Locale.ROOT);
      if (word.isEmpty() || word.equals("none")) {
        continue;
      }
      if (!allowed.contains(word)) {
        throw invalid(setting, raw(setting), "'" + word + "' is not one of " + String.join(", ", allowed) + ", none");
      }
      if (!result.contains(word)) {
        result.add(word);
      }
    }
    return result;
  }

  /** An exception naming where the setting came from (variable or property) and its value. */
  public InvalidConfigurationException invalid(Setting setting, String value, String expectation) {
    String source = sources.getOrDefault(setting, setting.environmentVariable());
    return new InvalidConfigurationException(
        "Invalid Runtrail configuration: " + source + "='" + value + "': " + expectation);
  }

  static Duration parseDuration(String text) {
    String value = text.trim().toLowerCase(Locale.ROOT);
    if (value.isEmpty()) {
      return null;
    }
    try {
      if (value.startsWith("pt") || value.startsWith("p")) {
        return Duration.parse(text.trim());
      }
      int unitStart = 0;
      while (unitStart < value.length() && Character.isDigit(value.charAt(unitStart))) {
        unitStart++;
      }
      if (unitStart == 0) {
        return null;
      }
      long amount = Long.parseLong(value.substring(0, unitStart));
      switch (value.substring(unitStart)) {
        case "":
        case "ms":
          return Duration.ofMillis(amount);
        case "s":
          return Duration.ofSeconds(amount);
        case "m":
          return Duration.ofMinutes(amount);
        case "h":
          return Duration.ofHours(amount);
        case "d":
          return Duration.ofDays(amount);
        default:
          return null;
      }
    } catch (RuntimeException e) {
      return null;
    }
  }
}
