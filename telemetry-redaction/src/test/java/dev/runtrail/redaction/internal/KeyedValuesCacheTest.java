package dev.runtrail.redaction.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The bounded key table in {@link KeyedValues} must give exactly the answers of classifying and scanning anew. */
class KeyedValuesCacheTest {
  private static final List<String> KEYS = List.of(
      "tool", "command", "exit_code", "stdout", "timeout_s", "password", "clientSecret", "x-api-key", "token_count",
      "secret_name", "span_id", "traceId", "email", "user_name", "clientIp", "password_hash", "customer_id",
      "stripe_customer_id", "tenant_id", "ghp_R8f2kLq9ZpX4vT7mN1bC6yD3sH5jW0aE8uIo", "alice@example.com",
      "/home/alice/notes", "AKIAIOSFODNN7EXAMPLE", "", "-", "Authorization", "set-cookie");

  @Test
  void cachedClassificationAgreesWithTheClassifierColdAndWarm() {
    for (boolean strict : new boolean[] {false, true}) {
      KeyedValues cached = keyedValues(strict, new AtomicInteger());
      KeyedValues fresh = keyedValues(strict, new AtomicInteger());
      for (int round = 0; round < 3; round++) {
        for (String key : KEYS) {
          assertThat(cached.classifyCached(key)).as("%s (strict=%s)", key, strict).isEqualTo(fresh.classify(key));
        }
      }
    }
  }

  @Property(tries = 300)
  void cachedAnswersAgreeForAnyKey(@ForAll("keys") List<String> keys) {
    KeyedValues cached = keyedValues(true, new AtomicInteger());
    KeyedValues fresh = keyedValues(true, new AtomicInteger());
    for (int round = 0; round < 2; round++) {
      for (String key : keys) {
        assertThat(cached.classifyCached(key)).as(key).isEqualTo(fresh.classify(key));
        assertThat(cached.redactKey(key)).as(key).isEqualTo(fresh.scanner().redact(key));
        int known = cached.knownCleanKeyClass(key);
        assertThat(known).as(key).isIn(-1, fresh.classify(key));
      }
    }
  }

  @Test
  void aKeyThatIsItselfASecretIsRedactedAndReportedEveryTime() {
    AtomicInteger reports = new AtomicInteger();
    KeyedValues values = keyedValues(false, reports);
    String key = "ghp_R8f2kLq9ZpX4vT7mN1bC6yD3sH5jW0aE8uIo";
    for (int round = 1; round <= 3; round++) {
      assertThat(values.redactKey(key)).isEqualTo("[REDACTED]");
      assertThat(reports.get()).isEqualTo(round);
    }
    assertThat(values.knownCleanKeyClass(key)).isEqualTo(-1);
  }

  @Test
  void aCleanKeyComesBackAsItselfAndIsRemembered() {
    KeyedValues values = keyedValues(false, new AtomicInteger());
    String key = "exit_code";
    assertThat(values.knownCleanKeyClass(key)).isEqualTo(-1);
    assertThat(values.redactKey(key)).isSameAs(key);
    assertThat(values.knownCleanKeyClass(key)).isEqualTo(KeyClassifier.NONE);
    assertThat(values.redactKey("api_key")).isSameAs("api_key");
    assertThat(values.knownCleanKeyClass("api_key")).isEqualTo(KeyClassifier.SECRET);
  }

