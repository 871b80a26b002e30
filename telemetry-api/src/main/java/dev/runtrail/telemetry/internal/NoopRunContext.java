package dev.runtrail.telemetry.internal;

import dev.runtrail.telemetry.RunContext;
import dev.runtrail.telemetry.RunStatus;
import dev.runtrail.telemetry.Step;
import dev.runtrail.telemetry.trail.ActionTrail;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.context.Scope;

/** The run of a disabled telemetry. Not public API. */
public final class NoopRunContext implements RunContext {

  public static final NoopRunContext INSTANCE = new NoopRunContext();

  private NoopRunContext() {}

  @Override
  public String runId() {
    return "";
  }

  @Override
  public String name() {
    return "";
  }

  @Override
  public String planHash() {
    return "";
  }

  @Override
  public String correlationId() {
    return "";
  }

  @Override
  public SpanContext spanContext() {
    return SpanContext.getInvalid();
  }

  @Override
  public boolean isRecording() {
    return false;
  }

  @Override
  public Step step(String path) {
    return NoopStep.INSTANCE;
  }

  @Override
  public Step startStep(String path) {
    return NoopStep.INSTANCE;
  }

  @Override
  public ActionTrail trail() {
    return NoopActionTrail.INSTANCE;
  }

  @Override
  public <T> RunContext attribute(AttributeKey<T> key, T value) {
    return this;
  }

  @Override
  public RunContext fail(String errorCode, Throwable cause) {
    return this;
  }

  @Override
  public RunContext fail(String errorCode, String message) {
    return this;
  }

  @Override
  public RunContext cancel(String reason) {
    return this;
  }

  @Override
  public RunStatus status() {
    return RunStatus.OK;
  }

  @Override
  public Scope makeCurrent() {
    return Scope.noop();
  }

  @Override
  public void close() {}

  @Override
  public String toString() {
    return "RunContext.noop";
  }
}
