package dev.runtrail.telemetry;

import dev.runtrail.telemetry.internal.NoopTelemetry;
import dev.runtrail.telemetry.propagation.Message;
import dev.runtrail.telemetry.propagation.MessageHandler;
import dev.runtrail.telemetry.propagation.Propagation;

/**
 * The entry point: starts runs. Obtain one from {@code Runtrail.fromEnvironment()} (telemetry-core),
 * which is a no-op unless {@code RUNTRAIL_ENABLED=true}, or from {@link #noop()}.
 *
 * <pre>{@code
 * Telemetry telemetry = Runtrail.fromEnvironment();
 * try (RunContext run = telemetry.run("deploy").env("prod").target("api").start()) {
 *   try (Step step = run.step("main/deploy/api")) {
 *     step.exitCode(0);
 *   }
 * }
 * }</pre>
 *
 * <p>Implementations are thread-safe. After start-up, no method throws into the app because of a
 * telemetry problem: failures are counted and reported once through SLF4J.
 */
public interface Telemetry extends AutoCloseable {

  /** A telemetry that records nothing and allocates nothing. */
  static Telemetry noop() {
    return NoopTelemetry.INSTANCE;
  }

  /**
   * Starts describing a run; call {@link RunContext.Builder#start()} to start it.
   *
   * @param name what the run does, e.g. {@code deploy}; becomes the root span's name
   */
  RunContext.Builder run(String name);

  /** Whether this telemetry records anything. */
  boolean isEnabled();

  /** Carries runs across processes: inject, extract, serve requests, consume messages. */
  Propagation propagation();

  /**
   * Processes one consumed message in its own span, linked to the producer; see
   * {@link Propagation#consume}.
   *
   * <pre>{@code
   * telemetry.consume(Message.of(headers).type("deploy.requested").id(eventId), correlationId -> {
   *   deploy(payload);
   *   return null;
   * });
   * }</pre>
   */
  default <R> R consume(Message message, MessageHandler<R> handler) throws Exception {
    return propagation().consume(message, handler);
  }

  /**
   * Flushes what is buffered (trail files, spans, artifacts) and releases resources, waiting a bounded
   * time ({@code RUNTRAIL_SHUTDOWN_TIMEOUT}). Closing twice is harmless.
   */
  @Override
  void close();
}
