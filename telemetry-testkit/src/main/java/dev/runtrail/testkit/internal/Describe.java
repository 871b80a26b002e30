package dev.runtrail.testkit.internal;

import dev.runtrail.telemetry.core.export.FinishedRun;
import dev.runtrail.telemetry.core.export.StepRecord;
import dev.runtrail.telemetry.trail.TrailEvent;
import dev.runtrail.testkit.LogLine;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** How failure messages show what was captured: short, one item per run, step, event or line. */
public final class Describe {

  private static final int MAX_TEXT = 80;
  private static final int MAX_ITEMS = 25;

  private Describe() {}

  /** {@code 'text'}, cut at 80 characters, line breaks shown as {@code \n}. */
  public static String quote(String text) {
    if (text == null) {
      return "null";
    }
    String oneLine = text.replace("\r", "\\r").replace("\n", "\\n");
    return "'" + (oneLine.length() > MAX_TEXT ? oneLine.substring(0, MAX_TEXT) + "…" : oneLine) + "'";
  }

  /** A value as a message shows it: strings quoted, everything else as is. */
  public static String value(Object value) {
    return value instanceof String text ? quote(text) : String.valueOf(value);
  }

  /** {@code run 'deploy' (run-20261125-101500-3fa2c1)}. */
  public static String runRef(FinishedRun run) {
    return "run " + quote(run.name()) + " (" + run.runId() + ")";
  }

  /** {@code deploy (failed, E_HEALTH_TIMEOUT)}. */
  public static String run(FinishedRun run) {
    return run.name() + " (" + outcome(run.status().label(), run.errorCode()) + ")";
  }

  public static String runs(List<FinishedRun> runs) {
    return list(runs, Describe::run);
  }

  /** {@code main/verify/healthz (failed, E_HEALTH_TIMEOUT)}. */
  public static String step(StepRecord step) {
    return step.path() + " (" + outcome(step.status().label(), step.errorCode()) + ")";
  }

  public static String steps(List<StepRecord> steps) {
    return list(steps, Describe::step);
  }

  /** {@code #2 tool_result}. */
  public static String event(TrailEvent event) {
    return "#" + event.sequence() + " " + event.type();
  }

  public static String events(List<TrailEvent> events) {
    return list(events, Describe::event);
  }

  public static String spans(List<SpanData> spans) {
    return list(spans, SpanData::getName);
  }

  /** Lines one per row, indented, at most 25. */
  public static String lines(List<LogLine> lines) {
    if (lines.isEmpty()) {
      return "\n  (none)";
    }
    StringBuilder out = new StringBuilder();
    int shown = Math.min(lines.size(), MAX_ITEMS);
    for (int i = 0; i < shown; i++) {
      LogLine line = lines.get(i);
      out.append("\n  ").append(line.level()).append(" [").append(line.thread()).append("] ")
          .append(line.logger()).append(": ").append(quote(line.message())).append(" mdc=").append(line.mdc());
    }
    if (lines.size() > shown) {
      out.append("\n  ... and ").append(lines.size() - shown).append(" more");
    }
    return out.toString();
  }

  /** {@code [a, b, c]}, or {@code [a, ... and 10 more]} past 25 items; {@code none} when empty. */
  public static <T> String list(List<T> items, Function<T, String> show) {
    if (items.isEmpty()) {
      return "none";
    }
    List<String> shown = new ArrayList<>();
    for (int i = 0; i < Math.min(items.size(), MAX_ITEMS); i++) {
      shown.add(show.apply(items.get(i)));
    }
    if (items.size() > MAX_ITEMS) {
      shown.add("... and " + (items.size() - MAX_ITEMS) + " more");
    }
    return "[" + String.join(", ", shown) + "]";
  }

  private static String outcome(String status, String errorCode) {
    return errorCode == null ? status : status + ", " + errorCode;
  }
}
