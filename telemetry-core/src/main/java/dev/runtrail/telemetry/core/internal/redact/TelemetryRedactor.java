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
 */
public final class TelemetryRedactor {

  private final Redactor redactor;

  public TelemetryRedactor(Redactor redactor) {
    this.redactor = redactor;
  }

  public Redactor engine() {
    return redactor;
  }

  /** Free text (span names, messages, stderr). Null stays null. */
  public String text(String text) {
    return text == null ? null : redactor.redact(text);
  }

  /** A value under a key: the key rules decide first. */
  public String value(String key, String value) {
    return value == null ? null : redactor.redact(key, value);
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
