package dev.runtrail.runs.internal.report;

import static dev.runtrail.runs.internal.report.Html.escape;

import dev.runtrail.runs.internal.analysis.CriticalPath;
import dev.runtrail.runs.internal.summary.RunSummary;
import dev.runtrail.runs.internal.summary.StepSummary;
import dev.runtrail.runs.internal.summary.Durations;
import dev.runtrail.runs.internal.summary.Timestamps;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Set;

/** The timeline section: one row per step, its bar placed by start and end relative to the run. */
final class TimelineHtml {

  private TimelineHtml() {}

  static void render(StringBuilder html, RunSummary run) {
    Set<StepSummary> critical = Collections.newSetFromMap(new IdentityHashMap<>());
    critical.addAll(CriticalPath.of(run));
    long total = Math.max(1, run.durationMs());
    html.append("<section class=\"timeline\" id=\"timeline\">\n<h2>Timeline (").append(run.steps().size())
        .append(run.steps().size() == 1 ? " step" : " steps").append(", ").append(Durations.format(run.durationMs()))
        .append(")</h2>\n<div class=\"axis\"><div></div><div class=\"ticks\">");
    for (int i = 0; i <= 4; i++) {
      html.append("<span style=\"left:").append(i * 25).append("%\">").append(Durations.format(total * i / 4))
          .append("</span>");
    }
    html.append("</div></div>\n");
    if (run.steps().isEmpty()) {
      html.append("<p class=\"muted\">The run recorded no steps.</p>\n");
    }
    for (StepSummary step : run.steps()) {
      row(html, run, step, total, critical.contains(step));
    }
    html.append("<div class=\"legend\"><span>\u25a0 bar: step (green ok, red failed, yellow cancelled)</span>")
        .append("<span>\u21bb marker: retry</span><span>blue outline: critical path</span></div>\n")
        .append("</section>\n");
  }

  private static void row(StringBuilder html, RunSummary run, StepSummary step, long total, boolean critical) {
    double left = percent(offset(run.startedAt(), step.startedAt()), total);
    double width = Math.min(100.0 - left, percent(step.durationMs(), total));
    int depth = depth(step.path());
    StringBuilder text = new StringBuilder(Durations.format(step.durationMs()));
    if (step.exitCode() != null) {
      text.append(" \u00b7 exit ").append(step.exitCode());
    }
    if (step.errorCode() != null) {
      text.append(" \u00b7 ").append(step.errorCode());
    }
    if (step.retries() > 0) {
      text.append(" \u00b7 ").append(step.retries()).append(step.retries() == 1 ? " retry" : " retries");
    }
    String title = step.path() + " " + step.status() + " " + Timestamps.format(step.startedAt()) + " \u2192 "
        + Timestamps.format(step.endedAt()) + " (" + text + ")"
        + (step.errorMessage() == null ? "" : ": " + step.errorMessage());
    html.append("<div class=\"row\" data-step=\"").append(escape(step.path())).append("\" data-status=\"")
        .append(escape(step.status())).append("\">\n<div class=\"label\" style=\"padding-left:")
        .append(Math.min(depth, 8) * 12).append("px\" title=\"").append(escape(step.path())).append("\">")
        .append(escape(step.path())).append("</div>\n<div class=\"track\">")
        .append("<div class=\"bar ").append(escape(step.status())).append(critical ? " critical" : "")
        .append("\" data-step=\"").append(escape(step.path())).append("\" style=\"left:").append(css(left))
        .append("%;width:").append(css(width)).append("%\" title=\"").append(escape(title)).append("\">")
        .append("<span class=\"bar-text\">").append(escape(text.toString())).append("</span></div>");
    for (StepSummary.Attempt attempt : step.attempts()) {
      Instant at = attempt.at() == null ? step.startedAt() : attempt.at();
      html.append("<span class=\"retry\" data-attempt=\"").append(attempt.n()).append("\" style=\"left:")
          .append(css(percent(offset(run.startedAt(), at), total))).append("%\" title=\"retry #").append(attempt.n())
          .append(": exit ").append(attempt.exitCode()).append(" (").append(escape(attempt.cause())).append(") at ")
          .append(escape(Timestamps.format(attempt.at()))).append("\"></span>");
    }
    html.append("</div>\n</div>\n");
  }

  private static long offset(Instant runStart, Instant at) {
    return Duration.between(runStart, at).toMillis();
  }

  private static double percent(long millis, long total) {
    return Math.max(0.0, Math.min(100.0, millis * 100.0 / total));
  }

  private static String css(double value) {
    return String.format(Locale.ROOT, "%.3f", value);
  }

  private static int depth(String path) {
    int depth = 0;
    for (int i = 0; i < path.length(); i++) {
      if (path.charAt(i) == '/') {
        depth++;
      }
    }
    return Math.max(0, depth - 1);
  }
}
