package dev.runtrail.telemetry.core.internal.trace;

import dev.runtrail.telemetry.core.internal.propagation.CorrelationIds;
import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.api.baggage.BaggageBuilder;
import io.opentelemetry.api.baggage.BaggageEntry;
import io.opentelemetry.api.baggage.BaggageEntryMetadata;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;

/**
 * The W3C baggage of a run that inherits none: its correlation id and run id, in key order as the
 * API's own baggage keeps them. Every run makes one, and an {@code ImmutableBaggage} is built through a
 * list, then sorted and de-duplicated into an array: a lot of work, on every run, for two fixed keys.
 */
final class RunBaggage implements Baggage {

  private final Entry correlationId;
  private final Entry runId;

  RunBaggage(String correlationId, String runId) {
    this.correlationId = new Entry(correlationId);
    this.runId = new Entry(runId);
  }

  @Override
  public int size() {
    return 2;
  }

  @Override
  public void forEach(BiConsumer<? super String, ? super BaggageEntry> consumer) {
    consumer.accept(CorrelationIds.BAGGAGE_KEY, correlationId); // "correlation_id" < "run_id"
    consumer.accept(CorrelationIds.RUN_ID_BAGGAGE_KEY, runId);
  }

  @Override
  public Map<String, BaggageEntry> asMap() {
    Map<String, BaggageEntry> map = new LinkedHashMap<>(4);
    forEach(map::put);
    return Collections.unmodifiableMap(map);
  }

  @Override
  public String getEntryValue(String key) {
    BaggageEntry entry = getEntry(key);
    return entry == null ? null : entry.getValue();
  }

  @Override
  public BaggageEntry getEntry(String key) {
    if (CorrelationIds.BAGGAGE_KEY.equals(key)) {
      return correlationId;
    }
    return CorrelationIds.RUN_ID_BAGGAGE_KEY.equals(key) ? runId : null;
  }

  @Override
  public BaggageBuilder toBuilder() {
    return Baggage.builder()
        .put(CorrelationIds.BAGGAGE_KEY, correlationId.value)
        .put(CorrelationIds.RUN_ID_BAGGAGE_KEY, runId.value);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Baggage && asMap().equals(((Baggage) o).asMap());
  }

  @Override
  public int hashCode() {
    return asMap().hashCode();
  }

  @Override
  public String toString() {
    return "RunBaggage" + asMap();
  }

  /** A value without metadata. */
  private static final class Entry implements BaggageEntry {
    final String value;

    Entry(String value) {
      this.value = value;
    }

    @Override
    public String getValue() {
      return value;
    }

    @Override
    public BaggageEntryMetadata getMetadata() {
      return BaggageEntryMetadata.empty();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof BaggageEntry && value.equals(((BaggageEntry) o).getValue())
          && getMetadata().getValue().equals(((BaggageEntry) o).getMetadata().getValue());
    }

    @Override
    public int hashCode() {
      return Objects.hash(value, "");
    }

    @Override
    public String toString() {
      return "BaggageEntry{value=" + value + "}";
    }
  }
}
