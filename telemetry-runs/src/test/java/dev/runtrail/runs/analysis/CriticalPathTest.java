package dev.runtrail.runs.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtrail.runs.internal.analysis.CriticalPath;
import dev.runtrail.runs.internal.summary.RunSummary;
import dev.runtrail.runs.internal.summary.StepSummary;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CriticalPathTest {

  private static final Instant T0 = Instant.parse("2025-09-20T10:00:00Z");

  private static StepSummary step(String path, String parent, int start, int end) {
    return new StepSummary(path, null, parent, T0.plusSeconds(start), T0.plusSeconds(end), "ok", 0, null, null,
        List.of(), null, Map.of());
  }

  private static RunSummary run(int end, StepSummary... steps) {
    return new RunSummary("run-1", "deploy", null, null, null, "api", "prod", T0, T0.plusSeconds(end), "ok", null,
        null, null, null, null, null, null, null, null, null, null, Map.of(), Map.of(), List.of(steps));
  }

  private static List<String> paths(RunSummary run) {
    return CriticalPath.of(run).stream().map(StepSummary::path).toList();
  }

  @Test
  void followsSequentialStepsBackFromTheEnd() {
    assertThat(paths(run(30, step("a", null, 0, 10), step("b", null, 10, 20), step("c", null, 20, 30))))
        .containsExactly("a", "b", "c");
  }

  @Test
  void leavesOutAParallelStepThatEndedEarlier() {
    RunSummary run = run(40, step("build", null, 0, 10), step("lint", null, 10, 15), step("test", null, 10, 30),
        step("deploy", null, 30, 40));

    assertThat(paths(run)).containsExactly("build", "test", "deploy");
  }

  @Test
  void descendsIntoTheChildrenOfAStepOnThePath() {
    RunSummary run = run(30, step("main", null, 0, 30), step("main/fetch", "main", 0, 5),
        step("main/check", "main", 0, 2), step("main/apply", "main", 5, 30));

    assertThat(paths(run)).containsExactly("main", "main/fetch", "main/apply");
  }

  @Test
  void isEmptyForARunWithoutSteps() {
    assertThat(paths(run(10))).isEmpty();
  }
}
