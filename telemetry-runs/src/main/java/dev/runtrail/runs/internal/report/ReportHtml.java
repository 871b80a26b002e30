package dev.runtrail.runs.internal.report;

import static dev.runtrail.runs.internal.report.Html.escape;

import dev.runtrail.runs.internal.summary.RunSummary;
import dev.runtrail.runs.internal.summary.StepSummary;
import dev.runtrail.runs.internal.summary.Durations;
import dev.runtrail.runs.internal.summary.Timestamps;
import dev.runtrail.telemetry.trail.TrailEvent;
import java.util.List;
import java.util.Map;

/**
 * Renders {@code report.html}: one self-contained file (inline CSS, no script, no external URL; a
 * Content-Security-Policy forbids any fetch) with the run's facts, a timeline of steps as bars
 * (retries and failures marked, the critical path outlined), the failing step's stderr tail and the
 * attempt history, and the action trail beside it. Every value from the run is HTML-escaped.
 */
public final class ReportHtml {

  /** Forbids scripts and every network fetch; styles are inline. */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

  private ReportHtml() {}

  /**
   * @param trail the run's trail events (may be empty)
   * @param trailProblems what the trail reader reported (gaps, torn lines), shown under the trail
   */
  public static String render(RunSummary run, List<TrailEvent> trail, List<String> trailProblems) {
    StringBuilder html = new StringBuilder(16 * 1024);
    html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"").append(CONTENT_SECURITY_POLICY).append("\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>").append(escape(run.runId())).append(" \u2014 ").append(escape(run.status()))
        .append("</title>\n<style>\n").append(ReportStyle.CSS).append("</style>\n</head>\n<body>\n");
    header(html, run);
    html.append("<main class=\"layout\">\n<div>\n");
    TimelineHtml.render(html, run);
    failure(html, run);
    attempts(html, run);
    html.append("</div>\n");
    TrailHtml.render(html, run, trail, trailProblems);
    html.append("</main>\n</body>\n</html>\n");
    return html.toString();
  }

  private static void header(StringBuilder html, RunSummary run) {
    html.append("<header>\n<h1 id=\"run-id\">").append(escape(run.runId())).append(" <span class=\"status ")
        .append(escape(run.status())).append("\" id=\"run-status\">").append(escape(run.status()))
        .append("</span></h1>\n<dl class=\"facts\">\n");
    fact(html, "name", run.name());
    fact(html, "env", run.env());
    fact(html, "target", run.target());
    fact(html, "started", Timestamps.format(run.startedAt()));
    fact(html, "ended", Timestamps.format(run.endedAt()));
    fact(html, "duration", Durations.format(run.durationMs()));
    fact(html, "failed step", run.failedStep());
    fact(html, "error", join(run.errorCode(), run.errorMessage()));
    fact(html, "retries", Integer.toString(run.retries()));
    fact(html, "plan hash", run.planHash());
    fact(html, "git", join(run.gitSha(), run.gitBranch()));
    fact(html, "runner", run.runner());
    fact(html, "ticket", run.ticket());
    fact(html, "trace id", run.traceId());
    StringBuilder policy = new StringBuilder();
    for (Map.Entry<String, Boolean> flag : run.policy().entrySet()) {
      policy.append(policy.length() == 0 ? "" : " ").append(flag.getKey()).append('=').append(flag.getValue());
    }
    fact(html, "policy", policy.toString());
    html.append("</dl>\n</header>\n");
  }

  private static void fact(StringBuilder html, String name, String value) {
    if (value == null || value.isEmpty()) {
      return;
    }
    html.append("<div><dt>").append(escape(name)).append("</dt><dd title=\"").append(escape(value)).append("\">")
        .append(escape(value)).append("</dd></div>\n");
  }

  private static void failure(StringBuilder html, RunSummary run) {
    StepSummary failed = run.failedStep() == null ? null : run.step(run.failedStep());
    if (failed == null) {
      return;
    }
    html.append("<section class=\"failure\" id=\"failure\">\n<h2>Failing step: <code>").append(escape(failed.path()))
        .append("</code></h2>\n<p>");
    if (failed.exitCode() != null) {
      html.append("exit code <b>").append(failed.exitCode()).append("</b> \u00b7 ");
    }
    html.append("<b>").append(escape(failed.errorCode())).append("</b> ").append(escape(failed.errorMessage()))
        .append("</p>\n<h3>stderr tail</h3>\n");
    if (failed.stderrTail() == null || failed.stderrTail().isEmpty()) {
      html.append("<p class=\"muted\">No stderr recorded.</p>\n");
    } else {
      html.append("<pre id=\"stderr-tail\">").append(escape(failed.stderrTail())).append("</pre>\n");
    }
    html.append("</section>\n");
  }

  private static void attempts(StringBuilder html, RunSummary run) {
    if (run.retries() == 0) {
      return;
    }
    html.append("<section class=\"failure\" id=\"attempts\" style=\"border-color:#bc4c00\">\n<h2>Attempt history</h2>\n")
        .append("<table>\n<thead><tr><th>step</th><th>attempt</th><th>exit code</th><th>cause</th><th>at</th></tr></thead>\n<tbody>\n");
    for (StepSummary step : run.steps()) {
      for (StepSummary.Attempt attempt : step.attempts()) {
        html.append("<tr><td><code>").append(escape(step.path())).append("</code></td><td>#").append(attempt.n())
            .append("</td><td>").append(attempt.exitCode()).append("</td><td>").append(escape(attempt.cause()))
            .append("</td><td>").append(escape(Timestamps.format(attempt.at()))).append("</td></tr>\n");
      }
    }
    html.append("</tbody>\n</table>\n</section>\n");
  }

  private static String join(String first, String second) {
    if (first == null) {
      return second;
    }
    return second == null ? first : first + " " + second;
  }
}
