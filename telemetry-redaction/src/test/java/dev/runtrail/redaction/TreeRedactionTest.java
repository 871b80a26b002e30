package dev.runtrail.redaction;

import static dev.runtrail.redaction.TestRedactors.balanced;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TreeRedactionTest {
  @Test
  void returnsSameInstanceWhenNothingChanged() {
    Map<String, Object> tree = Map.of("trace_id", "4bf92f3577b34da6a3ce929d0e0e4736", "n", 3, "l", List.of("a"));
    assertThat(balanced().redactTree(tree)).isSameAs(tree);
  }

  @Test
  void appliesKeyRulesAtEveryDepth() {
    Map<String, Object> tree = Map.of("tool", Map.of("args", Map.of("api_key", "k", "path", "main.tf")));
    assertThat(balanced().redactTree(tree))
        .isEqualTo(Map.of("tool", Map.of("args", Map.of("api_key", "[REDACTED]", "path", "main.tf"))));
  }

  @Test
  void masksScalarsButKeepsStructureUnderSensitiveKey() {
    Map<String, Object> tree = Map.of("secrets", Map.of("db", "p", "n", 5, "on", true));
    assertThat(balanced().redactTree(tree))
        .isEqualTo(Map.of("secrets", Map.of("db", "[REDACTED]", "n", "[REDACTED]", "on", true)));
  }

  @Test
  void redactsTheArgumentAfterASensitiveFlagInAnArgumentList() {
    List<Object> argv = List.of("login", "--password", "hunter2-x", "--user", "alice", "-token", "t0k");
    assertThat(balanced().redactTree(argv))
        .isEqualTo(List.of("login", "--password", "[REDACTED]", "--user", "alice", "-token", "[REDACTED]"));
    Object[] array = {"deploy", "--client-secret", "s3cr3t"};
    assertThat((Object[]) balanced().redactTree(array)).containsExactly("deploy", "--client-secret", "[REDACTED]");
  }

  @Test
  void keepsTheArgumentAfterAnOrdinaryFlag() {
    List<Object> argv = List.of("plan", "--target", "module.network", "--max-tokens", "100");
    assertThat(balanced().redactTree(argv)).isSameAs(argv);
  }

  @Test
  void redactsListsAndArrays() {
    Object[] array = {"AKIAIOSFODNN7EXAMPLE", 1};
    Object red = balanced().redactTree(List.of("ok", array));
    assertThat(red).isInstanceOf(List.class);
    assertThat((Object[]) ((List<?>) red).get(1)).containsExactly("[REDACTED]", 1);
  }

  @Test
  void redactsCharArrayUnderSensitiveKey() {
    assertThat(balanced().redactTree(Map.of("password", "pw".toCharArray()))).isEqualTo(Map.of("password", "[REDACTED]"));
  }

  @Test
  void keepsOtherObjectsWhenTheirTextIsClean() {
    Duration d = Duration.ofSeconds(3);
    assertThat(balanced().redactTree(d)).isSameAs(d);
  }

  @Test
  void redactsOtherObjectsByTheirText() {
    Object o = new Object() {
      @Override
      public String toString() {
        return "token ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789";
      }
    };
    assertThat(balanced().redactTree(o)).isEqualTo("token [REDACTED]");
  }

  @Test
  void keepsEntryOrderAndBothEntriesWhenRedactedKeysCollide() {
    Map<String, Object> tree = new LinkedHashMap<>();
    tree.put("AKIAIOSFODNN7EXAMPLE", 1);
    tree.put("AKIAIOSFODNN7EXAMPL2", 2);
    assertThat(balanced().redactTree(tree)).isEqualTo(Map.of("[REDACTED]", 1, "[REDACTED]#2", 2));
  }

  @Test
  void boundsCyclicStructures() {
    Map<String, Object> cyclic = new HashMap<>();
    List<Object> list = new ArrayList<>();
    list.add(cyclic);
    cyclic.put("self", list);
    assertThat(balanced().redactTree(cyclic)).isNotNull();
  }

  @Test
  void keepsNumbersAndBooleans() {
    assertThat(balanced().redactTree(1234)).isEqualTo(1234);
    assertThat(balanced().redactTree(true)).isEqualTo(true);
    assertThat(balanced().redactTree(null)).isNull();
  }

  @Test
  void redactsCardNumberStoredAsLong() {
    assertThat(balanced().redactTree(4111111111111111L)).isEqualTo("[REDACTED]");
  }
}
