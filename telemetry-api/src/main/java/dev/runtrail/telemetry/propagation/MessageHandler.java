package dev.runtrail.telemetry.propagation;

/** Handles one consumed message inside its processing span. */
@FunctionalInterface
public interface MessageHandler<R> {

  /**
   * @param correlationId the message's correlation id (the producer's, or a fresh one)
   */
  R handle(String correlationId) throws Exception;
}
