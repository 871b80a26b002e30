package dev.runtrail.runs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtrail.runs.fixtures.RealTelemetry;
import dev.runtrail.runs.internal.index.IndexedRun;
import dev.runtrail.runs.internal.index.RunFilter;
import dev.runtrail.runs.internal.index.RunIndex;
import dev.runtrail.telemetry.RunContext;
import dev.runtrail.telemetry.Step;
import dev.runtrail.telemetry.core.config.Setting;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Run-level sampling (seed 002: all errors, a share of successes) decides which runs' spans are
 * exported, all or none of them; the run store keeps every run, sampled or not.
 */
class RunLevelSamplingTest {

  @TempDir
  Path runsDir;

  private static String runWithSteps(RealTelemetry t, String name, boolean fail) {
    try (RunContext run = t.telemetry.run(name).env("prod").target("api").start()) {
      try (Step build = run.step("main/build")) {
        build.exitCode(0);
      }
      try (Step deploy = run.step("main/deploy")) {
        if (fail) {
          deploy.fail("E_DEPLOY", "rollout failed");
        }
      }
      return run.runId();
    }
  }

  private static Set<String> exportedTraceIds(RealTelemetry t) {
    return t.spans.getFinishedSpanItems().stream().map(SpanData::getTraceId).collect(Collectors.toSet());
  }

  private List<IndexedRun> indexed() {
    try (RunIndex index = RunIndex.open(runsDir.resolve("runs.db"))) {
      return index.queries().list(RunFilter.all());
    }
  }

  private Path folderOf(String runId) {
    try (RunIndex index = RunIndex.open(runsDir.resolve("runs.db"))) {
      return runsDir.resolve(index.queries().find(runId).orElseThrow().dir());
    }
  }

  @Test
  void withNoSuccessSampledFailedRunsKeepTheirSpansAndEveryRunIsStored() throws Exception {
    try (RealTelemetry t = new RealTelemetry(runsDir, Map.of(Setting.SAMPLE_SUCCESS, "0.0"))) {
      String ok = runWithSteps(t, "ok-run", false);
      String failed = runWithSteps(t, "failed-run", true);

      assertThat(t.spans.getFinishedSpanItems()).hasSize(3).allSatisfy(span ->
          assertThat(span.getAttributes().asMap().toString()).contains(failed));
      assertThat(indexed()).extracting(IndexedRun::runId).containsExactlyInAnyOrder(ok, failed);
      assertThat(Files.readString(folderOf(ok).resolve("summary.json"))).contains("\"spans_sampled\" : false");
      assertThat(Files.readString(folderOf(failed).resolve("summary.json"))).contains("\"spans_sampled\" : true");
      assertThat(Files.readString(folderOf(ok).resolve("otlp-traces.json")))
          .as("the store keeps the unsampled run's trace too").contains("main/deploy");
    }
  }

  @Test
  void aShareOfSuccessfulRunsIsExportedEachWithAllItsSpans() throws Exception {
    try (RealTelemetry t = new RealTelemetry(runsDir, Map.of(Setting.SAMPLE_SUCCESS, "0.5"))) {
      for (int i = 0; i < 40; i++) {
        runWithSteps(t, "run-" + i, false);
      }

      Map<String, Long> spansPerTrace = t.spans.getFinishedSpanItems().stream()
          .collect(Collectors.groupingBy(SpanData::getTraceId, Collectors.counting()));
      assertThat(spansPerTrace.size()).as("sampled runs").isBetween(5, 35);
      assertThat(spansPerTrace.values()).as("no partial traces: root + 2 steps each").containsOnly(3L);
      assertThat(indexed()).hasSize(40);
      assertThat(exportedTraceIds(t)).hasSize(spansPerTrace.size());
    }
  }
}
