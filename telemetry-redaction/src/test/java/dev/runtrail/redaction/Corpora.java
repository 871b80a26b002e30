package dev.runtrail.redaction;

import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** jqwik generators for benign text (ids, hashes, counts, log lines) and the contexts secrets hide in. */
final class Corpora {
  private static final List<String> WORDS = List.of("deploy", "step", "finished", "retry", "pod", "node", "apply",
      "check", "queue", "worker", "batch", "status", "ready", "plan", "run", "target", "env", "prod", "api", "verify",
      "healthz", "timeout", "rollout", "image", "commit", "branch", "release", "cache", "warm", "cold", "exit", "code",
      "agent", "tool", "call", "result", "budget", "warning", "pipeline", "triggered", "merged", "opened");
  /**
   * Words the README documents as naming a secret or personal data when they end a key: a random word
   * followed by a ": " or " = " separator would make a real assignment ({@code ip: 42} is masked in strict
   * mode, as documented), so random words skip them.
   */
  private static final List<String> KEY_WORDS = List.of("password", "passwd", "pwd", "secret", "secrets", "token",
      "apikey", "auth", "cookie", "cookies", "cvv", "cvc", "pan", "email", "username", "user", "login", "phone",
      "mobile", "address", "addr", "ip", "surname", "ssn", "pass", "pw", "sig");
  private static final List<String> SEPARATORS = List.of(" ", "\n", "\t", ", ", " (", ") ", "'", "\"", " = ", ": ",
      " [", "] ", "\r\n", " | ", "; ", " -> ");

  private Corpora() {}

  static Arbitrary<String> words() {
    Arbitrary<String> word = Arbitraries.oneOf(Arbitraries.of(WORDS),
        Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(8)
            .filter(w -> !KEY_WORDS.contains(w)));
    return word.list().ofMinSize(0).ofMaxSize(6).map(list -> String.join(" ", list));
  }

  static Arbitrary<String> separators() {
    return Arbitraries.of(SEPARATORS);
  }

  static Arbitrary<String> hex(int length) {
    return Arbitraries.strings().withChars("0123456789abcdef").ofLength(length);
  }

  /** A span id as generated: random 64 bits, which (all but 1 in ~1800 times) include a hex letter. */
  static Arbitrary<String> spanId() {
    return hex(16).filter(s -> s.chars().anyMatch(Character::isLetter));
  }

  static Arbitrary<String> traceId() {
    return hex(32);
  }

  static Arbitrary<String> uuid() {
    return Arbitraries.randomValue(r -> new java.util.UUID(r.nextLong(), r.nextLong()).toString());
  }

  static Arbitrary<String> runId() {
    return Combinators.combine(Arbitraries.integers().between(20200101, 20301231),
            Arbitraries.integers().between(0, 235959), hex(6))
        .as((d, t, h) -> String.format(Locale.ROOT, "run-%d-%06d-%s", d, t, h));
  }

  static Arbitrary<String> count() {
    return Arbitraries.oneOf(Arbitraries.integers().between(0, 999_999_999).map(String::valueOf),
        Arbitraries.longs().between(1_600_000_000_000L, 1_900_000_000_000L).map(String::valueOf),
        // epoch nanos and 64-bit numeric ids (snowflakes, order ids): 17-19 digits, Luhn-valid one time in ten
        Arbitraries.longs().between(1_600_000_000_000_000_000L, 1_900_000_000_000_000_000L).map(String::valueOf),
        Arbitraries.longs().between(10_000_000_000_000_000L, Long.MAX_VALUE).map(String::valueOf),
        Arbitraries.doubles().between(0, 10_000).ofScale(3).map(String::valueOf));
  }

