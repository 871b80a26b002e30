package dev.runtrail.telemetry.core.trail;

import dev.runtrail.telemetry.core.internal.context.MdcKeys;
import dev.runtrail.telemetry.trail.TrailEvent;
import dev.runtrail.telemetry.trail.TrailSink;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * Writes each event as one structured SLF4J line at INFO on the logger {@value #LOGGER_NAME} (route or
 * silence it in your logging config): message {@code action_trail:<type>}, the key-value pairs
 * {@code seq}, {@code type}, {@code session_id} (when the run has one), {@code step} and {@code data}
 * (the event's data as JSON text), and the MDC keys {@code run_id}, {@code correlation_id},
 * {@code trace_id} and {@code span_id} set for the line, so pattern layouts ({@code %X{trace_id}}) and
 * JSON encoders show the ids as they do on the app's own lines.
 *
 * <p>Each field is written once: the ids are in the MDC only, not repeated as key-value pairs, so an
 * encoder that puts both at the top level of a JSON object (logstash-logback-encoder does) writes no
 * duplicate keys, which Elasticsearch and strict JSON parsers reject. {@code data} is a
 * {@link CharSequence}: JSON encoders that serialize key-value pairs with Jackson databind write it as a
 * string, as pattern layouts and Logback's {@code JsonEncoder} do, rather than as an empty object.
 */
public final class Slf4jTrailSink implements TrailSink {

  /** The dedicated logger name. */
  public static final String LOGGER_NAME = "runtrail.trail";

  private final Logger logger;

  public Slf4jTrailSink() {
    this(LoggerFactory.getLogger(LOGGER_NAME));
  }

  /** Logs to the given logger instead of {@value #LOGGER_NAME}. */
  public Slf4jTrailSink(Logger logger) {
    this.logger = logger;
  }

  @Override
  public String name() {
    return "log";
  }

  @Override
  public void accept(TrailEvent event) {
    if (!logger.isInfoEnabled()) {
      return;
    }
    // Only these four keys change: keep and restore them alone rather than copying the whole MDC twice.
    String previousRunId = MDC.get(MdcKeys.RUN_ID);
    String previousCorrelationId = MDC.get(MdcKeys.CORRELATION_ID);
    String previousTraceId = MDC.get(MdcKeys.TRACE_ID);
    String previousSpanId = MDC.get(MdcKeys.SPAN_ID);
    try {
      putOrRemove(MdcKeys.RUN_ID, event.runId());
      putOrRemove(MdcKeys.CORRELATION_ID, event.correlationId());
      putOrRemove(MdcKeys.TRACE_ID, event.traceId());
      putOrRemove(MdcKeys.SPAN_ID, event.spanId());
      LoggingEventBuilder line = logger.atInfo()
          .setMessage("action_trail:" + event.type())
          .addKeyValue("seq", event.sequence())
          .addKeyValue("type", event.type());
      if (event.sessionId() != null) {
        line.addKeyValue("session_id", event.sessionId());
      }
      if (event.step() != null) {
        line.addKeyValue("step", event.step());
      }
      line.addKeyValue("data", (Object) new JsonText(event.data())).log();
    } finally {
      putOrRemove(MdcKeys.RUN_ID, previousRunId);
      putOrRemove(MdcKeys.CORRELATION_ID, previousCorrelationId);
      putOrRemove(MdcKeys.TRACE_ID, previousTraceId);
      putOrRemove(MdcKeys.SPAN_ID, previousSpanId);
    }
  }

  private static void putOrRemove(String key, String value) {
    if (value == null) {
      MDC.remove(key);
    } else {
      MDC.put(key, value);
    }
  }

  /**
   * Renders the data as JSON only when a layout asks for it, and only once however many appenders and
   * encoders ask (an async appender and a JSON encoder each read it, for example). A CharSequence, so
   * serializers that treat text as text (Jackson databind's) write the JSON as a string.
   */
  static final class JsonText implements CharSequence {
    private final Map<String, Object> data;
    private String json; // racy single-check: a String is safely published, at worst rendered twice

    JsonText(Map<String, Object> data) {
      this.data = data;
    }

    @Override
    public String toString() {
      String rendered = json;
      if (rendered == null) {
        rendered = render();
        json = rendered;
      }
      return rendered;
    }

    @Override
    public int length() {
      return toString().length();
    }

    @Override
    public char charAt(int index) {
      return toString().charAt(index);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      return toString().subSequence(start, end);
    }

    private String render() {
      java.io.StringWriter out = new java.io.StringWriter(128);
      try (com.fasterxml.jackson.core.JsonGenerator generator = TrailJson.JSON.createGenerator(out)) {
        TrailJson.writeValue(generator, data);
      } catch (java.io.IOException e) {
        return String.valueOf(data);
      }
      return out.toString();
    }
  }
}
