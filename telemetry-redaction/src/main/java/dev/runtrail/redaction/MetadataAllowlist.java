package dev.runtrail.redaction;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Allowlist mode for audit metadata: only listed keys pass, an unknown key is rejected with a clear error.
 * Keys are compared exactly. The rejected key is itself redacted in the message (a key can be a secret).
 *
 * <pre>{@code
 * MetadataAllowlist audit = MetadataAllowlist.seed003();
 * audit.check(Map.of("reason", "manual", "status_to", "active"));          // passes
 * Map<String, Object> safe = audit.checkAndRedact(metadata, redactor);     // rejects, then redacts values
 * }</pre>
 */
public final class MetadataAllowlist {
  private static final List<String> SEED_003 = List.of("reason", "policy_key", "old_value", "new_value",
      "status_from", "status_to", "error_code", "request_scope", "idempotency_key_hash", "provider_ref",
      "allocation_id", "node_id");

  private final Set<String> allowed;

  private MetadataAllowlist(Set<String> allowed) {
    this.allowed = allowed;
  }

  /**
   * @throws IllegalArgumentException when {@code keys} is null or holds a null or blank key
   */
  public static MetadataAllowlist of(Collection<String> keys) {
    if (keys == null) {
      throw new IllegalArgumentException("allowed keys must not be null");
    }
    Set<String> copy = new LinkedHashSet<>();
    for (String key : keys) {
      if (key == null || key.isBlank()) {
        throw new IllegalArgumentException("allowed key must be non-blank, got '" + key + "'");
      }
      copy.add(key);
    }
    return new MetadataAllowlist(Collections.unmodifiableSet(copy));
  }

  public static MetadataAllowlist of(String... keys) {
    return of(List.of(keys));
  }

  /**
   * The audit-metadata allowlist of the platform in seed 003: reason, policy_key, old_value, new_value,
   * status_from, status_to, error_code, request_scope, idempotency_key_hash, provider_ref, allocation_id,
   * node_id.
   */
  public static MetadataAllowlist seed003() {
    return of(SEED_003);
  }

  public Set<String> keys() {
    return allowed;
  }

  public boolean isAllowed(String key) {
    return key != null && allowed.contains(key);
  }

  /**
   * Passes when every key of {@code metadata} is allowed (null or empty metadata passes).
   *
   * @throws IllegalArgumentException {@code unknown metadata key 'x' (allowed: ...)}
   */
  public void check(Map<String, ?> metadata) {
    if (metadata == null) {
      return;
    }
    Set<String> unknown = new TreeSet<>();
    for (Object key : metadata.keySet()) {
      if (!(key instanceof String) || !allowed.contains(key)) {
        unknown.add(Redactor.defaults().redact(String.valueOf(key)));
      }
    }
    if (!unknown.isEmpty()) {
      List<String> quoted = new ArrayList<>();
      unknown.forEach(k -> quoted.add("'" + k + "'"));
      throw new IllegalArgumentException("unknown metadata key" + (unknown.size() > 1 ? "s " : " ")
          + String.join(", ", quoted) + " (allowed: " + String.join(", ", allowed) + ")");
    }
  }

  /**
   * {@link #check} then the metadata redacted by {@code redactor} (key and value rules still apply to
   * allowed keys: {@code old_value} may hold a secret).
   */
  @SuppressWarnings("unchecked")
  public Map<String, Object> checkAndRedact(Map<String, ?> metadata, Redactor redactor) {
    check(metadata);
    if (metadata == null) {
      return Map.of();
    }
    return (Map<String, Object>) redactor.redactTree(metadata);
  }

  @Override
  public String toString() {
    return "MetadataAllowlist" + allowed;
  }
}
