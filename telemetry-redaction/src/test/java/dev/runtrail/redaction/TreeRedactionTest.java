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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TreeRedactionTest {
  @Test
  void returnsSameInstanceWhenNothingChanged() {
    Map<String, Object> tree = Map.of("trace_id", "4bf92f3577b34da6a3ce929d0e0e4736", "n", 3, "l", List.of("a"));
    assertThat(balanced().redactTree(tree)).isSameAs(tree);
  }

  @Test
  void masksValueOfNameValuePairNamingASecret() {
    List<Map<String, Object>> env = List.of(Map.of("name", "DB_PASSWORD", "value", "s3cret"),
        Map.of("name", "LOG_LEVEL", "value", "debug"));
    assertThat(balanced().redactTree(env)).isEqualTo(List.of(Map.of("name", "DB_PASSWORD", "value", "[REDACTED]"),
        Map.of("name", "LOG_LEVEL", "value", "debug")));
  }

  @Test
  void entriesBeforeTheFirstChangeKeepTheirPlaceInTheCopy() {
    Map<String, Object> tree = new LinkedHashMap<>();
    tree.put("tool", "helm");
    tree.put("exit_code", 0);
    tree.put("stdout", "Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJkZXBsb3kifQ.Hk2fX8n3qVb7Lw1sYt6Rz");
    tree.put("bytes", 10234);
    Object red = balanced().redactTree(tree);
    assertThat(red).isInstanceOf(LinkedHashMap.class);
    assertThat(new ArrayList<Object>(((Map<?, ?>) red).keySet())).containsExactly("tool", "exit_code", "stdout", "bytes");
    assertThat(new ArrayList<Object>(((Map<?, ?>) red).values()))
        .containsExactly("helm", 0, "Authorization: Bearer [REDACTED]", 10234);
  }

  @Test
  void itemsBeforeTheFirstChangeKeepTheirPlaceInTheCopy() {
    List<Object> argv = List.of("deploy", "--verbose", "--token", "t0k3n-value", "--dry-run");
    assertThat(balanced().redactTree(argv))
        .isEqualTo(List.of("deploy", "--verbose", "--token", "[REDACTED]", "--dry-run"));
  }

  @Test
  void aSecretUsedAsAKeyIsRedactedOnEveryEvent() {
    List<String> rules = new ArrayList<>();
    Redactor redactor = Redactor.of(RedactionPolicy.defaults(), rules::add);
    Map<String, Object> tree = Map.of("ghp_R8f2kLq9ZpX4vT7mN1bC6yD3sH5jW0aE8uIo", "owner");
    for (int event = 1; event <= 3; event++) {
      assertThat(redactor.redactTree(tree)).isEqualTo(Map.of("[REDACTED]", "owner"));
      assertThat(rules).hasSize(event);
    }
  }

  @Test
  void numbersPassAsThemselvesAndAreMaskedUnderSensitiveKeys() {
    Integer bytes = 10234;
    Double ratio = 0.25;
    Map<String, Object> tree = Map.of("bytes", bytes, "ratio", ratio);
    assertThat(balanced().redactTree(tree)).isSameAs(tree);
    Redactor hint = Redactor.of(RedactionPolicy.builder().format(RedactionFormat.LENGTH_HINT).build());
    assertThat(hint.redactTree(Map.of("pin_code_secret", bytes))).isEqualTo(Map.of("pin_code_secret", "<redacted:5chars>"));
  }

  @Test
  void aCleanEventAllocatesAlmostNothing() {
    Redactor redactor = balanced();
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("tool", "helm");
    event.put("command", "helm upgrade api ./chart --set image.tag=1.4.2 --repo https://charts.example.com/stable");
    event.put("exit_code", 0);
    event.put("duration_ms", 1234);
    assertThat(bytesPerCleanTree(redactor, event)).as("bytes allocated per clean event (an iterator at most, no copies)")
        .isLessThan(64);
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

  @Test
  void redactsKeyUnderApiParentInTree() {
    assertThat(balanced().redactTree(Map.of("api", Map.of("key", "abc123xyz"))))
        .isEqualTo(Map.of("api", Map.of("key", "[REDACTED]")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"private", "access", "signing", "encryption", "master", "session", "account", "Api", "API",
      "stripe_api", "x-api", "license"})
  void redactsKeyWhoseParentMakesItASecretKey(String parent) {
    assertThat(balanced().redactTree(Map.of(parent, Map.of("key", "abc123xyz"))))
        .isEqualTo(Map.of(parent, Map.of("key", "[REDACTED]")));
    assertThat(balanced().redactTree(Map.of(parent, Map.of("KEY", "abc123xyz", "Key", "def456uvw"))))
        .isEqualTo(Map.of(parent, Map.of("KEY", "[REDACTED]", "Key", "[REDACTED]")));
  }

  @Test
  void redactsKeyOfNestedYamlConfig() {
    Map<String, Object> config = Map.of("stripe", Map.of("api", Map.of("key", "abc123xyz"), "mode", "live"));
    assertThat(balanced().redactTree(config))
        .isEqualTo(Map.of("stripe", Map.of("api", Map.of("key", "[REDACTED]"), "mode", "live")));
  }

  @Test
  void redactsQualifiedKeyUnderParent() {
    assertThat(balanced().redactTree(Map.of("signing", Map.of("key_b64", "c2VjcmV0"))))
        .isEqualTo(Map.of("signing", Map.of("key_b64", "[REDACTED]")));
  }

  @Test
  void redactsKeyUnderParentThroughAList() {
    Map<String, Object> tree = Map.of("api", List.of(Map.of("key", "abc123xyz", "name", "ci")));
    assertThat(balanced().redactTree(tree)).isEqualTo(Map.of("api", List.of(Map.of("key", "[REDACTED]", "name", "ci"))));
  }

  @Test
  void redactsWordsThatNameASecretOnlyAfterTheirParent() {
    Map<String, Object> tree = Map.of("database", Map.of("user", "app", "pass", "s3cret"),
        "stripe", Map.of("customer_id", "cus_9s6XKzkNRiz8i3"), "payment", Map.of("reference", "PR-77-1"));
    assertThat(balanced().redactTree(tree)).isEqualTo(Map.of("database", Map.of("user", "app", "pass", "[REDACTED]"),
        "stripe", Map.of("customer_id", "[REDACTED]"), "payment", Map.of("reference", "[REDACTED]")));
  }

  @Test
  void extraSensitiveKeysCountTheirParentToo() {
    Redactor redactor = Redactor.of(RedactionPolicy.builder().extraSensitiveKeys("tenant_ref").build());
    assertThat(redactor.redactTree(Map.of("tenant", Map.of("ref", "t-42"))))
        .isEqualTo(Map.of("tenant", Map.of("ref", "[REDACTED]")));
  }

  @Test
  void keepsPublicKeyUnderSshParent() {
    Map<String, Object> tree = Map.of("ssh", Map.of("public", Map.of("key", "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIB")));
    assertThat(balanced().redactTree(tree)).isSameAs(tree);
  }

  @ParameterizedTest
  @ValueSource(strings = {"public", "primary", "sort", "partition", "cache", "idempotency", "keyboard", "foreign",
      "routing", "secretKeyRef", "configMapKeyRef", "x"})
  void keepsKeyWhoseParentMakesNoSecretKey(String parent) {
    Map<String, Object> tree = Map.of(parent, Map.of("key", "ctrl+shift+down", "value", "name"));
    assertThat(balanced().redactTree(tree)).isSameAs(tree);
  }

  @ParameterizedTest
  @ValueSource(strings = {"api", "private", "public", "sort", "secret", "ssh_public", "idempotency", "access", "cache",
      "signing", "client", "primary", "stripeApi", "db", "results", "app"})
  void judgesANestedKeyLikeItsDottedFlattening(String parent) {
    Redactor redactor = balanced();
    for (String child : List.of("key", "Key", "pass", "id", "number", "name")) {
      Object red = redactor.redactTree(Map.of(parent, Map.of(child, "v4lue-9")));
      boolean masked = ((Map<?, ?>) ((Map<?, ?>) red).get(parent)).get(child).equals("[REDACTED]");
      assertThat(masked).as("%s.%s", parent, child)
          .isEqualTo(redactor.isSensitiveKey(parent) || redactor.isSensitiveKey(parent + "." + child));
    }
  }

  @Test
  void aCleanEventWithKeysUnderOrdinaryParentsAllocatesAlmostNothing() {
    Redactor redactor = balanced();
    Map<String, Object> sort = new LinkedHashMap<>();
    sort.put("key", "name");
    sort.put("order", "asc");
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("tool", "kubectl");
    event.put("sort", sort);
    event.put("exit_code", 0);
    assertThat(bytesPerCleanTree(redactor, event)).as("bytes allocated per clean event (iterators at most, no keys built)")
        .isLessThan(128);
  }

  /**
   * Bytes this thread allocates per {@code redactTree} of a clean {@code event} (warmed first), after
   * asserting that each call returned the event itself.
   */
  private static long bytesPerCleanTree(Redactor redactor, Map<String, Object> event) {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
    for (int warm = 0; warm < 30_000; warm++) {
      assertThat(redactor.redactTree(event)).isSameAs(event);
    }
    long tid = Thread.currentThread().getId();
    long before = threads.getThreadAllocatedBytes(tid);
    int same = 0;
    for (int i = 0; i < 10_000; i++) {
      same += redactor.redactTree(event) == event ? 1 : 0;
    }
    long perEvent = (threads.getThreadAllocatedBytes(tid) - before) / 10_000;
    assertThat(same).isEqualTo(10_000);
    return perEvent;
  }
}
