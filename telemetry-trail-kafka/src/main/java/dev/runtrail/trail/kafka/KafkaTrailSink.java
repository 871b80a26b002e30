package dev.runtrail.trail.kafka;

import dev.runtrail.telemetry.core.config.RuntrailConfig;
import dev.runtrail.telemetry.core.config.Setting;
import dev.runtrail.telemetry.core.trail.TrailJson;
import dev.runtrail.telemetry.trail.TrailEvent;
import dev.runtrail.telemetry.trail.TrailSink;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Sends every action trail event to a Kafka topic ({@value #DEFAULT_TOPIC} by default) for stream
 * consumers. The record key is the event's session id, else its run id, so one run's (or session's)
 * events land in one partition in order; the value is the event as one {@code trail.jsonl} line
 * ({@link TrailJson#toJson}, read back with {@link TrailJson#parse}). Events reach it already redacted
 * (every sink's events pass the redactor first).
 *
 * <pre>{@code
 * Telemetry telemetry = Runtrail.builder()
 *     .addTrailSink(KafkaTrailSink.builder("kafka-1:9092,kafka-2:9092").topic("action-trail").build())
 *     .build();
 * // or from RUNTRAIL_TRAIL_KAFKA_BOOTSTRAP, RUNTRAIL_TRAIL_KAFKA_TOPIC, ...:
 * RuntrailBuilder builder = Runtrail.builder();
 * KafkaTrailSink.fromConfig(RuntrailConfig.fromEnvironment()).ifPresent(builder::addTrailSink);
 * }</pre>
 *
 * <p><b>Failure model.</b> The sink runs on its own thread behind Runtrail's bounded queue
 * ({@link Delivery#ASYNC}): the app's thread never calls Kafka, and an event that does not fit that queue
 * is dropped for this sink and counted by Runtrail. The producer is idempotent ({@code acks=all}), so
 * retries after a broker restart neither duplicate nor reorder a partition's records. It holds up to
 * {@code bufferBytes} of events while the broker is slow or away and retries them for up to
 * {@code deliveryTimeout}; one send waits at most {@code maxBlock} (for topic metadata or buffer room).
 * An event that fails any of these, or is still unsent when telemetry closes (after {@code closeTimeout}),
 * is counted ({@link #droppedEvents()}) and reported through {@link #flush()}, which Runtrail logs once.
 * Every accepted event ends up either {@linkplain #deliveredEvents() delivered} or counted as dropped.
 *
 * <p>Until the sink has learnt the topic's partitions once (the cluster may not be reachable yet when the
 * app starts), events wait in the sink, up to {@code pendingLimit} (more are counted as dropped), and the
 * sink asks for the topic's metadata again at most once a second, each time waiting at most
 * {@code maxBlock}; once it is known, the waiting events are sent first, in order. Events still waiting
 * when telemetry closes (after one more try) are counted as dropped.
 */
public final class KafkaTrailSink implements TrailSink {

  /** The topic trail events go to unless told otherwise. */
  public static final String DEFAULT_TOPIC = "action-trail";
  private static final long METADATA_RETRY_NANOS = TimeUnit.SECONDS.toNanos(1);

  private final String bootstrapServers;
  private final String topic;
  private final Duration flushTimeout;
  private final Duration closeTimeout;
  private final Producer<String, String> producer;
  private final int pendingLimit;
  /** Events waiting for the topic's metadata (touched only on the sink's thread). */
  private final Deque<TrailEvent> waiting = new ArrayDeque<>();
  /** {@code waiting.size()}, for other threads. */
  private final AtomicInteger waitingCount = new AtomicInteger();
  /** Whether the topic's partitions were known once (touched only on the sink's thread). */
  private boolean topicKnown;
  private long nextMetadataNanos = System.nanoTime();
  private final AtomicLong delivered = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  /** Sends not yet answered; the monitor of this object is what {@link #flush()} waits on. */
  private final AtomicLong outstanding = new AtomicLong();
  private volatile String lastFailure;
  /** Drops already reported by a flush (touched only on the sink's thread). */
  private long droppedReported;

  private KafkaTrailSink(Builder b) {
    this.bootstrapServers = b.bootstrapServers;
    this.topic = b.topic;
    this.flushTimeout = b.flushTimeout;
    this.closeTimeout = b.closeTimeout;
    this.pendingLimit = b.pendingLimit;
    try {
      this.producer = new KafkaProducer<>(b.producerConfig(), new StringSerializer(), new StringSerializer());
    } catch (KafkaException e) {
      throw new IllegalArgumentException("cannot make a Kafka producer for bootstrap servers '" + bootstrapServers
          + "': " + e.getMessage(), e);
    }
  }

  /**
   * A builder for a sink sending to the cluster at {@code bootstrapServers} ({@code host:port[,host:port...]}).
   *
   * @throws IllegalArgumentException naming the value when it is not such a list
   */
  public static Builder builder(String bootstrapServers) {
    Objects.requireNonNull(bootstrapServers, "bootstrapServers");
    String problem = KafkaNames.bootstrapProblem(bootstrapServers);
    if (problem != null) {
      throw new IllegalArgumentException("not Kafka bootstrap servers: '" + bootstrapServers + "' (" + problem + ")");
    }
    return new Builder(bootstrapServers.trim());
  }

  /**
   * The sink {@code RUNTRAIL_TRAIL_KAFKA_*} settings describe (bootstrap servers, topic, max block, buffer
   * bytes, delivery timeout); empty when {@code RUNTRAIL_TRAIL_KAFKA_BOOTSTRAP} is unset.
   *
   * @throws dev.runtrail.telemetry.core.config.InvalidConfigurationException naming the variable (or
   *     system property) and its value when a setting is invalid
   */
  public static Optional<KafkaTrailSink> fromConfig(RuntrailConfig config) {
    if (!config.isSet(Setting.TRAIL_KAFKA_BOOTSTRAP)) {
      return Optional.empty();
    }
    String servers = config.raw(Setting.TRAIL_KAFKA_BOOTSTRAP);
    String problem = KafkaNames.bootstrapProblem(servers);
    if (problem != null) {
      throw config.invalid(Setting.TRAIL_KAFKA_BOOTSTRAP, servers, "expected host:port[,host:port...]; " + problem);
    }
    String topic = config.raw(Setting.TRAIL_KAFKA_TOPIC);
    if (!KafkaNames.isTopic(topic)) {
      throw config.invalid(Setting.TRAIL_KAFKA_TOPIC, topic, KafkaNames.TOPIC_RULE);
    }
    Builder builder = new Builder(servers)
        .topic(topic)
        .bufferBytes(config.getInt(Setting.TRAIL_KAFKA_BUFFER_BYTES, Builder.MIN_BUFFER_BYTES, Integer.MAX_VALUE));
    Duration maxBlock = config.getDuration(Setting.TRAIL_KAFKA_MAX_BLOCK);
    if (maxBlock.isZero()) {
      throw config.invalid(Setting.TRAIL_KAFKA_MAX_BLOCK, config.raw(Setting.TRAIL_KAFKA_MAX_BLOCK),
          "expected a positive duration such as 500ms");
    }
    Duration deliveryTimeout = config.getDuration(Setting.TRAIL_KAFKA_DELIVERY_TIMEOUT);
    if (deliveryTimeout.compareTo(Builder.MIN_DELIVERY_TIMEOUT) < 0) {
      throw config.invalid(Setting.TRAIL_KAFKA_DELIVERY_TIMEOUT, config.raw(Setting.TRAIL_KAFKA_DELIVERY_TIMEOUT),
          "expected at least " + Builder.MIN_DELIVERY_TIMEOUT.toMillis() + "ms");
    }
    return Optional.of(builder.maxBlock(maxBlock).deliveryTimeout(deliveryTimeout).build());
  }

  /** The record key of an event: its session id, else its run id. */
  public static String key(TrailEvent event) {
    return event.sessionId() != null ? event.sessionId() : event.runId();
  }

  @Override
  public String name() {
    return "kafka";
  }

  @Override
  public Delivery delivery() {
    return Delivery.ASYNC;
  }

  @Override
  public void accept(TrailEvent event) {
    if (!topicKnown && !learnTopic()) {
      if (waiting.size() < pendingLimit) {
        waiting.add(event);
        waitingCount.incrementAndGet();
      } else {
        drop(1, pendingLimit + " events already wait for Kafka at " + bootstrapServers
            + ", not reachable yet (" + lastFailure + ")");
      }
      return;
    }
    send(event);
  }

  /**
   * Asks for the topic's partitions (waiting at most maxBlock) unless the last try was under a second
   * ago; once known, sends the waiting events. False while unknown.
   */
  private boolean learnTopic() {
    if (System.nanoTime() - nextMetadataNanos < 0) {
      return false;
    }
    try {
      producer.partitionsFor(topic);
    } catch (RuntimeException e) { // a timeout (KafkaException), or the producer is closed
      nextMetadataNanos = System.nanoTime() + METADATA_RETRY_NANOS;
      lastFailure = e.getClass().getSimpleName() + ": " + e.getMessage();
      return false;
    }
    topicKnown = true;
    while (!waiting.isEmpty()) {
      waitingCount.decrementAndGet();
      send(waiting.poll());
    }
    return true;
  }

  private void drop(int events, String why) {
    lastFailure = why;
    dropped.addAndGet(events);
  }

  private void send(TrailEvent event) {
    Send send = new Send();
    outstanding.incrementAndGet();
    try {
      producer.send(new ProducerRecord<>(topic, key(event), TrailJson.toJson(event)), send);
    } catch (RuntimeException e) { // the producer is closed, or interrupted: its API errors come to the callback
      send.onCompletion(null, e);
    }
  }

  /**
   * Waits up to {@code flushTimeout} for the sends so far to be answered; reports the events dropped
   * since the last flush.
   *
   * @throws IOException saying how many events were dropped, and the last reason
   */
  @Override
  public void flush() throws IOException {
    if (!topicKnown) {
      learnTopic();
    }
    awaitAnswers(flushTimeout);
    long droppedNow = dropped.get();
    if (droppedNow > droppedReported) {
      long newly = droppedNow - droppedReported;
      droppedReported = droppedNow;
      throw new IOException(newly + " trail event(s) could not be sent to Kafka topic '" + topic + "' at "
          + bootstrapServers + " (" + droppedNow + " in all): " + lastFailure);
    }
  }

  /** Sends what is buffered, waiting up to {@code closeTimeout}; what is still unsent then counts as dropped. */
  @Override
  public void close() {
    if (!topicKnown) {
      nextMetadataNanos = System.nanoTime(); // one last try, at most maxBlock
      learnTopic();
      if (!waiting.isEmpty()) {
        drop(waiting.size(), "still waiting when telemetry closed: Kafka at " + bootstrapServers
            + " was never reachable (" + lastFailure + ")");
        waiting.clear();
        waitingCount.set(0);
      }
      topicKnown = true; // events accepted after close go to the closed producer: counted there
    }
    // Past the timeout the producer fails every unsent record, through its callback: counted there.
    producer.close(closeTimeout);
  }

  /** Events the broker acknowledged. */
  public long deliveredEvents() {
    return delivered.get();
  }

  /** Events waiting for the cluster to be reachable the first time (at most {@code pendingLimit}). */
  public int waitingEvents() {
    return waitingCount.get();
  }

  /** Events this sink gave up on (no metadata or room within maxBlock, refused, timed out, or unsent at close). */
  public long droppedEvents() {
    return dropped.get();
  }

  private void awaitAnswers(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (outstanding) {
      long left;
      while (outstanding.get() > 0 && (left = deadline - System.nanoTime()) > 0) {
        try {
          TimeUnit.NANOSECONDS.timedWait(outstanding, left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  /** The answer to one send; counted once, whichever way it comes. */
  private final class Send extends AtomicBoolean implements Callback {
    private static final long serialVersionUID = 1L;

    @Override
    public void onCompletion(RecordMetadata metadata, Exception failure) {
      if (!compareAndSet(false, true)) {
        return;
      }
      if (failure == null) {
        delivered.incrementAndGet();
      } else {
        lastFailure = failure.getClass().getSimpleName() + ": " + failure.getMessage();
        dropped.incrementAndGet();
      }
      if (outstanding.decrementAndGet() == 0) {
        synchronized (outstanding) {
          outstanding.notifyAll();
        }
      }
    }
  }

  /** Settings of a {@link KafkaTrailSink}. */
  public static final class Builder {
    static final int MIN_BUFFER_BYTES = 64 * 1024;
    /** linger + request timeout must fit in the delivery timeout (a rule of the producer). */
    static final Duration MIN_DELIVERY_TIMEOUT = Duration.ofSeconds(1);
    private int pendingLimit = 10_000;
    private static final int LINGER_MS = 5;

    private final String bootstrapServers;
    private final Map<String, Object> extra = new HashMap<>();
    private String topic = DEFAULT_TOPIC;
    private Duration maxBlock = Duration.ofMillis(500);
    private long bufferBytes = 4L * 1024 * 1024;
    private Duration deliveryTimeout = Duration.ofMinutes(2);
    private Duration flushTimeout = Duration.ofSeconds(2);
    private Duration closeTimeout = Duration.ofSeconds(5);

    private Builder(String bootstrapServers) {
      this.bootstrapServers = bootstrapServers;
    }

    /** The topic; {@value KafkaTrailSink#DEFAULT_TOPIC} by default. It should exist (or be auto-created quickly). */
    public Builder topic(String topic) {
      if (!KafkaNames.isTopic(topic)) {
        throw new IllegalArgumentException("not a Kafka topic name: '" + topic + "' (" + KafkaNames.TOPIC_RULE + ")");
      }
      this.topic = topic;
      return this;
    }

    /** Longest one send may wait for topic metadata or buffer room ({@code max.block.ms}); 500 ms by default. */
    public Builder maxBlock(Duration timeout) {
      this.maxBlock = positive(timeout, "maxBlock");
      return this;
    }

    /** Bytes of events the producer may hold ({@code buffer.memory}); 4 MiB by default, at least 64 KiB. */
    public Builder bufferBytes(long bytes) {
      if (bytes < MIN_BUFFER_BYTES) {
        throw new IllegalArgumentException("bufferBytes must be at least " + MIN_BUFFER_BYTES + ", got " + bytes);
      }
      this.bufferBytes = bytes;
      return this;
    }

    /** How long an event may wait for the broker, retried, before it is dropped ({@code delivery.timeout.ms}); 2 min by default. */
    public Builder deliveryTimeout(Duration timeout) {
      if (positive(timeout, "deliveryTimeout").compareTo(MIN_DELIVERY_TIMEOUT) < 0) {
        throw new IllegalArgumentException("deliveryTimeout must be at least " + MIN_DELIVERY_TIMEOUT + ", got " + timeout);
      }
      this.deliveryTimeout = timeout;
      return this;
    }

    /**
     * How many events may wait in the sink while the cluster has not been reachable yet (before the
     * topic's metadata was first known); 10,000 by default. Past it, events are counted as dropped.
     */
    public Builder pendingLimit(int events) {
      if (events < 1) {
        throw new IllegalArgumentException("pendingLimit must be at least 1, got " + events);
      }
      this.pendingLimit = events;
      return this;
    }

    /** How long {@link KafkaTrailSink#flush()} waits for the broker's answers; 2 s by default. */
    public Builder flushTimeout(Duration timeout) {
      this.flushTimeout = positive(timeout, "flushTimeout");
      return this;
    }

    /** How long closing waits for unsent events; 5 s by default. */
    public Builder closeTimeout(Duration timeout) {
      this.closeTimeout = positive(timeout, "closeTimeout");
      return this;
    }

    /**
     * Any other producer setting (TLS, SASL, compression...), e.g. {@code producerProperty("security.protocol",
     * "SSL")}; also {@code client.id} and {@code metadata.recovery.strategy} (the sink sets {@code none}, so a
     * broker coming back at its address gets what was buffered; {@code rebootstrap} finds a cluster whose
     * every broker moved, but drops events while none is reachable). The sink's own guarantees (serializers,
     * idempotence, {@code acks=all}, the bounds above) are not overridable.
     */
    public Builder producerProperty(String name, Object value) {
      extra.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
      return this;
    }

    public KafkaTrailSink build() {
      return new KafkaTrailSink(this);
    }

    Map<String, Object> producerConfig() {
      Map<String, Object> config = new HashMap<>();
      config.put(ProducerConfig.CLIENT_ID_CONFIG, "runtrail-trail");
      // Keep the topic's metadata while every known broker is away (a restart, a network cut): with Kafka's
      // default (rebootstrap) the producer forgets the topic then, and each send would wait maxBlock and fail
      // instead of buffering. The cost: a cluster whose every broker changed address is not found again.
      config.put(CommonClientConfigs.METADATA_RECOVERY_STRATEGY_CONFIG, "none");
      config.putAll(extra);
      config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
      config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
      config.put(ProducerConfig.ACKS_CONFIG, "all");
      config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5); // the most idempotence keeps in order
      config.put(ProducerConfig.LINGER_MS_CONFIG, LINGER_MS);
      config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, maxBlock.toMillis());
      config.put(ProducerConfig.BUFFER_MEMORY_CONFIG, bufferBytes);
      long delivery = deliveryTimeout.toMillis();
      config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) Math.min(Integer.MAX_VALUE, delivery));
      config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(30_000, delivery - LINGER_MS));
      return config;
    }

    private static Duration positive(Duration d, String name) {
      if (d == null || d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(name + " must be positive, got " + d);
      }
      return d;
    }
  }
}
