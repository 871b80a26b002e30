package dev.runtrail.telemetry.propagation;

import java.util.Map;
import java.util.function.Function;

/**
 * A consumed message as far as tracing is concerned: its headers and the seed-003 identity fields
 * ({@code event.type}, {@code event.id}, {@code subject}).
 *
 * <pre>{@code
 * telemetry.propagation().consume(
 *     Message.of(record.headers()).type("deploy.requested").id(record.key()).subject("api"),
 *     ctx -> handle(record));
 * }</pre>
 */
public final class Message {

  private final Function<String, String> headers;
  private String type;
  private String id;
  private String subject;
  private String system;
  private String destination;

  private Message(Function<String, String> headers) {
    this.headers = headers;
  }

  /** A message whose headers are in a map (names compared ignoring case). */
  public static Message of(Map<String, String> headers) {
    return new Message(HeaderLookup.ignoringCase(headers));
  }

  /** A message whose headers are looked up by this function. */
  public static Message of(Function<String, String> headers) {
    return new Message(headers == null ? name -> null : headers);
  }

  /** The event type, e.g. {@code deploy.requested}. */
  public Message type(String type) {
    this.type = type;
    return this;
  }

  /** The event id. */
  public Message id(String id) {
    this.id = id;
    return this;
  }

  /** What the event is about, e.g. the target. */
  public Message subject(String subject) {
    this.subject = subject;
    return this;
  }

  /** The messaging system, e.g. {@code kafka}, {@code nats}, {@code rabbitmq}. */
  public Message system(String system) {
    this.system = system;
    return this;
  }

  /** The topic or queue. */
  public Message destination(String destination) {
    this.destination = destination;
    return this;
  }

  public Function<String, String> headers() {
    return headers;
  }

  public String type() {
    return type;
  }

  public String id() {
    return id;
  }

  public String subject() {
    return subject;
  }

  public String system() {
    return system;
  }

  public String destination() {
    return destination;
  }
}
