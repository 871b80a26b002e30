package dev.runtrail.logging.logback;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.encoder.EncoderBase;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.runtrail.redaction.Redactor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.event.KeyValuePair;

/**
 * Structured run logs (seed 002 §6.2): one JSON object per line with {@code timestamp} (ISO-8601 UTC,
 * milliseconds), {@code level}, {@code component}, {@code message}, the run's {@code runId},
 * {@code planId}, {@code planVersion}, {@code tenantId}, {@code environmentId} and {@code adapter},
 * {@code trace_id}, {@code span_id}, {@code context} (the other MDC entries and key-value pairs),
 * {@code metrics} (key-value pairs with a number value) and {@code exception} (the stack trace text).
 * A field with no value is left out, never written as null.
 *
 * <pre>{@code
 * <appender name="RUNLOG" class="ch.qos.logback.core.FileAppender">
 *   <file>run.log.jsonl</file>
 *   <encoder class="dev.runtrail.logging.logback.RunLogJsonEncoder">
 *     <component>engine</component>   <!-- optional; the logger name otherwise -->
 *   </encoder>
 * </appender>
 * }</pre>
 *
 * <p>Run fields come from the event's MDC first, which Logback snapshots when the line is logged (so an
 * {@code AsyncAppender} still gets them): Runtrail sets {@code run_id}, {@code plan_id},
 * {@code plan_version}, {@code trace_id} and {@code span_id} while a run or step is current;
 * {@code tenantId}, ... (or {@code tenant_id}, ...) the app may set itself, and a key in the seed's
 * spelling ({@code planId}) wins over Runtrail's. Missing ones are read from the span current on the
 * encoding thread when OpenTelemetry's SDK is on the class path ({@code runtrail.tenant.id},
 * {@code deployment.environment.name}, ...).
 *
 * <p>Safe behind a {@link RedactingAppender} or alone: the encoder passes each event through the redactor
 * itself (an already redacted event comes out unchanged), and the span's values and the stack trace text
 * too. A line whose redaction fails is written with its content withheld ({@link LogEventRedactor#WITHHELD}).
 */
public class RunLogJsonEncoder extends EncoderBase<ILoggingEvent> {
  private static final JsonFactory JSON = JsonFactory.builder().build();
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
  /** Each run field and the MDC keys it is read from, first match wins. */
  private static final String[][] RUN_FIELDS = {
      {"runId", "runId", "run_id"}, {"planId", "planId", "plan_id"},
      {"planVersion", "planVersion", "plan_version"}, {"tenantId", "tenantId", "tenant_id"},
      {"environmentId", "environmentId", "environment_id"}, {"adapter", "adapter", "adapter"}};
  private static final Set<String> PROMOTED = Set.of("runId", "run_id", "planId", "plan_id", "planVersion",
      "plan_version", "tenantId", "tenant_id", "environmentId", "environment_id", "adapter", "trace_id",
      "span_id", "trace_flags");

  private volatile String component;
  private volatile Redactor redactor = Redactor.defaults();
  private volatile LogEventRedactor eventRedactor = new LogEventRedactor(redactor);

  /** A fixed {@code component} for every line, e.g. {@code engine}; by default the logger name. */
  public void setComponent(String component) {
    this.component = component == null || component.isBlank() ? null : component.trim();
  }

  /**
   * Replaces the default redactor (BALANCED mode).
   *
   * @throws IllegalArgumentException when {@code redactor} is null
   */
  public void setRedactor(Redactor redactor) {
    this.eventRedactor = new LogEventRedactor(redactor);
    this.redactor = redactor;
  }

  /** How many lines could not be redacted and were written with their content withheld. */
  public long redactionFailures() {
    return eventRedactor.failures();
  }

  @Override
  public byte[] headerBytes() {
    return null;
  }

  @Override
  public byte[] footerBytes() {
    return null;
  }

  /** The event as one redacted JSON line ending in {@code \n}. Never throws. */
  @Override
  public byte[] encode(ILoggingEvent event) {
    ILoggingEvent redacted = eventRedactor.redact(event);
    try {
      return line(redacted);
    } catch (IOException | RuntimeException e) {
      addError("Runtrail could not write a run log line; written with its content withheld", e);
      try {
        return line(LogEventRedactor.withheld(event));
      } catch (IOException | RuntimeException again) {
        return new byte[0];
      }
    }
  }

