package dev.runtrail.telemetry.trail;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One use of a value decorator ({@code @env.NAME}, {@code @var.NAME}, {@code @file.NAME}) or an
 * execution decorator ({@code @shell(...)}, {@code @http(...)}), for the {@code decorator_used} trail
 * event (seed 000's decorator usage audit).
 *
 * <pre>{@code
 * run.trail().decoratorUsed(DecoratorUsage.of("@shell", "kubectl apply -f k8s/")
 *     .at("deploy.opl", 45).durationMs(1250).exitCode(0).user("deploy-bot"));
 * }</pre>
 */
public final class DecoratorUsage {

  private final String decorator;
  private final String parameter;
  private String script;
  private int line = -1;
  private double durationMs = -1;
  private Integer exitCode;
  private Integer statusCode;
  private String user;
  private String runner;

  private DecoratorUsage(String decorator, String parameter) {
    this.decorator = Objects.requireNonNull(decorator, "decorator");
    this.parameter = parameter;
  }

  /**
   * @param decorator e.g. {@code @env}, {@code @shell}, {@code @http}
   * @param parameter e.g. {@code AWS_SECRET_ACCESS_KEY} (the name, never the value)
   */
  public static DecoratorUsage of(String decorator, String parameter) {
    return new DecoratorUsage(decorator, parameter);
  }

  /** Where the decorator is used. */
  public DecoratorUsage at(String script, int line) {
    this.script = script;
    this.line = line;
    return this;
  }

  public DecoratorUsage durationMs(double durationMs) {
    this.durationMs = durationMs;
    return this;
  }

  /** For execution decorators that run a process. */
  public DecoratorUsage exitCode(int exitCode) {
    this.exitCode = exitCode;
    return this;
  }

  /** For execution decorators that make an HTTP call. */
  public DecoratorUsage statusCode(int statusCode) {
    this.statusCode = statusCode;
    return this;
  }

  public DecoratorUsage user(String user) {
    this.user = user;
    return this;
  }

  public DecoratorUsage runner(String runner) {
    this.runner = runner;
    return this;
  }

  /** The event data, with the seed's field names; unset fields are left out. */
  public Map<String, Object> toData() {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("decorator", decorator);
    if (parameter != null) {
      data.put("parameter", parameter);
    }
    if (script != null) {
      data.put("script", script);
    }
    if (line >= 0) {
      data.put("line", line);
    }
    if (durationMs >= 0) {
      data.put("duration_ms", durationMs);
    }
    if (exitCode != null) {
      data.put("exit_code", exitCode);
    }
    if (statusCode != null) {
      data.put("status_code", statusCode);
    }
    if (user != null) {
      data.put("user", user);
    }
    if (runner != null) {
      data.put("runner", runner);
    }
    return data;
  }
}
