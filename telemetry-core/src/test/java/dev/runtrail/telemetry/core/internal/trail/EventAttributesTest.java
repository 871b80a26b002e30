package dev.runtrail.telemetry.core.internal.trail;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventAttributesTest {

  private static final AttributeKey<String> TOOL = AttributeKey.stringKey("tool");
  private static final AttributeKey<Long> SEQ = AttributeKey.longKey("runtrail.trail.seq");
  private static final AttributeKey<Boolean> OK = AttributeKey.booleanKey("ok");

  @Test
  void equalsTheApiAttributesWithTheSameEntriesInEitherDirection() {
    Attributes ours = EventAttributes.builder(2).put(TOOL, "helm").put(SEQ, 7L).put(OK, true).build(false);
    Attributes api = Attributes.builder().put(OK, true).put(SEQ, 7L).put(TOOL, "helm").build();

    assertThat(ours).isEqualTo(api);
    assertThat(api.asMap()).isEqualTo(ours.asMap());
    assertThat(ours.hashCode()).isEqualTo(api.asMap().hashCode());
    assertThat(ours.toBuilder().build()).isEqualTo(api);
    assertThat(ours).isNotEqualTo(Attributes.of(TOOL, "kubectl", SEQ, 7L, OK, true));
  }

  @Test
  void keepsInsertionOrderAndLetsTheLastValueOfARepeatedKeyWinInTheFirstPlace() {
    Attributes attributes = EventAttributes.builder(1)
        .put(SEQ, 1L).put(TOOL, "helm").put(OK, false).put(TOOL, "kubectl").put(AttributeKey.stringKey("z"), "last")
        .build(false);

    List<String> order = new ArrayList<>();
    attributes.forEach((key, value) -> order.add(key.getKey() + "=" + value));
    assertThat(order).containsExactly("runtrail.trail.seq=1", "tool=kubectl", "ok=false", "z=last");
    assertThat(attributes.size()).isEqualTo(4);
    assertThat(attributes.get(TOOL)).isEqualTo("kubectl");
  }

  @Test
  void looksUpByNameAndTypeAndIgnoresNullsAndEmptyKeys() {
    Attributes attributes = EventAttributes.builder(4)
        .put(TOOL, "helm").put(AttributeKey.stringKey(""), "x").put(AttributeKey.stringKey("gone"), null).build(false);

    assertThat(attributes.get(AttributeKey.stringKey("tool"))).isEqualTo("helm");
    assertThat(attributes.get(AttributeKey.longKey("tool"))).isNull();
    assertThat(attributes.get(AttributeKey.stringKey("gone"))).isNull();
    assertThat(attributes.size()).isEqualTo(1);
    assertThat(EventAttributes.builder(0).build(false).isEmpty()).isTrue();
  }
}
