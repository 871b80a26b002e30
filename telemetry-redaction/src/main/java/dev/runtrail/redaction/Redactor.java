package dev.runtrail.redaction;

import dev.runtrail.redaction.internal.JsonRedactor;
import dev.runtrail.redaction.internal.KeyClassifier;
import dev.runtrail.redaction.internal.KeyedValues;
import dev.runtrail.redaction.internal.Replacement;
import dev.runtrail.redaction.internal.RuleIds;
import dev.runtrail.redaction.internal.ScannerSettings;
import dev.runtrail.redaction.internal.StackTraceText;
import dev.runtrail.redaction.internal.TextScanner;
import dev.runtrail.redaction.internal.TreeRedactor;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.util.function.IntConsumer;

/**
 * Sanitize-first redaction: everything that leaves the process in telemetry passes through here first.
 * Secrets are replaced, never omitted ({@code [REDACTED]} or {@code <redacted:32chars>}), so structure
 * survives; ids that are ours (trace/span ids, traceparent, run ids, hashes, UUIDs, digests, counts) pass.
 * One pass per string with a cheap anchor prefilter; linear time on any input; a clean string comes back
 * as the same instance without allocating. Thread-safe and immutable.
 *
 * <pre>{@code
 * Redactor redactor = Redactor.defaults();
 * redactor.redact("curl -H 'Authorization: Bearer eyJhbGciOi...'");  // "... Bearer [REDACTED]'"
 * redactor.redact("client_secret", "s3cr3t");                        // "[REDACTED]"
 * redactor.redactJson("{\"password\":\"x\",\"trace_id\":\"4bf9...\"}"); // keys and ids kept
 * Redactor strict = Redactor.of(RedactionPolicy.builder().mode(PrivacyMode.STRICT).build(),
 *     rule -> maskedCounter.increment());
 * }</pre>
 */
public final class Redactor {
  private static final IntConsumer SILENT = rule -> { };

  private final RedactionPolicy policy;
  private final TextScanner scanner;
  private final KeyedValues keyedValues;
  private final TreeRedactor tree;
  private final JsonRedactor json;
  private final StackTraceText stackTraces;

  private Redactor(RedactionPolicy policy, RedactionListener listener) {
    this.policy = policy;
    ScannerSettings settings = settings(policy);
    IntConsumer onMatch = listener == null ? SILENT : rule -> notify(listener, rule);
    this.scanner = new TextScanner(settings, onMatch);
    this.keyedValues = new KeyedValues(scanner, settings, onMatch);
    this.tree = new TreeRedactor(keyedValues);
    this.json = new JsonRedactor(keyedValues);
    this.stackTraces = new StackTraceText(scanner);
  }

  /** BALANCED mode, {@code [REDACTED]}, home and user from the JVM's {@code user.home} and {@code user.name}. */
  public static Redactor defaults() {
    return DefaultHolder.DEFAULT;
  }

  public static Redactor of(RedactionPolicy policy) {
    return of(policy, null);
  }

  /**
   * @param listener told the rule name of each redaction; may be null. Must be cheap; whatever it throws
   *     is swallowed ({@link VirtualMachineError}s aside).
   */
  public static Redactor of(RedactionPolicy policy, RedactionListener listener) {
    if (policy == null) {
      throw new IllegalArgumentException("policy must not be null");
    }
    return new Redactor(policy, listener);
  }

  public RedactionPolicy policy() {
    return policy;
  }

  /** Free text through the value rules; returns {@code text} itself (no allocation) when nothing matched. */
  public String redact(String text) {
    return text == null ? null : scanner.redact(text);
  }

  /**
   * A value under a key: key rules first (a sensitive key replaces the whole value), else value rules
   * (card/address rules stay off values under id keys such as {@code span_id}). Null-safe.
   */
  public String redact(String key, String value) {
    if (value == null) {
      return null;
    }
    return keyedValues.redactUnder(key == null ? KeyClassifier.NONE : keyedValues.classifyCached(key), value);
  }

  /** True when values under {@code key} are replaced whole under this policy. */
  public boolean isSensitiveKey(String key) {
    return key != null && KeyedValues.masksWhole(keyedValues.classifyCached(key));
  }

  /**
   * Redacts a tree of {@code Map}s, {@code List}s/collections, arrays, strings, numbers, booleans and nulls.
   * Keys are kept (key rules apply at every depth and count the parent key as the dotted key would:
   * {@code {api: {key: ...}}} is {@code api.key}; under a sensitive key every scalar of a nested structure
   * is masked), values redacted; other objects go through {@code redact(String.valueOf(o))}. Returns the
   * same instance when nothing changed, otherwise copies ({@code LinkedHashMap}, {@code ArrayList}).
   */
  public Object redactTree(Object value) {
    try {
      return tree.redact(value);
    } catch (RuntimeException | StackOverflowError e) {
      return keyedValues.replacement().forValue("");
    }
  }

  /**
   * Structure-preserving JSON redaction: only the changed tokens are rewritten, so keys, nesting, order
   * and formatting survive. Invalid JSON is redacted as free text. Never throws.
   */
  public String redactJson(String json) {
    return this.json.redact(json);
  }

  /**
   * Streams one or more JSON documents from {@code in} to {@code out}, redacted as by
   * {@link #redactJson(String)}; if the input turns out not to be JSON, the rest is redacted as free text.
   * Neither stream is closed.
   *
   * @throws IOException only when reading {@code in} or writing {@code out} fails
   */
  public void redactJson(Reader in, Writer out) throws IOException {
    json.redact(in, out);
  }

  /** The stack trace text (class names, messages, causes, suppressed) with every message redacted. */
  public String redactThrowable(Throwable t) {
    return stackTraces.render(t);
  }

  @Override
  public String toString() {
    return "Redactor{" + policy + "}";
  }

  private static void notify(RedactionListener listener, int rule) {
    try {
      listener.redacted(RuleIds.name(rule));
    } catch (VirtualMachineError e) {
      throw e;
    } catch (Throwable ignored) {
      // A metrics hook must never break redaction or the caller.
    }
  }

  private static ScannerSettings settings(RedactionPolicy policy) {
    long enabled = 0;
    long enabledHigh = 0;
    for (RedactionRule rule : RuleCatalog.all()) {
      if (policy.isActive(rule)) {
        if (rule.id() < 64) {
          enabled |= 1L << rule.id();
        } else {
          enabledHigh |= 1L << (rule.id() - 64);
        }
      }
    }
    boolean strict = policy.mode() == PrivacyMode.STRICT;
    return new ScannerSettings(
        enabled,
        new Replacement(policy.maskText(), policy.format() == RedactionFormat.LENGTH_HINT),
        new KeyClassifier(policy.extraSensitiveKeys(), strict),
        strict,
        policy.homeDirectory(),
        policy.userName(),
        enabledHigh);
  }

  private static final class DefaultHolder {
    static final Redactor DEFAULT = of(RedactionPolicy.defaults());
  }
}
