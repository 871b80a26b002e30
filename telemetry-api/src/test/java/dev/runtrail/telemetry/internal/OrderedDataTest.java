package dev.runtrail.telemetry.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OrderedDataTest {

  @Test
  void keepsInsertionOrderAndEqualsTheLinkedHashMapItStandsFor() {
    OrderedData data = OrderedData.builder(3).put("tool", "helm").put("args", Map.of("k", 1)).put("ok", null).build();
    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("tool", "helm");
    expected.put("args", Map.of("k", 1));
    expected.put("ok", null);
    assertThat(data).containsExactlyEntriesOf(expected).isEqualTo(expected);
    assertThat(data.hashCode()).isEqualTo(expected.hashCode());
    assertThat(data.get("args")).isEqualTo(Map.of("k", 1));
    assertThat(data.containsKey("ok")).isTrue();
    assertThat(data.get("missing")).isNull();
  }

  @Test
  void aKeyPutTwiceKeepsItsPlaceAndTakesTheLastValueAndExtraKeysPastCapacityAreDropped() {
    OrderedData data = OrderedData.builder(2).put("a", 1).put("b", 2).put("a", 3).put("c", 4).build();
    assertThat(data.keySet()).containsExactly("a", "b");
    assertThat(data.get("a")).isEqualTo(3);
  }

  @Test
  void isUnmodifiable() {
    OrderedData data = OrderedData.builder(1).put("a", 1).build();
    assertThatThrownBy(() -> data.put("b", 2)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> data.entrySet().iterator().next().setValue(5))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
