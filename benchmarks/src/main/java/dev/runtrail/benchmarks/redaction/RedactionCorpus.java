package dev.runtrail.benchmarks.redaction;

import dev.runtrail.redaction.PrivacyMode;
import dev.runtrail.redaction.RedactionRule;
import dev.runtrail.redaction.RuleCatalog;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Deterministic benchmark inputs: realistic log lines (timestamps, levels, logger names, logfmt pairs,
 * trace/span/run ids, digests, stack frames, access logs, JSON log lines) and JSON trail events, clean or
 * with a given share of lines carrying a secret from the rule catalog.
 */
public final class RedactionCorpus {
  private static final String[] LINES = {
    "%s INFO  [main] c.e.deploy.OrderService - order %d processed in %d ms trace_id=%s span_id=%s",
    "level=info msg=\"request completed\" method=GET path=/api/v1/orders/%d status=200 duration_ms=%d run_id=%s",
    "%s WARN  o.a.k.c.NetworkClient - [Consumer clientId=consumer-1, groupId=billing] Connection to node %d"
        + " could not be established. Broker may not be available.",
    "{\"ts\":\"%s\",\"level\":\"debug\",\"logger\":\"deploy.step\",\"step\":\"main/deploy/api\",\"attempt\":%d,"
        + "\"exit_code\":0,\"plan_hash\":\"%s\",\"tokens\":%d}",
    "Pulling image registry.example.com/team/api@sha256:%s for step build (commit %s) took %d.%ds",
    "\tat com.example.deploy.StepRunner.run(StepRunner.java:%d)",
    "10.0.%d.%d - - [20/Sep/2025:10:22:31 +0000] \"GET /api/v1/orders/%d HTTP/1.1\" 200 %d \"-\" \"curl/8.5.0\"",
    "tool_call kubectl apply -f k8s/api/ exit_code=0 tokens_in=%d tokens_out=%d traceparent=00-%s-%s-01",
    "Retrying step main/verify/healthz after exit code 137 (attempt %d of %d); the rollout is still progressing",
    "%s DEBUG [pool-3-thread-%d] d.r.t.TrailSink - appended event seq=%d type=tool_result size=%d bytes",
  };
  private static final String[] MESSAGE_WORDS = (
      "connection to node could not be established broker may not be available retrying step after exit code the"
          + " rollout is still progressing deployment finished applied resources in namespace waiting for pods to"
          + " become ready health check failed timeout exceeded consumer group rebalanced partition assigned"
          + " request completed cache warmed plan resolved target environment production staging worker started"
          + " queue depth increased budget warning tool call result returned human input requested pipeline"
          + " triggered pull request opened merged").split(" ");
  private static final List<RedactionRule> SECRETS = RuleCatalog.activeIn(PrivacyMode.BALANCED);

  private final List<String> items;
  private final long bytes;

  private RedactionCorpus(List<String> items) {
    this.items = List.copyOf(items);
    long total = 0;
    for (String item : items) {
      total += item.getBytes(StandardCharsets.UTF_8).length;
    }
    this.bytes = total;
  }