  private byte[] line(ILoggingEvent event) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    Map<String, String> mdc = event.getMDCPropertyMap();
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.writeStartObject();
      json.writeStringField("timestamp", TIMESTAMP.format(event.getInstant()));
      json.writeStringField("level", event.getLevel().toString());
      String fixed = component;
      field(json, "component", fixed != null ? fixed : event.getLoggerName());
      field(json, "message", event.getFormattedMessage());
      for (String[] names : RUN_FIELDS) {
        field(json, names[0], runField(mdc, names));
      }
      String[] ids = ids(mdc);
      if (ids != null) {
        field(json, "trace_id", ids[0]);
        field(json, "span_id", ids[1]);
      }
      List<KeyValuePair> keyValues = event.getKeyValuePairs();
      context(json, mdc, keyValues);
      metrics(json, keyValues);
      IThrowableProxy throwable = event.getThrowableProxy();
      if (throwable != null) {
        field(json, "exception", redactor.redact(ThrowableProxyUtil.asString(throwable)));
      }
      json.writeEndObject();
    }
    out.write('\n');
    return out.toByteArray();
  }

  private String runField(Map<String, String> mdc, String[] names) {
    String value = mdc == null ? null : first(mdc.get(names[1]), mdc.get(names[2]));
    if (value == null && CurrentSpan.AVAILABLE) {
      String fromSpan = CurrentSpan.attribute(names[0]);
      value = fromSpan == null ? null : redactor.redact(names[0], fromSpan);
    }
    return value;
  }

  private static String[] ids(Map<String, String> mdc) {
    String traceId = mdc == null ? null : mdc.get("trace_id");
    if (traceId != null) {
      return new String[] {traceId, mdc.get("span_id")};
    }
    return CurrentSpan.AVAILABLE ? CurrentSpan.ids() : null;
  }

  private static void context(JsonGenerator json, Map<String, String> mdc, List<KeyValuePair> keyValues)
      throws IOException {
    boolean open = false;
    if (mdc != null) {
      for (Map.Entry<String, String> entry : mdc.entrySet()) {
        if (entry.getValue() != null && !PROMOTED.contains(entry.getKey())) {
          open = open(json, "context", open);
          json.writeStringField(entry.getKey(), entry.getValue());
        }
      }
    }
    if (keyValues != null) {
      for (KeyValuePair pair : keyValues) {
        if (pair.value != null && !(pair.value instanceof Number)) {
          open = open(json, "context", open);
          json.writeStringField(pair.key, pair.value.toString());
        }
      }
    }
    if (open) {
      json.writeEndObject();
    }
  }

  /** Key-value pairs whose value is still a number after redaction (a redacted one became a string). */
  private static void metrics(JsonGenerator json, List<KeyValuePair> keyValues) throws IOException {
    if (keyValues == null) {
      return;
    }
    boolean open = false;
    for (KeyValuePair pair : keyValues) {
      if (pair.value instanceof Number number) {
        open = open(json, "metrics", open);
        json.writeFieldName(pair.key);
        number(json, number);
      }
    }
    if (open) {
      json.writeEndObject();
    }
  }

  private static void number(JsonGenerator json, Number number) throws IOException {
    if (number instanceof Long || number instanceof Integer || number instanceof Short
        || number instanceof Byte) {
      json.writeNumber(number.longValue());
    } else if (number instanceof BigDecimal decimal) {
      json.writeNumber(decimal);
    } else if (number instanceof BigInteger integer) {
      json.writeNumber(integer);
    } else if (Double.isFinite(number.doubleValue())) {
      json.writeNumber(number.doubleValue());
    } else {
      json.writeString(number.toString()); // NaN and infinities are not JSON numbers
    }
  }

  private static boolean open(JsonGenerator json, String name, boolean open) throws IOException {
    if (!open) {
      json.writeObjectFieldStart(name);
    }
    return true;
  }

  private static void field(JsonGenerator json, String name, String value) throws IOException {
    if (value != null && !value.isEmpty()) {
      json.writeStringField(name, value);
    }
  }

  private static String first(String a, String b) {
    return a != null ? a : b;
  }
}
