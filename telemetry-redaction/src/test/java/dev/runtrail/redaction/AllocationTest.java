package dev.runtrail.redaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

class AllocationTest {
  private static final List<String> CLEAN = List.of(
      "2025-09-20T10:22:31.123Z INFO [main] c.e.OrderService - order 12345 processed in 23 ms",
      "level=info msg=\"request completed\" method=GET path=/api/v1/orders/12345 status=200 duration_ms=23",
      "trace_id=4bf92f3577b34da6a3ce929d0e0e4736 span_id=00f067aa0ba902b7 run_id=run-20250920-102231-3f2a9c",
      "{\"ts\":\"2025-09-20T10:22:31Z\",\"step\":\"main/deploy/api\",\"token_count\":532,\"secret_name\":\"db\"}",
      "Pulling registry.example.com/api@sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
      "public_key=ssh-ed25519 monkey=banana key: ctrl+shift+down /var/log/app.log git@github.com:org/r.git",
      "the quick brown fox jumps over the lazy dog, Bearer authentication, sk-learn, AKIA, eyJ, 4111",
      "aws configure set region us-east-1 && git config --global core.editor vim; info: config token expired");

  @Test
  void cleanStringsAllocateNothing() {
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    Redactor redactor = Redactor.of(TestRedactors.policy(PrivacyMode.STRICT).build());
    for (int warm = 0; warm < 20_000; warm++) {
      for (String line : CLEAN) {
        assertThat(redactor.redact(line)).isSameAs(line);
      }
    }
    String[] lines = CLEAN.toArray(new String[0]);
    long tid = Thread.currentThread().getId();
    long before = threads.getThreadAllocatedBytes(tid);
    int same = 0;
    for (int round = 0; round < 10_000; round++) {
      for (int i = 0; i < lines.length; i++) {
        same += redactor.redact(lines[i]) == lines[i] ? 1 : 0;
      }
    }
    long allocated = threads.getThreadAllocatedBytes(tid) - before;
    assertThat(same).isEqualTo(10_000 * CLEAN.size());
    assertThat(allocated).as("bytes allocated by %d clean redactions", same).isLessThan(4096);
  }
}
