package dev.runtrail.telemetry.core.internal.redact;

import dev.runtrail.redaction.Redactor;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.AttributeType;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The one place where telemetry values meet the redaction engine. Every path out of the process
 * (span names, attributes and events, exception text, stderr tails, trail data, MDC values, log lines,
 * metric tags, artifacts) calls one of these methods.
 *
 * <p>Short values recur: run names, envs, targets, runners, branches, step paths, attribute values —
 * each run and each span (again in the exporter's backstop) passes the same few through here. Those of
 * at most {@value #MEMO_MAX_LENGTH} characters that the engine returned unchanged are remembered in a
 * small direct-mapped table and not scanned again. The engine is a pure function of its input under one
 * policy, so a remembered value is one it would pass again; anything it changes is never remembered,
 * so every redaction still goes through the engine (and its listener, which counts them).
 */
public final class TelemetryRedactor {

  static final int MEMO_MAX_LENGTH = 64;
  private static final int MEMO_SLOTS = 4096; // a power of two
  /** The key under which free text ({@link #text}) is remembered. */
  private static final String NO_KEY = "";

  private final Redactor redactor;
  /** Recently seen clean (key, value) pairs; a slot is overwritten on collision. Racy by design: entries are immutable. */
  private final Clean[] clean = new Clean[MEMO_SLOTS];

  public TelemetryRedactor(Redactor redactor) {
    this.redactor = redactor;
  }

  /** A value the engine returned unchanged under a key ({@link #NO_KEY} for free text). */
  private static final class Clean {
    final String key;
    final String value;

    Clean(String key, String value) {
      this.key = key;
      this.value = value;
    }
  }

  private static int slot(String key, String value) {
    int h = 31 * key.hashCode() + value.hashCode();
    return (h ^ (h >>> 16)) & (MEMO_SLOTS - 1);
  }

  private boolean knownClean(int slot, String key, String value) {
    Clean entry = clean[slot];
    return entry != null && entry.value.equals(value) && entry.key.equals(key);
  }

  public Redactor engine() {
    return redactor;
  }

  /** Free text (span names, messages, stderr). Null stays null. */
  public String text(String text) {
    if (text == null || text.length() > MEMO_MAX_LENGTH) {
      return text == null ? null : redactor.redact(text);
    }
    int slot = slot(NO_KEY, text);
    if (knownClean(slot, NO_KEY, text)) {
      return text;
    }
    String out = redactor.redact(text);
    if (out == text) {
      clean[slot] = new Clean(NO_KEY, text);
    }
    return out;
  }

  /** A value under a key: the key rules decide first. */
  public String value(String key, String value) {
    if (value == null || key == null || value.length() > MEMO_MAX_LENGTH) {
      return value == null ? null : redactor.redact(key, value);
    }
    int slot = slot(key, value);
    if (knownClean(slot, key, value)) {
      return value;
    }
    String out = redactor.redact(key, value);
    if (out == value) {
      clean[slot] = new Clean(key, value);
    }
    return out;
  }

  /** Trail event data and other nested maps; keys kept, values redacted. */
  @SuppressWarnings("unchecked")
  public Map<String, Object> data(Map<String, ?> data) {
    if (data == null) {
      return Map.of();
    }
    return (Map<String, Object>) redactor.redactTree(data);
  }

  /** A throwable's stack trace text, with messages redacted. */
  public String throwable(Throwable throwable) {
    return redactor.redactThrowable(throwable);
  }

  /** A JSON document with its structure kept. */
  public String json(String json) {
    return redactor.redactJson(json);
  }

  /** One attribute value, redacted under its key when it is a string or string array. */
  @SuppressWarnings("unchecked")
  public <T> T attributeValue(AttributeKey<T> key, T value) {
    if (value == null) {
      return null;
    }
    if (key.getType() == AttributeType.STRING) {
      return (T) value(key.getKey(), (String) value);
    }
    if (key.getType() == AttributeType.STRING_ARRAY) {
      List<String> values = (List<String>) value;
      List<String> redacted = null;
      for (int i = 0; i < values.size(); i++) {
        String original = values.get(i);
        String clean = value(key.getKey(), original);
        if (clean != original && redacted == null) {
          redacted = new ArrayList<>(values.subList(0, i));
        }
        if (redacted != null) {
          redacted.add(clean);
        }
      }
      return redacted == null ? value : (T) redacted;
    }
    return value;
  }

  /** All attributes, redacted; the same instance when nothing changed. */
  public Attributes attributes(Attributes attributes) {
    if (attributes.isEmpty()) {
      return attributes;
    }
    AttributesBuilder[] builder = {null};
    attributes.forEach(
        (key, value) -> {
          @SuppressWarnings("unchecked")
          AttributeKey<Object> k = (AttributeKey<Object>) key;
          Object clean = attributeValue(k, value);
          if (clean != value && builder[0] == null) {
            builder[0] = attributes.toBuilder();
          }
          if (builder[0] != null && clean != value) {
            builder[0].put(k, clean);
          }
        });
    return builder[0] == null ? attributes : builder[0].build();
  }
}
