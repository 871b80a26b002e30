package dev.runtrail.redaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MetadataAllowlistTest {
  @Test
  void passesAllowedKeys() {
    MetadataAllowlist.seed003().check(Map.of("reason", "manual", "status_from", "a", "status_to", "b"));
  }

  @Test
  void rejectsUnknownKeyWithClearError() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> MetadataAllowlist.seed003().check(Map.of("reason", "x", "x", 1)))
        .withMessage("unknown metadata key 'x' (allowed: reason, policy_key, old_value, new_value, status_from,"
            + " status_to, error_code, request_scope, idempotency_key_hash, provider_ref, allocation_id, node_id)");
  }

  @Test
  void listsAllUnknownKeys() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> MetadataAllowlist.of("a").check(Map.of("b", 1, "c", 2)))
        .withMessageStartingWith("unknown metadata keys 'b', 'c' (allowed: a)");
  }

  @Test
  void redactsASecretUsedAsUnknownKeyInTheMessage() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> MetadataAllowlist.of("a").check(Map.of("AKIAIOSFODNN7EXAMPLE", 1)))
        .withMessageStartingWith("unknown metadata key '[REDACTED]'");
  }

  @Test
  void redactingVariantChecksThenRedactsValues() {
    Map<String, Object> out = MetadataAllowlist.seed003()
        .checkAndRedact(Map.of("old_value", "password=x", "node_id", "n-1"), Redactor.defaults());
    assertThat(out).isEqualTo(Map.of("old_value", "password=[REDACTED]", "node_id", "n-1"));
  }

  @Test
  void redactingVariantRejectsUnknownKeys() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> MetadataAllowlist.seed003().checkAndRedact(Map.of("password", "x"), Redactor.defaults()));
  }

  @Test
  void rejectsBlankAllowedKey() {
    assertThatIllegalArgumentException().isThrownBy(() -> MetadataAllowlist.of("a", " "));
  }
}
