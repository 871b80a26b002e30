package dev.runtrail.testkit;

import java.util.List;

/**
 * What a leak scan found: every place a canary of the test turned up, and what was scanned.
 *
 * <pre>{@code
 * LeakReport report = captured.scanForLeaks();
 * if (!report.isClean()) {
 *   report.leaks().forEach(System.err::println);
 * }
 * }</pre>
 *
 * @param canaries the canaries the test handed out (all of them were looked for)
 * @param leaks where canaries were found, at most {@value #MAX_LEAKS}
 * @param scanned what was scanned, e.g. {@code 4 spans, 1 run, 3 trail events, ...}
 */
public record LeakReport(List<Canary> canaries, List<Leak> leaks, String scanned) {

  /** The most leaks a report lists. */
  public static final int MAX_LEAKS = 50;

  /** Copies the lists. */
  public LeakReport {
    canaries = List.copyOf(canaries);
    leaks = List.copyOf(leaks);
  }

  /** True when no canary was found anywhere. */
  public boolean isClean() {
    return leaks.isEmpty();
  }

  /** A message for people: each leak on its own line, then what was scanned. */
  public String describe() {
    StringBuilder out = new StringBuilder();
    if (leaks.isEmpty()) {
      out.append("No canary leaked (").append(canaries.size()).append(" canaries looked for)");
    } else {
      out.append(leaks.size() >= MAX_LEAKS ? "At least " : "").append(leaks.size())
          .append(leaks.size() == 1 ? " leak" : " leaks").append(" of test canaries into captured telemetry:");
      for (Leak leak : leaks) {
        out.append("\n  - ").append(leak);
      }
    }
    return out.append("\nScanned ").append(scanned).toString();
  }

  @Override
  public String toString() {
    return describe();
  }
}