  @Test
  void concurrentCallersAlwaysGetTheUncachedAnswer() throws Exception {
    KeyedValues shared = keyedValues(true, new AtomicInteger());
    KeyedValues oracle = keyedValues(true, new AtomicInteger());
    List<String> pool = new ArrayList<>(KEYS);
    for (int i = 0; i < 3 * KnownKeys.SLOTS; i++) {
      pool.add(KEYS.get(i % KEYS.size()) + "_" + i); // more keys than slots: entries are evicted while read
    }
    int[] classes = new int[pool.size()];
    String[] redacted = new String[pool.size()];
    for (int i = 0; i < pool.size(); i++) {
      classes[i] = oracle.classify(pool.get(i));
      redacted[i] = oracle.scanner().redact(pool.get(i));
    }
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      List<Future<Integer>> results = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int seed = t;
        results.add(threads.submit(() -> {
          int wrong = 0;
          for (int n = 0; n < 200_000; n++) {
            int i = Math.floorMod(n * 7919 + seed * 104_729, pool.size());
            String key = pool.get(i);
            wrong += shared.classifyCached(key) == classes[i] ? 0 : 1;
            wrong += shared.redactKey(key).equals(redacted[i]) ? 0 : 1;
            int known = shared.knownCleanKeyClass(key);
            wrong += known == -1 || known == classes[i] ? 0 : 1;
          }
          return wrong;
        }));
      }
      for (Future<Integer> result : results) {
        assertThat(result.get()).isZero();
      }
    } finally {
      threads.shutdownNow();
    }
  }

  @Property(tries = 500)
  void aKeyUnderAParentIsJudgedLikeTheirDottedJoin(@ForAll("nestedKeys") String parent, @ForAll("nestedKeys") String child) {
    for (boolean strict : new boolean[] {false, true}) {
      KeyedValues cached = keyedValues(strict, new AtomicInteger());
      KeyedValues fresh = keyedValues(strict, new AtomicInteger());
      boolean parentSecret = fresh.classify(parent) == KeyClassifier.SECRET;
      for (int round = 0; round < 2; round++) {
        boolean nestedSecret = parentSecret || cached.classifyUnder(parent, child) == KeyClassifier.SECRET;
        assertThat(nestedSecret).as("%s under %s (strict=%s)", child, parent, strict)
            .isEqualTo(parentSecret || fresh.classify(parent + "." + child) == KeyClassifier.SECRET);
      }
      assertThat(cached.classifyUnder(null, child)).as(child).isEqualTo(fresh.classify(child));
    }
  }

  @Provide
  Arbitrary<String> nestedKeys() {
    Arbitrary<String> word = Arbitraries.of("api", "API", "key", "Key", "KEY", "private", "public", "pass", "pw", "db",
        "stripe", "customer", "id", "hash", "b64", "card", "number", "access", "signature", "sort", "secret", "tenant",
        "id", "x", "payment", "reference", "session", "ssh", "name", "user", "");
    Arbitrary<String> separator = Arbitraries.of("", "_", "-", ".", ":");
    return word.list().ofMinSize(1).ofMaxSize(3).flatMap(words -> separator.map(sep -> String.join(sep, words)));
  }

  @Provide
  Arbitrary<List<String>> keys() {
    Arbitrary<String> word = Arbitraries.of("api", "key", "Key", "token", "count", "secret", "name", "id", "Id",
        "password", "hash", "user", "email", "ip", "tool", "x", "ghp", "R8f2kLq9ZpX4vT7mN1bC6yD3sH5jW0aE8uIo", "home");
    Arbitrary<String> separator = Arbitraries.of("", "_", "-", ".", "/", "@", ":", "=");
    Arbitrary<String> key = word.list().ofMinSize(1).ofMaxSize(4)
        .flatMap(words -> separator.map(sep -> String.join(sep, words)));
    return key.list().ofMinSize(1).ofMaxSize(20);
  }

  private static KeyedValues keyedValues(boolean strict, AtomicInteger reports) {
    ScannerSettings settings = new ScannerSettings(-1L, new Replacement(Replacement.DEFAULT_MASK, false),
        new KeyClassifier(List.of("tenant_id"), strict), strict, "/home/alice", "alice");
    TextScanner scanner = new TextScanner(settings, rule -> reports.incrementAndGet());
    return new KeyedValues(scanner, settings, rule -> reports.incrementAndGet());
  }
}
