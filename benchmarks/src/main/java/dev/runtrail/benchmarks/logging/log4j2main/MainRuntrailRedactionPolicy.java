package dev.runtrail.benchmarks.logging.log4j2main;

import dev.runtrail.redaction.RedactionPolicy;
import dev.runtrail.redaction.Redactor;
import dev.runtrail.redaction.internal.RepeatedTexts;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.appender.rewrite.RewritePolicy;
import org.apache.logging.log4j.core.impl.Log4jLogEvent;
import org.apache.logging.log4j.message.Message;
import org.apache.logging.log4j.status.StatusLogger;
import org.apache.logging.log4j.util.ReadOnlyStringMap;
import org.apache.logging.log4j.util.SortedArrayStringMap;

/**
 * main's {@code RuntrailRedactionPolicy} (before branch log4j16), copied unchanged but for its plugin
 * annotations (a {@code @Plugin} here would put a second plugin cache in the benchmarks jar): kept to
 * measure both versions in one JMH run.
 */
public final class MainRuntrailRedactionPolicy implements RewritePolicy {

  /** What every text of an event becomes when the redactor fails on it. */
  public static final String FALLBACK = "[REDACTED]";

  private final EventRedactor redactor;
  private final EventRedactor fallback = new EventRedactor(text -> text == null ? null : FALLBACK,
      (key, value) -> value == null ? null : FALLBACK);
  private final LongAdder fallbacks = new LongAdder();
  private final AtomicBoolean reported = new AtomicBoolean();

  MainRuntrailRedactionPolicy(EventRedactor redactor) {
    this.redactor = redactor;
  }

  /** A policy with the given redactor. */
  public static MainRuntrailRedactionPolicy of(Redactor redactor) {
    // ThreadContext values stay the same Strings for a whole request, run or step: redacted once each.
    RepeatedTexts contextValues = new RepeatedTexts(redactor::redact);
    return new MainRuntrailRedactionPolicy(new EventRedactor(redactor::redact, contextValues::redact));
  }

  /** The {@code <RuntrailRedaction/>} element: Runtrail's redactor under {@code RUNTRAIL_PRIVACY}. */
  public static MainRuntrailRedactionPolicy createPolicy() {
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
