package dev.runtrail.benchmarks.overhead;

import dev.runtrail.telemetry.RunContext;
import dev.runtrail.telemetry.Step;
import dev.runtrail.telemetry.Telemetry;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The reference workload as one fully instrumented run: start a run (env, target, git, runner), open a
 * step (span, MDC, context), record a tool call and its result on the action trail — both carrying
 * secrets the redactor must mask — do the work, set the exit code, close step and run (span ends,
 * step and run timers, counters, trail hand-off). Metrics come with it: runs started and completed,
 * in-flight gauge, run and step duration histograms, trail events and tool calls counters.
 */
public final class InstrumentedStep {

  /** A credentialed URL and a GitHub token: masked in the event data. */
  static final String TOOL_COMMAND = "helm upgrade api ./chart --set image.tag=1.4.2"
      + " --repo https://deploy:hunter2-s3cr3t@charts.example.com/stable"
      + " --set github.token=ghp_R8f2kLq9ZpX4vT7mN1bC6yD3sH5jW0aE8uIo";
  /** A bearer token in captured output: masked in the event data. */
  static final String TOOL_OUTPUT = "Release \"api\" has been upgraded. Happy Helming!\n"
      + "request: GET /v2/status Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJkZXBsb3kifQ."
      + "Hk2fX8n3qVb7Lw1sYt6RzP0cMd4eJa9uGo5iNh2kQfE";

  private InstrumentedStep() {}

  /** Runs the workload on {@code manifest} inside a run and a step of {@code telemetry}. */
  public static String run(Telemetry telemetry, String manifest) {
    return run(telemetry, manifest, ReferenceWorkload::process);
  }

  static String run(Telemetry telemetry, String manifest, UnaryOperator<String> work) {
    try (RunContext run = telemetry.run("deploy")
        .env("prod").target("api")
        .git("4f9c2d1e8b7a6f5e4d3c2b1a0f9e8d7c6b5a4f3e", "release/1.4.2")
        .runner("runner-12")
        .start()) {
      try (Step step = run.step("main/deploy/render")) {
        recordToolCall(run);
        String rendered = work.apply(manifest);
        recordToolResult(run, rendered.length());
        step.exitCode(0);
        return rendered;
      }
    }
  }

  /**
   * The workload as one step of a longer run: the step, its two trail events and its exit code in the
   * current run of {@code runs}, which starts and closes a run every so many steps.
   */
  static String stepInRun(RollingRun runs, String manifest, UnaryOperator<String> work) {
    RunContext run = runs.next();
    try (Step step = run.step("main/deploy/render")) {
      recordToolCall(run);
      String rendered = work.apply(manifest);
      recordToolResult(run, rendered.length());
      step.exitCode(0);
      return rendered;
    }
  }

  /** The tool call: its command line carries a credentialed URL and a token. */
  public static long recordToolCall(RunContext run) {
    return run.trail().toolCall("helm", Map.of("command", TOOL_COMMAND, "timeout_s", 300));
  }

  /** The tool's result: its output carries a bearer token. */
  public static long recordToolResult(RunContext run, int bytes) {
    return run.trail().toolResult("helm", Map.of("exit_code", 0, "bytes", bytes, "stdout", TOOL_OUTPUT));
  }
}
