package dev.runtrail.runs.internal.report;

import static dev.runtrail.runs.internal.report.Html.escape;

import dev.runtrail.telemetry.core.json.JsonTree;
import dev.runtrail.runs.internal.summary.RunSummary;
import dev.runtrail.runs.internal.summary.Durations;
import dev.runtrail.runs.internal.summary.Timestamps;
import dev.runtrail.telemetry.trail.TrailEvent;
import java.time.Duration;
import java.util.List;

/** The action trail beside the timeline: seq, time, type, step and data of every event. */
final class TrailHtml {

  /** Longest data shown in a cell; the full event stays in trail.jsonl. */
  private static final int MAX_DATA_CHARS = 2000;

  private TrailHtml() {}

  static void render(StringBuilder html, RunSummary run, List<TrailEvent> trail, List<String> problems) {
    html.append("<aside class=\"trail\" id=\"trail\">\n<h2>Action trail (").append(trail.size())
        .append(trail.size() == 1 ? " event" : " events").append(")</h2>\n");
    if (trail.isEmpty()) {
      html.append("<p class=\"muted\">No trail events were recorded.</p>\n");
    } else {
      html.append("<table>\n<thead><tr><th>#</th><th>time</th><th>type</th><th>step</th><th>data</th></tr></thead>\n")
          .append("<tbody>\n");
      for (TrailEvent event : trail) {
        row(html, run, event);
      }
      html.append("</tbody>\n</table>\n");
    }
    for (String problem : problems) {
      html.append("<p class=\"muted\">\u26a0 ").append(escape(problem)).append("</p>\n");
    }
    html.append("</aside>\n");
  }

  private static void row(StringBuilder html, RunSummary run, TrailEvent event) {
    String data = JsonTree.toJson(event.data());
    if (data.length() > MAX_DATA_CHARS) {
      data = data.substring(0, MAX_DATA_CHARS) + "\u2026";
    }
    long offset = Duration.between(run.startedAt(), event.timestamp()).toMillis();
    boolean error = event.type().equals("error");
    html.append("<tr data-type=\"").append(escape(event.type())).append('"').append(error ? " class=\"error\"" : "")
        .append("><td>").append(event.sequence()).append("</td><td title=\"")
        .append(escape(Timestamps.format(event.timestamp()))).append("\">").append(Durations.delta(offset))
        .append("</td><td>").append(escape(event.type())).append("</td><td class=\"step\"><code>").append(escape(event.step()))
        .append("</code></td><td><code>").append(escape(data)).append("</code></td></tr>\n");
  }
}
