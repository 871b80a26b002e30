package dev.runtrail.telemetry.internal;

import dev.runtrail.telemetry.RunContext;
import dev.runtrail.telemetry.Step;
import io.opentelemetry.context.ContextKey;

/** Where the current run and step live in the OpenTelemetry {@code Context}. Not public API. */
public final class ContextKeys {

  public static final ContextKey<RunContext> RUN = ContextKey.named("runtrail-run");
  public static final ContextKey<Step> STEP = ContextKey.named("runtrail-step");

  private ContextKeys() {}
}
