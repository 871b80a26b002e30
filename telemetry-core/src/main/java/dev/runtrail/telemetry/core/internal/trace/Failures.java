package dev.runtrail.telemetry.core.internal.trace;

import dev.runtrail.telemetry.attributes.StepAttributes;
import dev.runtrail.telemetry.core.internal.redact.TelemetryRedactor;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;

/** Records a failure on a span (status, {@code error.type}, a redacted exception event) and logs it. */
final class Failures {

  static final String OTHER = "_OTHER";
  private static final Logger LOG = LoggerFactory.getLogger("runtrail");
  private static final AttributeKey<String> EXCEPTION_TYPE = AttributeKey.stringKey("exception.type");
  private static final AttributeKey<String> EXCEPTION_MESSAGE = AttributeKey.stringKey("exception.message");
  private static final AttributeKey<String> EXCEPTION_STACKTRACE = AttributeKey.stringKey("exception.stacktrace");

  private Failures() {}

  /** The error code to record: the app's, or semconv's {@code _OTHER} when blank. */
  static String code(String errorCode, TelemetryRedactor redactor) {
    return errorCode == null || errorCode.isBlank() ? OTHER : redactor.text(errorCode.trim());
  }

  /** The redacted message of a throwable: its message, else its class name. */
  static String message(Throwable cause, TelemetryRedactor redactor) {
    if (cause == null) {
      return null;
    }
    String message = cause.getMessage();
    return redactor.text(message == null ? cause.getClass().getName() : message);
  }

  /** Records the failure on {@code span} of {@code run}. */
  static void record(SdkRunContext run, Span span, String what, String code, String message, Throwable cause) {
    TelemetryRedactor redactor = run.c.redactor;
    span.setAttribute(StepAttributes.ERROR_TYPE, code);
    span.setStatus(StatusCode.ERROR, message == null ? code : code + ": " + message);
    String stackTrace = null;
    if (cause != null) {
      stackTrace = redactor.throwable(cause);
      span.addEvent("exception", Attributes.of(
          EXCEPTION_TYPE, cause.getClass().getName(),
          EXCEPTION_MESSAGE, message,
          EXCEPTION_STACKTRACE, stackTrace));
    }
    if (LOG.isWarnEnabled()) {
      LoggingEventBuilder warning = LOG.atWarn()
          .setMessage("{} failed with {}{}")
          .addArgument(what)
          .addArgument(code)
          .addArgument(message == null ? "" : ": " + message)
          .addKeyValue("error.type", code);
      if (cause != null) {
        warning.addKeyValue("exception.type", cause.getClass().getName());
      }
      warning.log();
    }
    if (stackTrace != null && LOG.isDebugEnabled()) {
      LOG.atDebug().setMessage("{} failed with {}: exception")
          .addArgument(what)
          .addArgument(code)
          .addKeyValue("exception.stacktrace", stackTrace)
          .log();
    }
  }
}
