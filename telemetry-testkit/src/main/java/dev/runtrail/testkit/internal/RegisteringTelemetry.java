package dev.runtrail.testkit.internal;

import dev.runtrail.telemetry.RunContext;
import dev.runtrail.telemetry.Telemetry;
import dev.runtrail.telemetry.propagation.Propagation;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.context.Context;
import java.util.function.Consumer;

/**
 * The test's telemetry as the code under test sees it: Runtrail's own, plus a note of every run the
 * moment it starts, so log lines of the run are routed to the right test before the run logs anything.
 * Runs themselves are Runtrail's ({@code RunContext.current()} returns the very object {@code start()}
 * returned).
 */
public final class RegisteringTelemetry implements Telemetry {

  private final Telemetry delegate;
  private final Consumer<RunContext> onStart;

  public RegisteringTelemetry(Telemetry delegate, Consumer<RunContext> onStart) {
    this.delegate = delegate;
    this.onStart = onStart;
  }

  @Override
  public RunContext.Builder run(String name) {
    return new Builder(delegate.run(name));
  }

  @Override
  public boolean isEnabled() {
    return delegate.isEnabled();
  }

  @Override
  public Propagation propagation() {
    return delegate.propagation();
  }

  @Override
  public void close() {
    delegate.close();
  }

  @Override
  public String toString() {
    return "TestTelemetry{" + delegate + "}";
  }

  private final class Builder implements RunContext.Builder {
    private final RunContext.Builder builder;

    Builder(RunContext.Builder builder) {
      this.builder = builder;
    }

    @Override
    public RunContext.Builder env(String env) {
      builder.env(env);
      return this;
    }

    @Override
    public RunContext.Builder target(String target) {
      builder.target(target);
      return this;
    }

    @Override
    public RunContext.Builder plan(String planJson) {
      builder.plan(planJson);
      return this;
    }

    @Override
    public RunContext.Builder plan(String planId, String planVersion) {
      builder.plan(planId, planVersion);
      return this;
    }

    @Override
    public RunContext.Builder git(String sha, String branch) {
      builder.git(sha, branch);
      return this;
    }

    @Override
    public RunContext.Builder runner(String runnerId) {
      builder.runner(runnerId);
      return this;
    }

    @Override
    public RunContext.Builder ticket(String ticket) {
      builder.ticket(ticket);
      return this;
    }

    @Override
    public RunContext.Builder policy(String flag, boolean enabled) {
      builder.policy(flag, enabled);
      return this;
    }

    @Override
    public RunContext.Builder resolvedValue(String reference, String value) {
      builder.resolvedValue(reference, value);
      return this;
    }

    @Override
    public RunContext.Builder correlationId(String correlationId) {
      builder.correlationId(correlationId);
      return this;
    }

    @Override
    public RunContext.Builder sessionId(String sessionId) {
      builder.sessionId(sessionId);
      return this;
    }

    @Override
    public <T> RunContext.Builder attribute(AttributeKey<T> key, T value) {
      builder.attribute(key, value);
      return this;
    }

    @Override
    public RunContext.Builder parent(Context parent) {
      builder.parent(parent);
      return this;
    }

    @Override
    public RunContext start() {
      RunContext run = builder.start();
      if (run.isRecording()) {
        onStart.accept(run);
      }
      return run;
    }
  }
}
