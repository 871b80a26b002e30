package dev.runtrail.examples;

import dev.runtrail.telemetry.RunContext;
import dev.runtrail.telemetry.Step;
import dev.runtrail.telemetry.Telemetry;
import dev.runtrail.telemetry.attributes.AgentAttributes;
import dev.runtrail.telemetry.attributes.GenAiAttributes;
import dev.runtrail.telemetry.core.Runtrail;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An AI agent remediating Terraform drift (seed 001's example trail): reads and writes files, gets a
 * short-lived cloud credential, passes a policy check, triggers a plan pipeline and opens a PR.
 */
public final class AgentDemo {

  private static final Logger LOG = LoggerFactory.getLogger("agent");

  private AgentDemo() {}

  /**
   * Fans work out to a pool: {@code Runtrail.wrap} carries the run, the current step and the MDC to
   * the pool threads, so each task's step nests under {@code agent/run} and its log lines carry the
   * run id.
   */
  private static void analyzeModulesInParallel(RunContext run) {
    ExecutorService pool = Runtrail.wrap(Executors.newFixedThreadPool(3));
    try {
      List<CompletableFuture<Void>> tasks = new ArrayList<>();
      for (String module : List.of("network", "compute", "storage")) {
        tasks.add(CompletableFuture.runAsync(() -> {
          try (Step analyze = run.step("agent/run/analyze/" + module)) {
            LOG.info("Analyzing module {}", module);
            run.trail().toolCall("terraform", Map.of("args", "plan -target=module." + module));
            DeployDemo.sleep(15);
            run.trail().toolResult("terraform", Map.of("module", module, "drift", module.equals("network") ? 1 : 0));
          }
        }, pool));
      }
      CompletableFuture.allOf(tasks.toArray(new CompletableFuture<?>[0])).join();
    } finally {
      pool.shutdown();
    }
  }

  static RunContext remediate(Telemetry telemetry) {
    RunContext run = telemetry.run("agent.process_task")
        .env("prod")
        .target("infra-repo")
        .sessionId("sess-7f3a")
        .attribute(AgentAttributes.AGENT_SLUG, "terraform-remediator")
        .attribute(AgentAttributes.TASK_TYPE, "drift_remediation")
        .attribute(AgentAttributes.TRIGGER_SOURCE, "webhook")
        .attribute(GenAiAttributes.REQUEST_MODEL, "claude-sonnet")
        .start();
    try (run) {
      LOG.info("Agent picked up drift remediation task");
      try (Step clone = run.step("agent/clone_repo")) {
        DeployDemo.sleep(20);
        clone.attribute(AgentAttributes.REPO_CLONE_MS, 20L);
      }
      try (Step work = run.step("agent/run")) {
        analyzeModulesInParallel(run);
        run.trail().toolCall("read-file", Map.of("path", "main.tf"));
        run.trail().toolResult("read-file", Map.of("size", 2340));
        run.trail().toolCall("write-file", Map.of("path", "main.tf"));
        run.trail().toolResult("write-file", Map.of("bytes_written", 2411));
        run.trail().credentialIssued("management.azure.com", Duration.ofHours(1));
        run.trail().policyEvaluated("deny_network", "allow", "egress limited to management.azure.com");
        run.trail().pipelineTriggered("p-123", "PLAN");
        DeployDemo.sleep(30);
        run.trail().toolResult("pipeline", Map.of("pipeline", "success", "drift", 0));
        run.trail().prCreated("https://github.com/org/repo/pull/42", "agent/fix-123");
        work.attribute(AgentAttributes.ITERATION_COUNT, 4L)
            .attribute(AgentAttributes.TOKEN_USAGE_INPUT, 18_400L)
            .attribute(AgentAttributes.TOKEN_USAGE_OUTPUT, 2_150L)
            .attribute(AgentAttributes.TOOL_CALLS_COUNT, 5L);
        LOG.info("Opened PR for drift fix");
      }
    }
    return run;
  }
}
