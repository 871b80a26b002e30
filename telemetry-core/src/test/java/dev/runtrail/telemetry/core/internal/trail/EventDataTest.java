package dev.runtrail.telemetry.core.internal.trail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.DoubleAdder;
import org.junit.jupiter.api.Test;

class EventDataTest {

  @Test
  void anEventDoesNotChangeWhenTheAppKeepsChangingWhatItPassed() {
    AtomicLong retries = new AtomicLong(2);
    AtomicInteger attempts = new AtomicInteger(3);
    DoubleAdder cost = new DoubleAdder();
    cost.add(0.25);
    List<Object> tags = new ArrayList<>(List.of("a"));
    Map<String, Object> nested = new LinkedHashMap<>(Map.of("k", "v"));
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("retries", retries);
    data.put("attempts", attempts);
    data.put("cost", cost);
    data.put("tags", tags);
    data.put("nested", nested);

    Map<String, Object> copy = EventData.copy(data);
    retries.set(99);
    attempts.set(99);
    cost.add(10);
    tags.add("b");
    nested.put("k", "changed");
    data.put("late", "x");

    assertThat(copy).containsOnlyKeys("retries", "attempts", "cost", "tags", "nested");
    assertThat(copy.get("retries")).isEqualTo(2L);
    assertThat(copy.get("attempts")).isEqualTo(3L);
    assertThat(copy.get("cost")).isEqualTo(0.25);
    assertThat(copy.get("tags")).isEqualTo(List.of("a"));
    assertThat(copy.get("nested")).isEqualTo(Map.of("k", "v"));
    assertThatThrownBy(() -> copy.put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void keepsImmutableNumbersAndJdkImmutableTreesAsTheyAre() {
    BigDecimal amount = new BigDecimal("12.50");
    Map<String, Object> tree = Map.of("tool", "helm", "args", List.of("upgrade", 3L), "amount", amount);

    Map<String, Object> copy = EventData.copy(tree);

    assertThat(copy).isSameAs(tree);
    assertThat(EventData.copy(Map.of("amount", amount)).get("amount")).isSameAs(amount);
  }

  @Test
  void aJdkImmutableMapHoldingAMutableNumberIsStillCopied() {
    AtomicLong bytes = new AtomicLong(10);
    Map<String, Object> tree = Map.of("bytes", bytes);

    Map<String, Object> copy = EventData.copy(tree);
    bytes.set(11);

    assertThat(copy).isNotSameAs(tree);
    assertThat(copy.get("bytes")).isEqualTo(10L);
  }
}