  /** {@code count} log lines; {@code dirtyPercent} of them carry one secret. */
  public static RedactionCorpus logLines(int count, int dirtyPercent, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    List<String> lines = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      String line = line(rnd, LINES[rnd.nextInt(LINES.length)]);
      lines.add(rnd.nextInt(100) < dirtyPercent ? withSecret(rnd, line) : line);
    }
    return new RedactionCorpus(lines);
  }

  /**
   * {@code count} plain log messages, the text part of a log line without timestamps, ids or key=value pairs
   * ("Connection to node 3 could not be established. Broker may not be available."): the best case for
   * the anchor prefilter, shown beside the realistic lines.
   */
  public static RedactionCorpus messages(int count, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    List<String> lines = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      StringBuilder line = new StringBuilder();
      int words = 12 + rnd.nextInt(16);
      for (int w = 0; w < words; w++) {
        line.append(w == 0 ? "" : " ").append(rnd.nextInt(12) == 0 ? String.valueOf(rnd.nextInt(1000))
            : MESSAGE_WORDS[rnd.nextInt(MESSAGE_WORDS.length)]);
      }
      lines.add(line.append('.').toString());
    }
    return new RedactionCorpus(lines);
  }

  /** {@code count} JSON trail events; {@code dirtyPercent} of them carry secrets. */
  public static RedactionCorpus jsonEvents(int count, int dirtyPercent, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    List<String> docs = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      boolean dirty = rnd.nextInt(100) < dirtyPercent;
      docs.add(event(rnd, dirty));
    }
    return new RedactionCorpus(docs);
  }

  public List<String> items() {
    return items;
  }

  /** UTF-8 bytes of all items. */
  public long bytes() {
    return bytes;
  }

  private static String line(SplittableRandom rnd, String template) {
    StringBuilder out = new StringBuilder(template.length() + 64);
    int i = 0;
    while (i < template.length()) {
      char c = template.charAt(i);
      if (c == '%' && i + 1 < template.length()) {
        String before = template.substring(Math.max(0, i - 12), i);
        out.append(template.charAt(i + 1) == 'd' ? String.valueOf(rnd.nextInt(100_000)) : filler(rnd, before));
        i += 2;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  /** A string slot, shaped by the text just before it: ids, hashes, digests or a timestamp. */
  private static String filler(SplittableRandom rnd, String before) {
    if (before.endsWith("run_id=")) {
      return String.format(Locale.ROOT, "run-202509%02d-%06d-%s", 1 + rnd.nextInt(28), rnd.nextInt(235959), hex(rnd, 6));
    }
    if (before.endsWith("span_id=") || before.endsWith("-") && !before.endsWith("00-")) {
      return hex(rnd, 16);
    }
    if (before.endsWith("trace_id=") || before.endsWith("00-")) {
      return hex(rnd, 32);
    }
    if (before.endsWith("sha256:") || before.endsWith("hash\":\"")) {
      return hex(rnd, 64);
    }
    if (before.endsWith("commit ")) {
      return hex(rnd, 40);
    }
    return String.format(Locale.ROOT, "2025-09-%02dT%02d:%02d:%02d.%03dZ", 1 + rnd.nextInt(28), rnd.nextInt(24),
        rnd.nextInt(60), rnd.nextInt(60), rnd.nextInt(1000));
  }

  private static String withSecret(SplittableRandom rnd, String line) {
    RedactionRule rule = SECRETS.get(rnd.nextInt(SECRETS.size()));
    String secret = rule.exampleSecret(rnd).replace('\n', ' ');
    int cut = line.lastIndexOf(' ');
    return cut < 0 ? line + " " + secret : line.substring(0, cut) + " " + secret + line.substring(cut);
  }

  private static String event(SplittableRandom rnd, boolean dirty) {
    String secret = dirty ? SECRETS.get(rnd.nextInt(SECRETS.size())).exampleSecret(rnd).replace("\n", "\\n")
        .replace("\"", "\\\"") : "kubectl apply -f k8s/api/";
    return "{\"seq\":" + rnd.nextInt(1_000_000) + ",\"type\":\"tool_call\",\"run_id\":\"run-20250920-102231-"
        + hex(rnd, 6) + "\",\"trace_id\":\"" + hex(rnd, 32) + "\",\"span_id\":\"" + hex(rnd, 16) + "\","
        + "\"data\":{\"tool\":\"kubectl\",\"args\":{\"path\":\"main.tf\",\"cmd\":\"" + secret + "\"},"
        + "\"tokens\":{\"input\":" + rnd.nextInt(5000) + ",\"output\":" + rnd.nextInt(2000) + "},"
        + "\"api_key\":" + (dirty ? "\"" + hex(rnd, 24) + "\"" : "null") + ",\"ok\":true,"
        + "\"plan_hash\":\"" + hex(rnd, 64) + "\",\"message\":\"applied 3 resources in "
        + rnd.nextInt(90) + "s; rollout status ok\"}}";
  }

  private static String hex(SplittableRandom rnd, int length) {
    StringBuilder sb = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      sb.append("0123456789abcdef".charAt(rnd.nextInt(16)));
    }
    return sb.toString();
  }
}
