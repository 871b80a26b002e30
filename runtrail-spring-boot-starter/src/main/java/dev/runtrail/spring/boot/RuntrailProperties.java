package dev.runtrail.spring.boot;

import dev.runtrail.telemetry.core.config.RuntrailConfig;
import dev.runtrail.telemetry.core.config.Setting;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Runtrail's settings as {@code runtrail.*} Spring properties ({@code application.yml}, environment
 * variables such as {@code RUNTRAIL_PRIVACY} through Boot's relaxed binding). Each is the twin of the
 * {@code RUNTRAIL_*} setting of the same name (see telemetry-core's {@link Setting}); unset ones keep
 * Runtrail's defaults. Values are checked when the telemetry is built: a bad one fails start-up naming the
 * property and the value.
 */
@ConfigurationProperties("runtrail")
public class RuntrailProperties {

  /** Whether to create Runtrail's beans; false leaves the app's telemetry exactly as it was. */
  private boolean enabled = true;

  /** Redaction mode: strict, balanced or minimal (secrets are redacted in every mode). */
  private String privacy;

  /** How redacted text is written: mask ([REDACTED]) or length (<redacted:32chars>). */
  private String redactionFormat;

  /** Built-in trail sinks to use: any of span, log, jsonl, or none (comma-separated). */
  private String trailSinks;

  /** Where run folders are written (default ~/.runtrail/runs). */
  private String runsDir;

  /** Share of successful runs whose spans are exported (failed runs always are), 0.0 to 1.0. */
  private String sampleSuccess;

  /** Upper bound for flushing and exporting when the application context closes, e.g. 5s. */
  private String shutdownTimeout;

  /** Whether to add the correlation filter to servlet and reactive apps (trace context and X-Correlation-ID). */
  private boolean correlationFilter = true;

  public boolean isEnabled() {
    return enabled;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  public String getPrivacy() {
    return privacy;
  }

  public void setPrivacy(String privacy) {
    this.privacy = privacy;
  }

  public String getRedactionFormat() {
    return redactionFormat;
  }

  public void setRedactionFormat(String redactionFormat) {
    this.redactionFormat = redactionFormat;
  }

  public String getTrailSinks() {
    return trailSinks;
  }

  public void setTrailSinks(String trailSinks) {
    this.trailSinks = trailSinks;
  }

  public String getRunsDir() {
    return runsDir;
  }

  public void setRunsDir(String runsDir) {
    this.runsDir = runsDir;
  }

  public String getSampleSuccess() {
    return sampleSuccess;
  }

  public void setSampleSuccess(String sampleSuccess) {
    this.sampleSuccess = sampleSuccess;
  }

  public String getShutdownTimeout() {
    return shutdownTimeout;
  }

  public void setShutdownTimeout(String shutdownTimeout) {
    this.shutdownTimeout = shutdownTimeout;
  }

  public boolean isCorrelationFilter() {
    return correlationFilter;
  }

  public void setCorrelationFilter(boolean correlationFilter) {
    this.correlationFilter = correlationFilter;
  }

  /** These properties as Runtrail's configuration, named by their {@code runtrail.*} twins in errors. */
  RuntrailConfig toConfig() {
    Map<Setting, String> values = new EnumMap<>(Setting.class);
    values.put(Setting.PRIVACY, privacy);
    values.put(Setting.REDACTION_FORMAT, redactionFormat);
    values.put(Setting.TRAIL_SINKS, trailSinks);
    values.put(Setting.RUNS_DIR, runsDir);
    values.put(Setting.SAMPLE_SUCCESS, sampleSuccess);
    values.put(Setting.SHUTDOWN_TIMEOUT, shutdownTimeout);
    Properties properties = new Properties();
    values.forEach((setting, value) -> {
      if (value != null) {
        properties.setProperty(setting.systemProperty(), value);
      }
    });
    return RuntrailConfig.from(Map.of(), properties);
  }
}
