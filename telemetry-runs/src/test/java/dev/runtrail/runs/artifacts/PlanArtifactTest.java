package dev.runtrail.runs.artifacts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtrail.runs.fixtures.SeedRun;
import dev.runtrail.runs.internal.artifacts.PlanArtifact;
import dev.runtrail.telemetry.core.json.JsonTree;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanArtifactTest {

  private static final Instant START = Instant.parse("2025-09-20T10:22:31.123Z");
  private static final String HASH = SeedRun.PLAN_HASH;

  @TempDir
  Path runsDir;

  /** Seed 000's Plan JSON (Redacted), with this fixture's values. */
  private static final String EXPECTED_SEED_PLAN = """
      {
        "version": "1.0",
        "plan_hash": "5f6c0e9d8b7a69584736251403f2e1d0c9b8a7968574635241302f1e0d9c8b7a",
        "resolved_at": "2025-09-20T10:22:31.123Z",
        "steps": [
          { "id": "main/deploy/api", "command": "kubectl apply -f k8s/api/", "decorator": "shell",
            "estimated_duration": "15s" }
        ],
        "replicas": 3,
        "ratio": 1.50,
        "resolved_values": {
          "1": "@env.API_TOKEN \u2192 <redacted:32chars>",
          "2": "@var.REPLICAS \u2192 3"
        }
      }
      """;

  @Test
  void writesTheSeedPlanWithPlanHashResolvedAtAndNumberedResolvedValues() throws Exception {
    Map<String, Object> plan = PlanArtifact.of(SeedRun.create(runsDir));

    assertThat(plan).isEqualTo(JsonTree.parse(EXPECTED_SEED_PLAN));
  }

  @Test
  void keepsNumbersExactlyAsThePlanWroteThem() {
    Map<String, Object> plan = PlanArtifact.of("{\"ratio\":1.50,\"big\":12345678901234567890}", HASH, START, List.of());

    assertThat(JsonTree.toJson(plan)).contains("\"ratio\":1.50").contains("\"big\":12345678901234567890");
  }

  @Test
  void keepsThePlansOwnResolvedAtButAlwaysSetsItsPlanHash() {
    Map<String, Object> plan = PlanArtifact.of(
        "{\"plan_hash\":\"forged\",\"resolved_at\":\"2025-09-20T10:22:30Z\"}", HASH, START, List.of());

    assertThat(plan).containsEntry("plan_hash", HASH).containsEntry("resolved_at", "2025-09-20T10:22:30Z")
        .doesNotContainKey("resolved_values");
  }

  @Test
  void wrapsAPlanThatIsNotAnObject() {
    Map<String, Object> plan = PlanArtifact.of("[\"step-1\",\"step-2\"]", HASH, START, List.of());

    assertThat(plan).isEqualTo(JsonTree.parse("{\"plan_hash\":\"" + HASH + "\",\"resolved_at\":"
        + "\"2025-09-20T10:22:31.123Z\",\"plan\":[\"step-1\",\"step-2\"]}"));
  }

  @Test
  void writesANullPlanForARunWithoutOne() {
    Map<String, Object> plan = PlanArtifact.of(null, null, START, List.of());

    assertThat(plan).containsEntry("plan_hash", null).containsEntry("plan", null)
        .containsEntry("resolved_at", "2025-09-20T10:22:31.123Z");
  }
}
