package dev.runtrail.runs.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtrail.runs.fixtures.SeedRun;
import dev.runtrail.runs.internal.report.ReportHtml;
import dev.runtrail.runs.internal.summary.RunSummary;
import dev.runtrail.runs.internal.summary.Summaries;
import dev.runtrail.telemetry.RunStatus;
import dev.runtrail.telemetry.core.export.FinishedRun;
import dev.runtrail.telemetry.core.export.StepRecord;
import dev.runtrail.telemetry.trail.TrailEvent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportHtmlTest {

  @TempDir
  Path runsDir;

  private String seedReport() throws Exception {
    return ReportHtml.render(Summaries.from(SeedRun.create(runsDir)),
        SeedRun.trail(SeedRun.RUN_ID, SeedRun.STARTED), List.of());
  }

  @Test
  void drawsOneBarPerStepPlacedByItsStartAndEndWithinTheRun() throws Exception {
    String html = seedReport();

    // Run: 101,333 ms. deploy: +377 ms for 29,500 ms; healthz: +29,877 ms for 71,000 ms.
    assertThat(html).contains("data-step=\"main/deploy/api\" style=\"left:0.372%;width:29.112%\"");
    assertThat(html).contains("data-step=\"main/verify/healthz\" style=\"left:29.484%;width:70.066%\"");
    assertThat(html.split("<div class=\"bar ", -1)).hasSize(3);
  }

  @Test
  void marksTheFailedStepRedWithItsExitCodeErrorCodeAndRetries() throws Exception {
    String html = seedReport();

    assertThat(html).contains("<div class=\"row\" data-step=\"main/verify/healthz\" data-status=\"failed\">");
    assertThat(html).containsPattern("<div class=\"bar failed[^\"]*\" data-step=\"main/verify/healthz\"");
    assertThat(html).contains("1m11s \u00b7 exit 137 \u00b7 E_HEALTH_TIMEOUT \u00b7 2 retries");
    // Retries 30 s and 60 s into the step: +59,877 ms and +89,877 ms of 101,333 ms.
    assertThat(html).contains("data-attempt=\"1\" style=\"left:59.089%\"").contains("data-attempt=\"2\" style=\"left:88.695%\"");
  }

  @Test
  void outlinesTheCriticalPath() throws Exception {
    String html = seedReport();

    assertThat(html).contains("class=\"bar failed critical\" data-step=\"main/verify/healthz\"");
  }

  @Test
  void showsTheFailingStepsStderrTail() throws Exception {
    String html = seedReport();

    assertThat(html).contains("<pre id=\"stderr-tail\">curl: (28) Operation timed out after 60001 milliseconds\n</pre>");
    assertThat(html).contains("Failing step: <code>main/verify/healthz</code>");
  }

  @Test
  void listsTheTrailBesideTheTimelineWithSeqTimeTypeStepAndData() throws Exception {
    String html = seedReport();

    assertThat(html).contains("<aside class=\"trail\" id=\"trail\">").contains("Action trail (4 events)");
    assertThat(html).contains("<th>#</th><th>time</th><th>type</th><th>step</th><th>data</th>");
    assertThat(html).contains("<tr data-type=\"tool_call\"><td>1</td><td title=\"2025-09-20T10:22:32.001Z\">+878ms</td>"
        + "<td>tool_call</td><td class=\"step\"><code>main/deploy/api</code></td>");
    assertThat(html).contains("<tr data-type=\"error\" class=\"error\"><td>4</td>");
  }

  @Test
  void escapesEveryUserValueSoMarkupInTheRunCannotExecute() throws Exception {
    FinishedRun hostile = SeedRun.builder(runsDir, SeedRun.RUN_ID, SeedRun.STARTED)
        .name("<b onmouseover=alert(1)>deploy</b>")
        .steps(List.of(new StepRecord("main/<img src=x onerror=alert(1)>", null, "00f067aa0ba902b1",
            SeedRun.STARTED, SeedRun.ENDED, RunStatus.FAILED, 1, "E_X", "\"><script>alert('msg')</script>", List.of(),
            "</pre><script>alert('stderr')</script>", Map.of())))
        .outcome(RunStatus.FAILED, "E_X", "failed", "main/<img src=x onerror=alert(1)>")
        .build();
    List<TrailEvent> trail = new ArrayList<>(SeedRun.trail(SeedRun.RUN_ID, SeedRun.STARTED));
    trail.add(SeedRun.event(SeedRun.RUN_ID, 5, SeedRun.ENDED, "tool_call", "main/<x>",
        Map.of("tool", "<script>alert(document.cookie)</script>")));

    String html = ReportHtml.render(Summaries.from(hostile), trail, List.of("line 9: <script>"));

    assertThat(html).doesNotContain("<script").doesNotContain("<img").doesNotContain("<b ").doesNotContain("<x>");
    assertThat(html).contains("&lt;script&gt;alert(document.cookie)&lt;/script&gt;")
        .contains("main/&lt;img src=x onerror=alert(1)&gt;").contains("&quot;&gt;&lt;script&gt;alert(&#39;msg&#39;)");
  }

  @Test
  void fetchesNothingFromOutsideTheFile() throws Exception {
    List<TrailEvent> trail = new ArrayList<>(SeedRun.trail(SeedRun.RUN_ID, SeedRun.STARTED));
    trail.add(SeedRun.event(SeedRun.RUN_ID, 5, SeedRun.ENDED, "decorator_used", "main/verify/healthz",
        Map.of("decorator", "@http", "parameter", "https://api.internal/health")));
    RunSummary run = Summaries.from(SeedRun.create(runsDir));

    String html = ReportHtml.render(run, trail, List.of());

    assertThat(html).doesNotContainIgnoringCase("<script").doesNotContainIgnoringCase("<link")
        .doesNotContainIgnoringCase("<img").doesNotContainIgnoringCase("<iframe").doesNotContain("@import")
        .doesNotContain("url(").doesNotContain(" src=").doesNotContain(" href=");
    assertThat(html).contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';");
    String withoutUserData = html.replaceAll("(?s)<code>.*?</code>", "").replaceAll("title=\"[^\"]*\"", "");
    assertThat(withoutUserData).doesNotContain("http://").doesNotContain("https://");
    assertThat(html).contains("https://api.internal/health");
  }

  @Test
  void saysSoWhenARunHasNoStepsAndNoTrail() {
    FinishedRun empty = FinishedRun.builder().runId("run-20250920-102231-000000")
        .timing(SeedRun.STARTED, SeedRun.STARTED).build();

    String html = ReportHtml.render(Summaries.from(empty), List.of(), List.of());

    assertThat(html).contains("The run recorded no steps.").contains("No trail events were recorded.");
  }
}
