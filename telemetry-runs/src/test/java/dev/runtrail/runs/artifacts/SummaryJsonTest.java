package dev.runtrail.runs.artifacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runtrail.runs.fixtures.SeedRun;
import dev.runtrail.telemetry.core.json.JsonTree;
import dev.runtrail.runs.internal.summary.RunSummary;
import dev.runtrail.runs.internal.summary.Summaries;
import dev.runtrail.runs.internal.summary.SummaryJson;
import dev.runtrail.telemetry.RunStatus;
import dev.runtrail.telemetry.core.export.FinishedRun;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SummaryJsonTest {

  @TempDir
  Path runsDir;

  /** Written by hand from seed 000's Summary JSON and docs/run-store-format.md, for SeedRun's values. */
  private static final String EXPECTED_SEED_SUMMARY = """
      {
        "schema": "runtrail.summary/v1",
        "run_id": "run-20250920-102231-3f2a9c",
        "name": "deploy",
        "plan_hash": "5f6c0e9d8b7a69584736251403f2e1d0c9b8a7968574635241302f1e0d9c8b7a",
        "plan_id": "plan-deploy",
        "plan_version": "v2.1",
        "target": "api",
        "env": "prod",
        "started_at": "2025-09-20T10:22:31.123Z",
        "ended_at": "2025-09-20T10:24:12.456Z",
        "duration_ms": 101333,
        "status": "failed",
        "error_code": "E_HEALTH_TIMEOUT",
        "error_message": "step main/verify/healthz failed",
        "failed_step": "main/verify/healthz",
        "retries": 2,
        "runner": "runner-12",
        "ticket": "OPS-1234",
        "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736",
        "spans_sampled": true,
        "correlation_id": "c-7d1f",
        "session_id": null,
        "git": { "sha": "abc123", "branch": "release/1.2.0" },
        "policy": { "deny_network": false, "readonly_fs": true },
        "attributes": { "runtrail.tenant.id": "t-1" },
        "steps": [
          {
            "path": "main/deploy/api",
            "span_id": "00f067aa0ba902b1",
            "parent_path": null,
            "started_at": "2025-09-20T10:22:31.500Z",
            "ended_at": "2025-09-20T10:23:01.000Z",
            "duration_ms": 29500,
            "status": "ok",
            "exit_code": 0,
            "error_code": null,
            "error_message": null,
            "retries": 0,
            "attempts": [],
            "stderr_tail": null,
            "attributes": { "runtrail.worker.domain": "tq-data" }
          },
          {
            "path": "main/verify/healthz",
            "span_id": "00f067aa0ba902b7",
            "parent_path": null,
            "started_at": "2025-09-20T10:23:01.000Z",
            "ended_at": "2025-09-20T10:24:12.000Z",
            "duration_ms": 71000,
            "status": "failed",
            "exit_code": 137,
            "error_code": "E_HEALTH_TIMEOUT",
            "error_message": "health check timed out after 60s",
            "retries": 2,
            "attempts": [
              { "n": 1, "exit_code": 137, "cause": "timeout", "at": "2025-09-20T10:23:31.000Z" },
              { "n": 2, "exit_code": 137, "cause": "timeout", "at": "2025-09-20T10:24:01.000Z" }
            ],
            "stderr_tail": "curl: (28) Operation timed out after 60001 milliseconds\\n",
            "attributes": {}
          }
        ]
      }
      """;

  @Test
  void writesEveryFieldOfTheSeedSummaryWithStepDurationsAndExitCodes() throws Exception {
    String written = SummaryJson.write(Summaries.from(SeedRun.create(runsDir)));

    assertThat(JsonTree.parse(written)).isEqualTo(JsonTree.parse(EXPECTED_SEED_SUMMARY));
  }

  @Test
  void writesNullForValuesNotSetInsteadOfLeavingThemOut() {
    FinishedRun bare = FinishedRun.builder().runId("run-20250920-102231-000001")
        .timing(Instant.parse("2025-09-20T10:22:31Z"), Instant.parse("2025-09-20T10:22:32Z")).build();

    Map<String, Object> summary = JsonTree.parseObject(SummaryJson.write(Summaries.from(bare)));

    assertThat(summary).containsEntry("plan_hash", null).containsEntry("env", null).containsEntry("target", null)
        .containsEntry("failed_step", null).containsEntry("runner", null).containsEntry("trace_id", null)
        .containsEntry("policy", Map.of()).containsEntry("attributes", Map.of());
    assertThat(summary).containsKeys("error_code", "error_message", "ticket", "session_id", "correlation_id");
    assertThat(summary.get("started_at")).isEqualTo("2025-09-20T10:22:31.000Z");
    assertThat(summary.get("status")).isEqualTo("ok");
  }

  @Test
  void writesGitAsObjectWithNullMembersWhenUnknown() {
    FinishedRun bare = FinishedRun.builder().runId("run-20250920-102231-000002").outcome(RunStatus.CANCELLED,
        null, "stopped", null).timing(Instant.EPOCH, Instant.EPOCH).build();

    Map<String, Object> summary = JsonTree.parseObject(SummaryJson.write(Summaries.from(bare)));

    assertThat(summary.get("git")).isEqualTo(JsonTree.parse("{\"sha\":null,\"branch\":null}"));
    assertThat(summary.get("status")).isEqualTo("cancelled");
  }

  @Test
  void readsBackTheSummaryItWrote() throws Exception {
    RunSummary original = Summaries.from(SeedRun.create(runsDir));

    RunSummary read = SummaryJson.read(SummaryJson.write(original));

    assertThat(read).isEqualTo(original);
  }

  @Test
  void refusesASummaryOfAnotherSchema() {
    assertThatThrownBy(() -> SummaryJson.read("{\"schema\":\"runtrail.summary/v9\",\"run_id\":\"r\"}"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("runtrail.summary/v9");
  }

  @Test
  void namesTheMissingFieldOfABrokenSummary() {
    assertThatThrownBy(() -> SummaryJson.read("{\"run_id\":\"r\",\"status\":\"ok\"}"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("started_at");
  }
}
