package dev.runtrail.runs.internal.summary;

import dev.runtrail.telemetry.core.export.FinishedRun;
import dev.runtrail.telemetry.core.export.RetryRecord;
import dev.runtrail.telemetry.core.export.StepRecord;
import java.util.ArrayList;
import java.util.List;

/** Turns what core hands over about a finished run into the summary model. */
public final class Summaries {

  private Summaries() {}

  public static RunSummary from(FinishedRun run) {
    List<StepSummary> steps = new ArrayList<>(run.steps().size());
    for (StepRecord step : run.steps()) {
      steps.add(from(step));
    }
    return new RunSummary(
        run.runId(),
        run.name(),
        run.planHash() == null || run.planHash().isEmpty() ? null : run.planHash(),
        run.planId(),
        run.planVersion(),
        run.target(),
        run.env(),
        run.startedAt(),
        run.endedAt(),
        run.status().label(),
        run.errorCode(),
        run.errorMessage(),
        run.failedStep(),
        run.runner(),
        run.ticket(),
        run.traceId(),
        run.spansSampled(),
        run.correlationId(),
        run.sessionId(),
        run.gitSha(),
        run.gitBranch(),
        run.policy(),
        run.attributes(),
        steps);
  }

  private static StepSummary from(StepRecord step) {
    List<StepSummary.Attempt> attempts = new ArrayList<>(step.retries().size());
    for (RetryRecord retry : step.retries()) {
      attempts.add(new StepSummary.Attempt(retry.attempt(), retry.exitCode(),
          retry.cause() == null ? "unknown" : retry.cause().label(), retry.at()));
    }
    return new StepSummary(
        step.path(),
        step.spanId(),
        step.parentPath(),
        step.startedAt(),
        step.endedAt(),
        step.status().label(),
        step.exitCode(),
        step.errorCode(),
        step.errorMessage(),
        attempts,
        step.stderrTail(),
        step.attributes());
  }
}
