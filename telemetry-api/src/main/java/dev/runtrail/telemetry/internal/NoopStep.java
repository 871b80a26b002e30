package dev.runtrail.telemetry.internal;

import dev.runtrail.telemetry.RetryCause;
import dev.runtrail.telemetry.RunStatus;
import dev.runtrail.telemetry.Step;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.context.Scope;

/** The step of a disabled telemetry. Not public API. */
public final class NoopStep implements Step {

  public static final NoopStep INSTANCE = new NoopStep();

  private NoopStep() {}

  @Override
  public String path() {
    return "";
  }

  @Override
  public SpanContext spanContext() {
    return SpanContext.getInvalid();
  }

  @Override
  public Step retry(int attempt, int exitCode, RetryCause cause) {
    return this;
  }

  @Override
  public Step retry(int attempt, int exitCode) {
    return this;
  }

  @Override
  public Step exitCode(int exitCode) {
    return this;
  }

  @Override
  public Step stderrTail(String stderr) {
    return this;
  }

  @Override
  public <T> Step attribute(AttributeKey<T> key, T value) {
    return this;
  }

  @Override
  public Step fail(String errorCode, Throwable cause) {
    return this;
  }

  @Override
  public Step fail(String errorCode, String message) {
    return this;
  }

  @Override
  public Step cancel(String reason) {
    return this;
  }

  @Override
  public RunStatus status() {
    return RunStatus.OK;
  }

  @Override
  public Step step(String name) {
    return this;
  }

  @Override
  public Scope makeCurrent() {
    return Scope.noop();
  }

  @Override
  public void close() {}

  @Override
  public String toString() {
    return "Step.noop";
  }
}
