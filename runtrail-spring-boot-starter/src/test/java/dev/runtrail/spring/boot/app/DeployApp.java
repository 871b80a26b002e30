package dev.runtrail.spring.boot.app;

import dev.runtrail.telemetry.RunContext;
import dev.runtrail.telemetry.Step;
import dev.runtrail.telemetry.Telemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A Boot app whose endpoints start a run with a step that records the canary three ways, and a run left open
 * with the canary in its trail.
 */
@SpringBootApplication
public class DeployApp {

  /** A GitHub token: a value rule redacts it wherever it appears. */
  public static final String CANARY = "ghp_" + "aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3zA5";

  /** Boot's tracing puts every SpanExporter bean behind its own span processor. */
  @Bean
  InMemorySpanExporter spanExporter() {
    return InMemorySpanExporter.create();
  }

  @RestController
  static class DeployController {
    private final ObjectProvider<Telemetry> telemetry;
    private final List<RunContext> openRuns = new CopyOnWriteArrayList<>();

    DeployController(ObjectProvider<Telemetry> telemetry) {
      this.telemetry = telemetry;
    }

    @PostMapping("/deploy")
    String deploy() {
      try (RunContext run = telemetry.getIfAvailable(Telemetry::noop).run("deploy").env("dev").target("api").start();
          Step step = run.step("main/deploy/api")) {
        step.attribute(AttributeKey.stringKey("deploy.args"), "apply --token " + CANARY);
        step.stderrTail("error: bad credentials " + CANARY + "\n");
        run.trail().toolCall("kubectl", Map.of("args", "apply -f k8s/", "auth", "Bearer " + CANARY));
        return run.runId();
      }
    }

    /** Starts a run with a trail event and leaves it open, as a long rollout would be when the app stops. */
    @PostMapping("/rollouts")
    String startRollout() {
      RunContext run = telemetry.getIfAvailable(Telemetry::noop).run("rollout").env("dev").target("api").start();
      run.trail().toolCall("helm", Map.of("args", "upgrade api --set token=" + CANARY));
      openRuns.add(run);
      return run.runId();
    }
  }
}
