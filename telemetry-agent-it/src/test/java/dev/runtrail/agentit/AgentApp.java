package dev.runtrail.agentit;

import com.sun.net.httpserver.HttpServer;
import dev.runtrail.telemetry.RunContext;
import dev.runtrail.telemetry.Step;
import dev.runtrail.telemetry.Telemetry;
import dev.runtrail.telemetry.core.Runtrail;
import dev.runtrail.telemetry.core.RuntrailTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The app {@link JavaAgentTest} runs in a child JVM under the agent: Runtrail from the environment, and a
 * JDK {@code HttpServer} (instrumented by the agent as {@code java-http-server}) whose one request starts a
 * run with a step that records the canary three ways. Prints {@code PORT <n>} when it listens and
 * {@code OTEL <class>} (the OpenTelemetry Runtrail used, {@code none} when disabled), then exits after that one request.
 */
public final class AgentApp {

  /** A GitHub token: a value rule redacts it wherever it appears. */
  static final String CANARY = "ghp_" + "aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3zA5";

  private AgentApp() {}

  public static void main(String[] args) throws Exception {
    Telemetry telemetry = Runtrail.fromEnvironment();
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    CountDownLatch served = new CountDownLatch(1);
    server.createContext("/deploy", exchange -> {
      try (RunContext run = telemetry.run("deploy").env("dev").target("api").start();
          Step step = run.step("main/deploy/api")) {
        step.attribute(AttributeKey.stringKey("deploy.args"), "apply --token " + CANARY);
        step.stderrTail("error: bad credentials " + CANARY + "\n");
        run.trail().toolCall("kubectl", Map.of("args", "apply -f k8s/", "auth", "Bearer " + CANARY));
      }
      exchange.sendResponseHeaders(204, -1);
      exchange.close();
      served.countDown();
    });
    server.start();
    // With RUNTRAIL_ENABLED=false Runtrail is a no-op and has no OpenTelemetry of its own.
    System.out.println("OTEL " + (telemetry instanceof RuntrailTelemetry runtrail
        ? runtrail.openTelemetry().getClass().getName() : "none"));
    System.out.println("PORT " + server.getAddress().getPort());
    System.out.flush();
    boolean done = served.await(60, TimeUnit.SECONDS);
    server.stop(0);
    telemetry.close();
    System.exit(done ? 0 : 3);
  }
}
