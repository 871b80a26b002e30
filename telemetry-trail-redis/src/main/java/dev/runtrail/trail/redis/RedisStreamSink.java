package dev.runtrail.trail.redis;

import dev.runtrail.telemetry.core.trail.TrailJson;
import dev.runtrail.telemetry.trail.TrailEvent;
import dev.runtrail.telemetry.trail.TrailSink;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.XAddArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.resource.Delay;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Appends every action trail event to a Redis stream, as seed 001 does for real-time consumers:
 * {@code XADD action-trail:<session id, else run id> MAXLEN ~ <max> * type … data … correlationId …
 * timestamp …}, plus {@code runId}, {@code sessionId}, {@code seq}, {@code traceId}, {@code spanId} and
 * {@code step} when set. Events reach it already redacted (every sink's events pass the redactor first).
 *
 * <pre>{@code
 * Telemetry telemetry = Runtrail.builder()
 *     .addTrailSink(RedisStreamSink.builder("redis://localhost:6379").maxLength(10_000).build())
 *     .build();
 * }</pre>
 *
 * <p><b>Failure model.</b> The sink runs on its own thread behind Runtrail's bounded queue
 * ({@link Delivery#ASYNC}): a slow or absent Redis never blocks the app, and an event that does not fit
 * that queue is dropped for this sink and counted by Runtrail. Inside the sink, Lettuce pipelines the
 * appends; while the connection is down it reconnects on its own (at least once a second) and keeps up to {@code pendingLimit}
 * appends, sent once Redis is back (appends in flight when the connection broke are sent again, so a
 * consumer may see an event twice after a reconnect: {@code runId} + {@code seq} identify it). Until a
 * first connection succeeds, events wait in a local buffer of the same bound, and the connection is
 * retried at most once a second. What exceeds the bound, or fails in Redis, is counted
 * ({@link #droppedEvents()}) and reported through {@link #flush()}, which Runtrail logs once; what is
 * still unsent when telemetry closes (after {@code closeTimeout}) is counted the same way.
 */
public final class RedisStreamSink implements TrailSink {

  /** The stream key prefix of seed 001. */
  public static final String DEFAULT_KEY_PREFIX = "action-trail:";

  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
  private static final Duration MAX_RECONNECT_DELAY = Duration.ofSeconds(1);
  private static final long RETRY_CONNECT_NANOS = TimeUnit.SECONDS.toNanos(1);

  private final RedisURI uri;
  private final String keyPrefix;
  private final long maxLength;
  private final int pendingLimit;
  private final Duration flushTimeout;
  private final Duration closeTimeout;
  private final ClientResources resources;
  private final RedisClient client;
  /** Appends sent and not yet answered, oldest first (touched only on the sink's thread). */
  private final ArrayDeque<RedisFuture<String>> inFlight = new ArrayDeque<>();
  /** Events waiting for a first connection (touched only on the sink's thread). */
  private final ArrayDeque<TrailEvent> unsent = new ArrayDeque<>();
  private final AtomicLong appended = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  private StatefulRedisConnection<String, String> connection;
  private long nextConnectNanos = System.nanoTime();
  private long droppedReported;
  private String lastFailure;

  private RedisStreamSink(Builder b) {
    this.uri = b.uri;
    this.keyPrefix = b.keyPrefix;
    this.maxLength = b.maxLength;
    this.pendingLimit = b.pendingLimit;
    this.flushTimeout = b.flushTimeout;
    this.closeTimeout = b.closeTimeout;
    // Reconnect promptly once Redis is back: Lettuce's default backoff grows to 30 s between attempts.
    this.resources = DefaultClientResources.builder()
        .reconnectDelay(Delay.exponential(Duration.ofMillis(10), MAX_RECONNECT_DELAY, 2, TimeUnit.MILLISECONDS))
        .build();
    this.client = RedisClient.create(resources);
    client.setOptions(ClientOptions.builder()
        .autoReconnect(true)
        .requestQueueSize(pendingLimit)
        .disconnectedBehavior(ClientOptions.DisconnectedBehavior.ACCEPT_COMMANDS)
        .socketOptions(SocketOptions.builder().connectTimeout(CONNECT_TIMEOUT).build())
        .build());
  }

  /**
   * A builder for a sink writing to {@code redisUri} ({@code redis://[password@]host:port[/db]},
   * {@code rediss://} for TLS; Lettuce's URI syntax).
   *
   * @throws IllegalArgumentException naming the URI when it is not a Redis URI
   */
  public static Builder builder(String redisUri) {
    Objects.requireNonNull(redisUri, "redisUri");
    try {
      return new Builder(RedisURI.create(redisUri));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("not a Redis URI: '" + redisUri + "' (expected redis://host:port)", e);
    }
  }

  /** The stream an event goes to: its session's, else its run's. */
  public String streamKey(TrailEvent event) {
    return keyPrefix + (event.sessionId() != null ? event.sessionId() : event.runId());
  }

  @Override
  public String name() {
    return "redis";
  }

  @Override
  public Delivery delivery() {
    return Delivery.ASYNC;
  }

  @Override
  public void accept(TrailEvent event) {
    settle(false);
    if (connection == null && !connect()) {
      if (unsent.size() < pendingLimit) {
        unsent.add(event);
      } else {
        drop(1, "Redis at " + uri + " not reachable and " + pendingLimit + " events already wait");
      }
      return;
    }
    send(event);
  }

  /** Waits up to {@code flushTimeout} for the appends sent so far; reports events dropped since the last flush. */
  @Override
  public void flush() throws IOException {
    if (connection == null) {
      connect();
    }
    settle(true);
    long droppedNow = dropped.get();
    if (droppedNow > droppedReported) {
      long newly = droppedNow - droppedReported;
      droppedReported = droppedNow;
      throw new IOException(newly + " trail event(s) could not be appended to Redis at " + uri + " ("
          + droppedNow + " in all): " + lastFailure);
    }
  }

  /** Sends what still waits, waits up to {@code closeTimeout} for it, counts the rest as dropped. */
  @Override
  public void close() {
    try {
      if (connection == null) {
        connect();
      }
      long deadline = System.nanoTime() + closeTimeout.toNanos();
      while (!inFlight.isEmpty() && System.nanoTime() < deadline) {
        awaitOldest(deadline);
      }
      if (!unsent.isEmpty() || !inFlight.isEmpty()) {
        drop(unsent.size() + inFlight.size(), "still unsent when telemetry closed (after " + closeTimeout + ")");
        unsent.clear();
        inFlight.clear();
      }
    } finally {
      if (connection != null) {
        connection.closeAsync();
      }
      client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
      resources.shutdown(0, 2, TimeUnit.SECONDS);
    }
  }

  /** Events Redis acknowledged. */
  public long appendedEvents() {
    return appended.get();
  }

  /** Events this sink gave up on (buffer full, Redis refused them, or unsent at close). */
  public long droppedEvents() {
    return dropped.get();
  }

  private boolean connect() {
    if (System.nanoTime() - nextConnectNanos < 0) {
      return false;
    }
    try {
      connection = client.connect(uri);
    } catch (RuntimeException e) {
      nextConnectNanos = System.nanoTime() + RETRY_CONNECT_NANOS;
      lastFailure = String.valueOf(e.getMessage());
      return false;
    }
    while (!unsent.isEmpty()) {
      send(unsent.poll());
    }
    return true;
  }

  private void send(TrailEvent event) {
    if (inFlight.size() >= pendingLimit) {
      settle(true);
    }
    if (inFlight.size() >= pendingLimit) {
      drop(1, pendingLimit + " appends to Redis at " + uri + " still unanswered");
      return;
    }
    inFlight.add(connection.async().xadd(streamKey(event),
        XAddArgs.Builder.maxlen(maxLength).approximateTrimming(), fields(event)));
  }

  /** Counts answered appends; with {@code wait}, waits up to {@code flushTimeout} for all of them. */
  private void settle(boolean wait) {
    long deadline = System.nanoTime() + flushTimeout.toNanos();
    while (!inFlight.isEmpty()) {
      if (inFlight.peek().isDone()) {
        count(inFlight.poll());
      } else if (!wait || !awaitOldest(deadline)) {
        return;
      }
    }
  }

  /** Waits for the oldest append until {@code deadlineNanos}; false when it is still unanswered then. */
  private boolean awaitOldest(long deadlineNanos) {
    RedisFuture<String> oldest = inFlight.peek();
    try {
      oldest.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (ExecutionException e) {
      // counted below
    }
    count(inFlight.poll());
    return true;
  }

  private void count(RedisFuture<String> answered) {
    String error = answered.getError();
    if (error == null && !answered.toCompletableFuture().isCompletedExceptionally()) {
      appended.incrementAndGet();
    } else {
      drop(1, error != null ? error : "append failed");
    }
  }

  private void drop(int events, String why) {
    dropped.addAndGet(events);
    lastFailure = why;
  }

  static Map<String, String> fields(TrailEvent e) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("type", e.type());
    fields.put("data", json(e.data()));
    putIfSet(fields, "correlationId", e.correlationId());
    fields.put("timestamp", TrailJson.timestamp(e.timestamp()));
    fields.put("runId", e.runId());
    putIfSet(fields, "sessionId", e.sessionId());
    fields.put("seq", Long.toString(e.sequence()));
    putIfSet(fields, "traceId", e.traceId());
    putIfSet(fields, "spanId", e.spanId());
    putIfSet(fields, "step", e.step());
    return fields;
  }

  private static void putIfSet(Map<String, String> fields, String key, String value) {
    if (value != null) {
      fields.put(key, value);
    }
  }

  private static String json(Map<String, Object> data) {
    StringWriter out = new StringWriter(128);
    try (var generator = TrailJson.generator(out)) {
      TrailJson.writeValue(generator, data);
    } catch (IOException e) {
      throw new IllegalStateException("trail data not writable as JSON", e);
    }
    return out.toString();
  }

  /** Settings of a {@link RedisStreamSink}. */
  public static final class Builder {
    private final RedisURI uri;
    private String keyPrefix = DEFAULT_KEY_PREFIX;
    private long maxLength = 10_000;
    private int pendingLimit = 10_000;
    private Duration flushTimeout = Duration.ofSeconds(2);
    private Duration closeTimeout = Duration.ofSeconds(5);

    private Builder(RedisURI uri) {
      this.uri = uri;
    }

    /** The stream key prefix; {@value RedisStreamSink#DEFAULT_KEY_PREFIX} by default. */
    public Builder keyPrefix(String prefix) {
      this.keyPrefix = Objects.requireNonNull(prefix, "prefix");
      return this;
    }

    /** About how many entries each stream keeps ({@code MAXLEN ~}); 10,000 by default. */
    public Builder maxLength(long entries) {
      if (entries < 1) {
        throw new IllegalArgumentException("maxLength must be at least 1, got " + entries);
      }
      this.maxLength = entries;
      return this;
    }

    /** How many appends may wait for Redis (unanswered, or while it is unreachable); 10,000 by default. */
    public Builder pendingLimit(int events) {
      if (events < 1) {
        throw new IllegalArgumentException("pendingLimit must be at least 1, got " + events);
      }
      this.pendingLimit = events;
      return this;
    }

    /** How long {@link RedisStreamSink#flush()} waits for Redis to answer; 2 s by default. */
    public Builder flushTimeout(Duration timeout) {
      this.flushTimeout = positive(timeout, "flushTimeout");
      return this;
    }

    /** How long closing waits for unsent events; 5 s by default. */
    public Builder closeTimeout(Duration timeout) {
      this.closeTimeout = positive(timeout, "closeTimeout");
      return this;
    }

    public RedisStreamSink build() {
      return new RedisStreamSink(this);
    }

    private static Duration positive(Duration d, String name) {
      if (d == null || d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(name + " must be positive, got " + d);
      }
      return d;
    }
  }
}
