package dev.runtrail.telemetry.attributes;

import io.opentelemetry.api.common.AttributeKey;

/** Attributes of a step's span, in addition to the run's attributes that every span carries. */
public final class StepAttributes {

  /** The step's path within the run, e.g. {@code main/verify/healthz} (seed 000 {@code opal.step_path}). */
  public static final AttributeKey<String> STEP_PATH = AttributeKey.stringKey("runtrail.step.path");

  /** The step as a CI/CD task (semconv {@code cicd.pipeline.task.name}); holds the step path. */
  public static final AttributeKey<String> TASK_NAME = AttributeKey.stringKey("cicd.pipeline.task.name");

  /**
   * The step's outcome (semconv {@code cicd.pipeline.task.run.result}): {@code success},
   * {@code failure} or {@code cancellation}.
   */
  public static final AttributeKey<String> TASK_RESULT =
      AttributeKey.stringKey("cicd.pipeline.task.run.result");

  /** Exit code of the process the step ran (semconv {@code process.exit.code}). */
  public static final AttributeKey<Long> EXIT_CODE = AttributeKey.longKey("process.exit.code");

  /** The error code of a failure, e.g. {@code E_HEALTH_TIMEOUT} (semconv {@code error.type}). */
  public static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");

  /** How many times the step was retried. */
  public static final AttributeKey<Long> RETRIES = AttributeKey.longKey("runtrail.step.retries");

  /** The worker pool or task queue that executed the step (seed 002 {@code workerDomain}). */
  public static final AttributeKey<String> WORKER_DOMAIN = AttributeKey.stringKey("runtrail.worker.domain");

  private StepAttributes() {}
}
