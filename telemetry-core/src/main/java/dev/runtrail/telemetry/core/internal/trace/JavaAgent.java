package dev.runtrail.telemetry.core.internal.trace;

import io.opentelemetry.api.GlobalOpenTelemetry;

/**
 * Whether the OpenTelemetry Java agent is attached and active, found without a compile-time dependency
 * on it. The agent's entry class is loaded from the system class loader ({@code -javaagent:} puts the jar
 * there), which its maintainers point to as the sign that it is attached; an active agent has also set
 * {@link GlobalOpenTelemetry} by the time the app's code runs. Both are asked because a disabled agent
 * ({@code OTEL_JAVAAGENT_ENABLED=false}) still loads its entry class but sets no global. Neither check
 * initializes {@code GlobalOpenTelemetry}, so the app may still set it later when there is no agent.
 */
public final class JavaAgent {

  static final String ENTRY_CLASS = "io.opentelemetry.javaagent.OpenTelemetryAgent";

  private JavaAgent() {}

  /** True when the agent is attached and has set {@code GlobalOpenTelemetry}. */
  public static boolean isActive() {
    return entryClassLoaded() && GlobalOpenTelemetry.isSet();
  }

  private static boolean entryClassLoaded() {
    try {
      Class.forName(ENTRY_CLASS, false, ClassLoader.getSystemClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError | SecurityException e) {
      return false;
    }
  }
}
