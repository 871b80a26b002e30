package dev.runtrail.telemetry.core.internal.redact;

import dev.runtrail.redaction.RedactedThrowable;
import dev.runtrail.telemetry.core.internal.SelfMonitor;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.AttributeType;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.common.KeyValue;
import io.opentelemetry.api.common.Value;
import io.opentelemetry.api.logs.Severity;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.logs.data.Body;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.logs.export.LogRecordExporter;
import io.opentelemetry.sdk.resources.Resource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The logs twin of {@link RedactingSpanExporter}: redacts every log record on its way to the real
 * exporter — body (text or structured), attributes (exception message and stack trace included), severity
 * text and event name — whoever made the record (OpenTelemetry's Logback or Log4j2 appender, the app's own
 * {@code Logger}). Trace and span ids, timestamps and severity pass as they are. An {@code exception.type}
 * naming Runtrail's {@link RedactedThrowable} gets back the original class name its stack trace starts with.
 *
 * <p>When the redactor itself fails on a record, the record is still exported, redacted by fallback:
 * every text in it (body, string attributes, severity text, event name) becomes {@value #FALLBACK}; the
 * record is counted once in {@code runtrail.telemetry.dropped{where="log_redaction"}} (its content was
 * dropped, not the record) and the failure is reported once. Failed exports are counted as dropped
 * telemetry ({@code log_export}). Never throws.
 */
public final class RedactingLogRecordExporter implements LogRecordExporter {

  private static final AttributeKey<String> EXCEPTION_TYPE = AttributeKey.stringKey("exception.type");
  private static final AttributeKey<String> EXCEPTION_STACKTRACE = AttributeKey.stringKey("exception.stacktrace");
  private static final String TWIN = RedactedThrowable.class.getName();

  /** What every text of a record becomes when the redactor fails on it. */
  public static final String FALLBACK = "[REDACTED]";

  private final LogRecordExporter delegate;
  private final UnaryOperator<LogRecordData> redaction;
  private final SelfMonitor monitor;

  public RedactingLogRecordExporter(LogRecordExporter delegate, TelemetryRedactor redactor, SelfMonitor monitor) {
    this(delegate, log -> new RedactedLogRecordData(log, redactor::text, redactor::attributes, redactor::value),
        monitor);
  }

  /** With the redaction of one record given (tests give one that fails). */
  RedactingLogRecordExporter(LogRecordExporter delegate, UnaryOperator<LogRecordData> redaction, SelfMonitor monitor) {
    this.delegate = delegate;
    this.redaction = redaction;
    this.monitor = monitor;
  }

  @Override
  public CompletableResultCode export(Collection<LogRecordData> logs) {
    int count = logs.size();
    try {
      List<LogRecordData> redacted = new ArrayList<>(count);
      for (LogRecordData log : logs) {
        redacted.add(redact(log));
      }
      CompletableResultCode result = delegate.export(redacted);
      result.whenComplete(
          () -> {
            if (!result.isSuccess()) {
              monitor.dropped("log_export", count, "the log record exporter " + delegate + " failed"
                  + (result.getFailureThrowable() == null ? "" : ": " + result.getFailureThrowable().getMessage()));
            }
          });
      return result;
    } catch (RuntimeException | LinkageError e) {
      monitor.dropped("log_export", count, "the log record exporter threw " + e);
      return CompletableResultCode.ofFailure();
    }
  }

  private LogRecordData redact(LogRecordData log) {
    try {
      return redaction.apply(log);
    } catch (RuntimeException | StackOverflowError e) {
      monitor.dropped("log_redaction", 1, "the redactor failed on a log record (" + e.getClass().getName()
          + "); it was exported with every text replaced by " + FALLBACK);
      return new RedactedLogRecordData(log, text -> text == null ? null : FALLBACK,
          RedactingLogRecordExporter::maskAll, (key, value) -> FALLBACK);
    }
  }

  /** Every string (and string array) attribute replaced by {@link #FALLBACK}; numbers and booleans kept. */
  @SuppressWarnings("unchecked")
  static Attributes maskAll(Attributes attributes) {
    AttributesBuilder builder = Attributes.builder();
    attributes.forEach(
        (key, value) -> {
          AttributeKey<Object> k = (AttributeKey<Object>) key;
          if (key.getType() == AttributeType.STRING) {
            builder.put(k, FALLBACK);
          } else if (key.getType() == AttributeType.STRING_ARRAY) {
            builder.put(k, List.of(FALLBACK));
          } else {
            builder.put(k, value);
          }
        });
    return builder.build();
  }

  @Override
  public CompletableResultCode flush() {
    return RedactingSpanExporter.guarded(monitor, "log record exporter flush", delegate::flush);
  }

  @Override
  public CompletableResultCode shutdown() {
    return RedactingSpanExporter.guarded(monitor, "log record exporter shutdown", delegate::shutdown);
  }

  @Override
  public String toString() {
    return "RedactingLogRecordExporter{" + delegate + "}";
  }

  private interface TextRule {
    String apply(String text);
  }

  private interface AttributesRule {
    Attributes apply(Attributes attributes);
  }

  private interface KeyedRule {
    String apply(String key, String value);
  }

  /** A log record with its texts redacted, computed once; everything else delegated. */
  static final class RedactedLogRecordData implements LogRecordData {
    private final LogRecordData log;
    private final Value<?> body;
    private final Attributes attributes;
    private final String severityText;
    private final String eventName;

    RedactedLogRecordData(LogRecordData log, TextRule text, AttributesRule attrs, KeyedRule keyed) {
      this.log = log;
      this.body = redactValue(log.getBodyValue(), null, text, keyed);
      this.attributes = withOriginalExceptionType(attrs.apply(log.getAttributes()));
      this.severityText = text.apply(log.getSeverityText());
      this.eventName = text.apply(log.getEventName());
    }

    /**
     * Behind Runtrail's logging redaction (Logback's {@code RedactingAppender}, Log4j2's rewrite policy) a
     * throwable whose text held a secret reaches OpenTelemetry's appenders as a {@link RedactedThrowable},
     * and they name its class in {@code exception.type}. The twin prints the original's {@code toString()}
     * first, so the original class name heads {@code exception.stacktrace}: put it back where a backend
     * groups errors by type. Left as it is when the trace does not start with a class name (a throwable with
     * its own {@code toString()}).
     */
    static Attributes withOriginalExceptionType(Attributes attributes) {
      if (!TWIN.equals(attributes.get(EXCEPTION_TYPE))) {
        return attributes;
      }
      String original = leadingClassName(attributes.get(EXCEPTION_STACKTRACE));
      return original == null ? attributes : attributes.toBuilder().put(EXCEPTION_TYPE, original).build();
    }

    /** The Java class name a printed stack trace starts with ({@code a.b.C: message}), or null. */
    static String leadingClassName(String stackTrace) {
      if (stackTrace == null) {
        return null;
      }
      int end = 0;
      boolean partStart = true;
      while (end < stackTrace.length()) {
        char c = stackTrace.charAt(end);
        if (c == '.' && !partStart) {
          partStart = true;
        } else if (partStart ? Character.isJavaIdentifierStart(c) : Character.isJavaIdentifierPart(c)) {
          partStart = false;
        } else {
          break;
        }
        end++;
      }
      boolean endsTheHead = end == stackTrace.length() || stackTrace.charAt(end) == ':'
          || stackTrace.charAt(end) == '\n' || stackTrace.charAt(end) == '\r';
      return end == 0 || partStart || !endsTheHead ? null : stackTrace.substring(0, end);
    }

    /** Strings in a body: free text at the top and in arrays, by key inside a key-value list. */
    private static Value<?> redactValue(Value<?> value, String key, TextRule text, KeyedRule keyed) {
      if (value == null) {
        return null;
      }
      switch (value.getType()) {
        case STRING: {
          String original = (String) value.getValue();
          String clean = key == null ? text.apply(original) : keyed.apply(key, original);
          return clean == original ? value : Value.of(clean);
        }
        case ARRAY: {
          @SuppressWarnings("unchecked")
          List<Value<?>> items = (List<Value<?>>) value.getValue();
          List<Value<?>> out = new ArrayList<>(items.size());
          boolean changed = false;
          for (Value<?> item : items) {
            Value<?> clean = redactValue(item, key, text, keyed);
            changed |= clean != item;
            out.add(clean);
          }
          return changed ? Value.of(out) : value;
        }
        case KEY_VALUE_LIST: {
          @SuppressWarnings("unchecked")
          List<KeyValue> entries = (List<KeyValue>) value.getValue();
          KeyValue[] out = new KeyValue[entries.size()];
          boolean changed = false;
          for (int i = 0; i < out.length; i++) {
            KeyValue entry = entries.get(i);
            Value<?> clean = redactValue(entry.getValue(), entry.getKey(), text, keyed);
            changed |= clean != entry.getValue();
            out[i] = clean == entry.getValue() ? entry : KeyValue.of(entry.getKey(), clean);
          }
          return changed ? Value.of(out) : value;
        }
        default:
          return value;
      }
    }

    @Override
    public Resource getResource() {
      return log.getResource();
    }

    @Override
    public InstrumentationScopeInfo getInstrumentationScopeInfo() {
      return log.getInstrumentationScopeInfo();
    }

    @Override
    public long getTimestampEpochNanos() {
      return log.getTimestampEpochNanos();
    }

    @Override
    public long getObservedTimestampEpochNanos() {
      return log.getObservedTimestampEpochNanos();
    }

    @Override
    public SpanContext getSpanContext() {
      return log.getSpanContext();
    }

    @Override
    public Severity getSeverity() {
      return log.getSeverity();
    }

    @Override
    public String getSeverityText() {
      return severityText;
    }

    @Override
    @SuppressWarnings("deprecation")
    public Body getBody() {
      if (body == null) {
        return Body.empty();
      }
      return Body.string(body.asString());
    }

    @Override
    public Value<?> getBodyValue() {
      return body;
    }

    @Override
    public Attributes getAttributes() {
      return attributes;
    }

    @Override
    public int getTotalAttributeCount() {
      return log.getTotalAttributeCount();
    }

    @Override
    public String getEventName() {
      return eventName;
    }
  }
}
