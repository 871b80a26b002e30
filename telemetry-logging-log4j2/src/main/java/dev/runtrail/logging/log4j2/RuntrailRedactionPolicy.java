package dev.runtrail.logging.log4j2;

import dev.runtrail.redaction.RedactionPolicy;
import dev.runtrail.redaction.Redactor;
import dev.runtrail.redaction.internal.RepeatedTexts;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.apache.logging.log4j.core.Core;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.appender.rewrite.RewritePolicy;
import org.apache.logging.log4j.core.config.plugins.Plugin;
import org.apache.logging.log4j.core.config.plugins.PluginFactory;
import org.apache.logging.log4j.core.impl.Log4jLogEvent;
import org.apache.logging.log4j.message.Message;
import org.apache.logging.log4j.status.StatusLogger;
import org.apache.logging.log4j.util.ReadOnlyStringMap;
import org.apache.logging.log4j.util.SortedArrayStringMap;

/**
 * Sanitize-first for Log4j2: a {@link RewritePolicy} that passes every event's formatted message, its
 * parameters, its ThreadContext (MDC) values and its throwable (messages of the exception, its causes and
 * suppressed ones, and so its stack-trace text) through Runtrail's {@link Redactor} before the appenders
 * behind the {@code Rewrite} appender see it. {@code [REDACTED]} replaces the secret, never the line; trace
 * and span ids, SHAs and UUIDs pass unchanged; an event with nothing to redact passes as the same instance.
 *
 * <pre>{@code
 * <Rewrite name="Redacted">
 *   <RuntrailRedaction/>
 *   <AppenderRef ref="Console"/>
 *   <AppenderRef ref="File"/>
 * </Rewrite>
 * <Root level="info"><AppenderRef ref="Redacted"/></Root>
 * }</pre>
 *
 * <p>The redactor follows {@code RUNTRAIL_PRIVACY} like the rest of Runtrail. Should it fail on an event,
 * the event is still written, redacted by fallback: its message, ThreadContext values and throwable
 * messages become {@value #FALLBACK}; the failure is counted ({@link #fallbacks()}) and reported once to
 * Log4j2's status logger. Never throws into the app.
 */
@Plugin(name = "RuntrailRedaction", category = Core.CATEGORY_NAME, elementType = "rewritePolicy", printObject = true)
public final class RuntrailRedactionPolicy implements RewritePolicy {

  /** What every text of an event becomes when the redactor fails on it. */
  public static final String FALLBACK = "[REDACTED]";

  private final EventRedactor redactor;
  private final EventRedactor fallback = new EventRedactor(text -> text == null ? null : FALLBACK,
      (key, value) -> value == null ? null : FALLBACK, null);
  private final LongAdder fallbacks = new LongAdder();
  private final AtomicBoolean reported = new AtomicBoolean();

  RuntrailRedactionPolicy(EventRedactor redactor) {
    this.redactor = redactor;
  }

  /** A policy with the given redactor. */
  public static RuntrailRedactionPolicy of(Redactor redactor) {
    // ThreadContext values stay the same Strings for a whole request, run or step: redacted once each.
    // A line of a pattern is often the last clean one again (the same parameters): taken as clean by content.
    RepeatedTexts repeated = new RepeatedTexts(
        (key, text) -> key == null ? redactor.redact(text) : redactor.redact(key, text));
    return new RuntrailRedactionPolicy(new EventRedactor(redactor::redact, repeated::redact, repeated));
  }

  /** The {@code <RuntrailRedaction/>} element: Runtrail's redactor under {@code RUNTRAIL_PRIVACY}. */
  @PluginFactory
  public static RuntrailRedactionPolicy createPolicy() {
    return of(Redactor.of(RedactionPolicy.fromEnvironment()));
  }

  /** How many events were written redacted by fallback because the redactor failed on them. */
  public long fallbacks() {
    return fallbacks.sum();
  }

  @Override
  public LogEvent rewrite(LogEvent event) {
    try {
      return rewrite(event, redactor);
    } catch (RuntimeException | StackOverflowError e) {
      fallbacks.increment();
      if (reported.compareAndSet(false, true)) {
        StatusLogger.getLogger().warn("Runtrail: redacting a log event failed ({}); it and any later such event"
            + " are written with every text replaced by {} (reported once)", e.getClass().getName(), FALLBACK);
      }
      try {
        return rewrite(event, fallback);
      } catch (RuntimeException | StackOverflowError again) {
        // The event's own parts failed (a throwable whose getMessage throws): keep the line, lose the rest.
        return new Log4jLogEvent.Builder(event).setMessage(new RedactedMessage(FALLBACK, null, null))
            .setContextData(null).setThrown(null).setThrownProxy(null).build();
      }
    }
  }

  private static LogEvent rewrite(LogEvent event, EventRedactor redactor) {
    Message message = event.getMessage();
    Message cleanMessage = message == null ? null : redactor.message(message);
    ReadOnlyStringMap context = event.getContextData();
    SortedArrayStringMap cleanContext = context == null ? null : redactor.context(context);
    Throwable thrown = event.getThrown();
    Throwable cleanThrown = thrown == null ? null : redactor.throwable(thrown);
    if (cleanMessage == message && cleanContext == null && cleanThrown == thrown) {
      return event;
    }
    Log4jLogEvent.Builder builder = new Log4jLogEvent.Builder(event).setMessage(cleanMessage);
    if (cleanContext != null) {
      builder.setContextData(cleanContext);
    }
    if (cleanThrown != thrown) {
      builder.setThrown(cleanThrown).setThrownProxy(null);
    }
    return builder.build();
  }

  @Override
  public String toString() {
    return "RuntrailRedaction";
  }
}
