package dev.runtrail.telemetry.internal;

import dev.runtrail.telemetry.RunContext;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.context.Context;

/** Ignores everything it is told. Not public API. */
final class NoopRunBuilder implements RunContext.Builder {

  static final NoopRunBuilder INSTANCE = new NoopRunBuilder();

  private NoopRunBuilder() {}

  @Override
  public RunContext.Builder env(String env) {
    return this;
  }

  @Override
  public RunContext.Builder target(String target) {
    return this;
  }

  @Override
  public RunContext.Builder plan(String planJson) {
    return this;
  }

  @Override
  public RunContext.Builder plan(String planId, String planVersion) {
    return this;
  }

  @Override
  public RunContext.Builder git(String sha, String branch) {
    return this;
  }

  @Override
  public RunContext.Builder runner(String runnerId) {
    return this;
  }

  @Override
  public RunContext.Builder ticket(String ticket) {
    return this;
  }

  @Override
  public RunContext.Builder policy(String flag, boolean enabled) {
    return this;
  }

  @Override
  public RunContext.Builder resolvedValue(String reference, String value) {
    return this;
  }

  @Override
  public RunContext.Builder correlationId(String correlationId) {
    return this;
  }

  @Override
  public RunContext.Builder sessionId(String sessionId) {
    return this;
  }

  @Override
  public <T> RunContext.Builder attribute(AttributeKey<T> key, T value) {
    return this;
  }

  @Override
  public RunContext.Builder parent(Context parent) {
    return this;
  }

  @Override
  public RunContext start() {
    return NoopRunContext.INSTANCE;
  }
}
