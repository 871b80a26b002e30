package dev.runtrail.telemetry.attributes;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.semconv.incubating.CicdIncubatingAttributes;
import io.opentelemetry.semconv.incubating.DeploymentIncubatingAttributes;
import io.opentelemetry.semconv.incubating.ProcessIncubatingAttributes;
import io.opentelemetry.semconv.incubating.VcsIncubatingAttributes;
import org.junit.jupiter.api.Test;

/** Our constants carry the semantic conventions' exact keys, checked against the semconv artifacts. */
class SemanticConventionKeysTest {

  @Test
  void runKeysAreTheSemconvKeys() {
    assertThat(RunAttributes.RUN_ID).isEqualTo(CicdIncubatingAttributes.CICD_PIPELINE_RUN_ID);
    assertThat(RunAttributes.RUN_NAME).isEqualTo(CicdIncubatingAttributes.CICD_PIPELINE_NAME);
    assertThat(RunAttributes.RUN_RESULT).isEqualTo(CicdIncubatingAttributes.CICD_PIPELINE_RESULT);
    assertThat(RunAttributes.RUNNER_ID).isEqualTo(CicdIncubatingAttributes.CICD_WORKER_ID);
    assertThat(RunAttributes.ENV).isEqualTo(DeploymentIncubatingAttributes.DEPLOYMENT_ENVIRONMENT_NAME);
    assertThat(RunAttributes.GIT_SHA).isEqualTo(VcsIncubatingAttributes.VCS_REF_HEAD_REVISION);
    assertThat(RunAttributes.GIT_BRANCH).isEqualTo(VcsIncubatingAttributes.VCS_REF_HEAD_NAME);
  }

  @Test
  void stepKeysAreTheSemconvKeys() {
    assertThat(StepAttributes.TASK_NAME).isEqualTo(CicdIncubatingAttributes.CICD_PIPELINE_TASK_NAME);
    assertThat(StepAttributes.TASK_RESULT).isEqualTo(CicdIncubatingAttributes.CICD_PIPELINE_TASK_RUN_RESULT);
    assertThat(StepAttributes.EXIT_CODE).isEqualTo(ProcessIncubatingAttributes.PROCESS_EXIT_CODE);
    assertThat(StepAttributes.ERROR_TYPE).isEqualTo(io.opentelemetry.semconv.ErrorAttributes.ERROR_TYPE);
  }

  @Test
  void resultValuesAreTheSemconvValues() {
    assertThat(java.util.List.of("success", "failure", "cancellation")).containsExactly(
        CicdIncubatingAttributes.CicdPipelineResultIncubatingValues.SUCCESS,
        CicdIncubatingAttributes.CicdPipelineResultIncubatingValues.FAILURE,
        CicdIncubatingAttributes.CicdPipelineResultIncubatingValues.CANCELLATION);
  }

  @Test
  void serviceKeysAreTheSemconvKeys() {
    assertThat(ServiceAttributes.SERVICE_NAME).isEqualTo(io.opentelemetry.semconv.ServiceAttributes.SERVICE_NAME);
    assertThat(ServiceAttributes.SERVICE_VERSION)
        .isEqualTo(io.opentelemetry.semconv.ServiceAttributes.SERVICE_VERSION);
  }

  @Test
  void policyFlagKeysAreValidated() {
    assertThat(RunAttributes.policyFlag("deny_network").getKey()).isEqualTo("runtrail.policy.deny_network");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> RunAttributes.policyFlag("Deny Network"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'Deny Network'");
  }
}
