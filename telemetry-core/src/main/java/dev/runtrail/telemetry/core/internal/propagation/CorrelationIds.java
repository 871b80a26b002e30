package dev.runtrail.telemetry.core.internal.propagation;

import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.context.Context;

/** Where correlation ids live in a context, and which incoming values are acceptable as one. */
public final class CorrelationIds {

  /** The W3C baggage key carrying the correlation id. */
  public static final String BAGGAGE_KEY = "correlation_id";

  /** The W3C baggage key carrying the run id. */
  public static final String RUN_ID_BAGGAGE_KEY = "run_id";

  private static final int MAX_LENGTH = 128;

  private CorrelationIds() {}

  /** The correlation id in the context's baggage, if it is acceptable; else null. */
  public static String fromBaggage(Context context) {
    return acceptable(Baggage.fromContext(context).getEntryValue(BAGGAGE_KEY));
  }

  /**
   * The value if it can serve as a correlation id — 1 to 128 characters of {@code [A-Za-z0-9._:/+=-]}
   * (UUIDs, ULIDs, request ids, base64) — else null. Anything else from the outside (control
   * characters, quotes, spaces, huge values) is not written to logs or headers.
   */
  public static String acceptable(String value) {
    if (value == null) {
      return null;
    }
    String trimmed = value.trim();
    if (trimmed.isEmpty() || trimmed.length() > MAX_LENGTH) {
      return null;
    }
    for (int i = 0; i < trimmed.length(); i++) {
      char c = trimmed.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '.' || c == '_' || c == ':' || c == '/' || c == '+' || c == '=' || c == '-';
      if (!ok) {
        return null;
      }
    }
    return trimmed;
  }

  /** The context with the correlation id in its baggage. */
  public static Context withCorrelationId(Context context, String correlationId) {
    return Baggage.fromContext(context).toBuilder().put(BAGGAGE_KEY, correlationId).build().storeInContext(context);
  }
}