  /** One benign item: an id, hash, digest, count or ordinary line that must pass untouched in every mode. */
  static Arbitrary<String> benignItem() {
    return Arbitraries.oneOf(
        traceId().map(t -> "trace_id=" + t),
        spanId().map(s -> "span_id=" + s),
        spanId(),
        traceId(),
        Combinators.combine(traceId(), hex(16)).as((t, s) -> "traceparent: 00-" + t + "-" + s + "-01"),
        runId(),
        hex(64).map(h -> "plan_hash=" + h),
        hex(40).map(h -> "commit " + h),
        uuid(),
        hex(64).map(h -> "registry.example.com/team/api@sha256:" + h),
        count().map(c -> "token_count=" + c),
        count().map(c -> "input_tokens: " + c),
        count(),
        Arbitraries.of("max_tokens: 4096", "secret_name: db", "public_key=ssh-ed25519", "monkey=banana",
            "{\"key\": \"ctrl+shift+down\"}", "password_expires_at=2026-01-01", "auth_method=oidc",
            "2025-09-20T10:22:31.123Z INFO [main] c.e.OrderService - order processed",
            "/var/log/app.log", "src/main/java/dev/runtrail/App.java", "exit_code=137 retries=2",
            "GET /api/v1/orders/12345 200 23ms", "credential.issued=true credential.scope=management.azure.com",
            "10:22:31,456 WARN o.a.k.c.NetworkClient - Connection to node 3 could not be established",
            "idempotency_key_hash=9f86d081884c7d659a2feaa0c55ad015", "policy_key: deploy.window",
            "hf_model=bert-base-uncased", "hf_hub_download", "dapi_version=2.1", "SG. Smith approved", "ya29",
            "ya29.", "MSG.send", "update data", "https://hooks.slack.com/", "https://hooks.slack.com/services/",
            "created_at=2025-09-20 task_id=42 error_code=E42", "api-gateway", "python3.11 -m pip",
            "shpat_count=3", "glsa_enabled=true", "pypi-upload v1.2.3", "dop_v1_enabled",
            "VAULT_SKIP_VERIFY=false vault.example.com:8200", "hvs", "hvs.enabled=true", "key-value", "key-rotation",
            "key-0123456789abcdef", "ATATT", "ATATT3 prefix", "dp.pt", "dp.st.example", "endpoint=/v1/health",
            "app.atlasv1.json", "org.atlasv1.config", "dckr_pat_count=2", "lin_api_version=2", "PMAK-docs",
            "AGE-SECRET-KEY-1...", "cd ~/app && make", "Q~ marks", "v1.2.3",
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0"
                + " Safari/537.36", "okhttp/4.12.0 MyApp/2.3.4.5", "version=1.2.3.4", "app_version: 2.14.0.1",
            "build=1.0.0.123", "AssemblyVersion(\"1.0.0.0\")", "pass=12 fail=0", "sig=SIGTERM",
            "signature_algorithm=RS256", "client-certificate-data: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCg==",
            "integrity sha512-z4PhNX7vuL3xVChQ1m2AB9Yg5AULVxXcg/SpIdNs6c5H0NE8XYXysP+DGNKHfuwvY7kxvUdBeoGlODJ6+SfaPg==",
            "startTimeUnixNano=1733300000123456789", "AccountSid=AC0123456789abcdef0123456789abcdef",
            "MessageSid SM0123456789abcdef0123456789abcdef", "SKU-12345", "OTLP exporter", "OTel SDK", "MDC keys",
            "NTP sync", "region us-east-1 en-us", "s.getConfigurationManager", "s.substring(0, 24)", "hvs.example.com",
            "logs.example.com", "hooks.slack.com/apps/A0F7XDUAZ", "NRAK-docs", "GOCSPX-short", "HRKU-docs", "password authentication failed for user \"app\"", "Password Reset", "PASSWORD REQUIRED", "By default",
            "mkdir -p /tmp/x", "docker run -p 8080:80 nginx", "ssh -p 2222 host", "mysql -u root -p app", "ls -a",
            "git log -p", "answer switch swap"),
        words());
  }

  static Arbitrary<String> benignText() {
    return Combinators.combine(benignItem().list().ofMinSize(1).ofMaxSize(5), separators())
        .as((items, sep) -> String.join(sep.isBlank() ? " " : sep, items));
  }
}
