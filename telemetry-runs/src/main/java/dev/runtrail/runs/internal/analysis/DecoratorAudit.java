package dev.runtrail.runs.internal.analysis;

import dev.runtrail.runs.internal.index.TrailSearch;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Seed 000's decorator audit over trail events: counts by event type, {@code decorator_used} by
 * decorator and parameter, sensitive accesses, and the slowest calls. Feed it events with
 * {@link #add}; filter by user with {@link #forUser}.
 */
public final class DecoratorAudit {

  /** Uses of one decorator with one parameter (counted as events are added). */
  public static final class Usage {
    private final String decorator;
    private final String parameter;
    private long uses;
    private final Set<String> runs = new HashSet<>();
    private double totalMs;
    private long timed;
    private double maxMs;

    Usage(String decorator, String parameter) {
      this.decorator = decorator;
      this.parameter = parameter;
    }

    void add(String runId, Double durationMs) {
      uses++;
      runs.add(runId);
      if (durationMs != null) {
        timed++;
        totalMs += durationMs;
        maxMs = Math.max(maxMs, durationMs);
      }
    }

    public String decorator() {
      return decorator;
    }

    public String parameter() {
      return parameter;
    }

    public long uses() {
      return uses;
    }

    /** In how many runs it was used. */
    public int runs() {
      return runs.size();
    }

    /** Whether any use had a duration. */
    public boolean isTimed() {
      return timed > 0;
    }

    /** Mean duration of the timed uses, or -1 when none was timed. */
    public double averageMs() {
      return timed == 0 ? -1 : totalMs / timed;
    }

    /** Longest duration, or -1 when none was timed. */
    public double maxMs() {
      return timed == 0 ? -1 : maxMs;
    }
  }

  /** One decorator use (for the sensitive and slowest lists). */
  public record Call(String flag, String decorator, String parameter, String runId, String env, String script,
      Long line, String user, Double durationMs, Instant at) {}

  private final String user;
  private final Map<String, Long> eventCounts = new LinkedHashMap<>();
  private final Map<List<String>, Usage> usages = new LinkedHashMap<>();
  private final List<Call> sensitive = new ArrayList<>();
  private final List<Call> timedCalls = new ArrayList<>();

  private DecoratorAudit(String user) {
    this.user = user;
  }

  public static DecoratorAudit all() {
    return new DecoratorAudit(null);
  }

  /** Only events whose data names this user ({@code data.user}). */
  public static DecoratorAudit forUser(String user) {
    return new DecoratorAudit(user);
  }

  public void add(TrailSearch.EventRow event) {
    if (user != null && !user.equals(String.valueOf(event.data().get("user")))) {
      return;
    }
    eventCounts.merge(event.type(), 1L, Long::sum);
    if (!event.type().equals("decorator_used")) {
      return;
    }
    String decorator = text(event.data().get("decorator"));
    String parameter = text(event.data().get("parameter"));
    Usage usage = usages.computeIfAbsent(List.of(decorator, parameter), k -> new Usage(decorator, parameter));
    Double duration = number(event.data().get("duration_ms"));
    usage.add(event.runId(), duration);
    Call call = new Call(SensitiveAccess.flag(decorator, parameter), decorator, parameter, event.runId(),
        event.env(), nullableText(event.data().get("script")), longValue(event.data().get("line")),
        nullableText(event.data().get("user")), duration, event.ts());
    if (duration != null) {
      timedCalls.add(call);
    }
    if (call.flag() != null) {
      sensitive.add(call);
    }
  }

  /** Event counts by type, most frequent first. */
  public List<Map.Entry<String, Long>> eventCounts() {
    List<Map.Entry<String, Long>> counts = new ArrayList<>(eventCounts.entrySet());
    counts.sort(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
    return counts;
  }

  /** Decorator usage, most used first. */
  public List<Usage> usages() {
    List<Usage> list = new ArrayList<>(usages.values());
    list.sort(Comparator.comparingLong((Usage u) -> -u.uses).thenComparing(Usage::decorator)
        .thenComparing(Usage::parameter));
    return list;
  }

  /** Sensitive accesses in trail order. */
  public List<Call> sensitive() {
    return sensitive;
  }

  /** The slowest timed calls, slowest first. */
  public List<Call> slowest(int limit) {
    List<Call> sorted = new ArrayList<>(timedCalls);
    sorted.sort(Comparator.comparingDouble((Call c) -> -c.durationMs()));
    return sorted.subList(0, Math.min(limit, sorted.size()));
  }

  private static String text(Object value) {
    return value == null ? "" : String.valueOf(value);
  }

  private static String nullableText(Object value) {
    return value == null ? null : String.valueOf(value);
  }

  private static Double number(Object value) {
    return value instanceof Number ? ((Number) value).doubleValue() : null;
  }

  private static Long longValue(Object value) {
    return value instanceof Number ? ((Number) value).longValue() : null;
  }
}
