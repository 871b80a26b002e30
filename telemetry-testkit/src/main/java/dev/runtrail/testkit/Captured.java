package dev.runtrail.testkit;

import dev.runtrail.redaction.RedactionPolicy;
import dev.runtrail.telemetry.RunContext;
import dev.runtrail.telemetry.Telemetry;
import dev.runtrail.telemetry.core.Runtrail;
import dev.runtrail.telemetry.core.RuntrailBuilder;
import dev.runtrail.telemetry.core.RuntrailTelemetry;
import dev.runtrail.telemetry.core.config.RuntrailConfig;
import dev.runtrail.telemetry.core.config.Setting;
import dev.runtrail.telemetry.core.export.FinishedRun;
import dev.runtrail.telemetry.core.trail.InMemoryTrailSink;
import dev.runtrail.telemetry.core.trail.Slf4jTrailSink;
import dev.runtrail.testkit.internal.CaptureOptions;
import dev.runtrail.testkit.internal.CollectingRunExporter;
import dev.runtrail.testkit.internal.Describe;
import dev.runtrail.testkit.internal.LeakScanner;
import dev.runtrail.testkit.internal.LogBuffer;
import dev.runtrail.testkit.internal.LogCapture;
import dev.runtrail.testkit.internal.LogRouter;
import dev.runtrail.testkit.internal.RegisteringTelemetry;
import dev.runtrail.testkit.internal.RetainingSpanExporter;
import dev.runtrail.testkit.internal.TempDirectories;
import dev.runtrail.testkit.internal.TrailLineLogger;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Everything one test's telemetry emitted: runs, spans, trail events, log lines and metrics, plus the
 * test's canaries. Each test gets its own, from {@link RuntrailExtension} or {@link RuntrailTest},
 * wired to an isolated, enabled Runtrail with synchronous export: when a run's {@code close()}
 * returns, its spans, trail events (in every sink), log lines, metrics and files are all here.
 *
 * <pre>{@code
 * @RuntrailTest
 * class DeployTest {
 *   @Test
 *   void healthCheckFailureIsRecorded(Captured captured) {
 *     new Deployer(captured.telemetry()).deploy("api");
 *     assertThat(captured).hasRun("deploy").withStatus(FAILED)
 *         .hasStep("main/verify/healthz").withRetries(1).failedWith("E_HEALTH_TIMEOUT");
 *   }
 * }
 * }</pre>
 *
 * <p>Thread-safe; the accessors return snapshots.
 */
public final class Captured {

  private final RuntrailTelemetry runtrail;
  private final Telemetry telemetry;
  private final RetainingSpanExporter spans;
  private final InMemoryTrailSink trail;
  private final SimpleMeterRegistry meters;
  private final CollectingRunExporter runs;
  private final LogBuffer logs;
  private final Path runsDirectory;
  private final Canaries canaries;
  private final RedactionPolicy policy;
  private final ConcurrentLinkedQueue<RunContext> started = new ConcurrentLinkedQueue<>();

  private Captured(CaptureOptions options) {
    this.policy = options.effectivePolicy();
    this.canaries = new Canaries(policy, new SecureRandom().nextLong());
    this.spans = new RetainingSpanExporter();
    this.trail = new InMemoryTrailSink();
    this.meters = new SimpleMeterRegistry();
    this.runsDirectory = TempDirectories.create();
    // Before Runtrail starts its delivery threads, so that they are the test's threads for log routing.
    this.logs = LogCapture.open(options.logbackCapture());
    this.runs = new CollectingRunExporter(run -> logs.runEnded(run.runId()));
    try {
      this.runtrail = build(options);
    } catch (RuntimeException | Error e) {
      LogRouter.close(logs);
      TempDirectories.delete(runsDirectory);
      throw e;
    }
    this.telemetry = new RegisteringTelemetry(runtrail, run -> {
      logs.runStarted(run.runId());
      LogRouter.runStarted(run.runId(), logs);
      started.add(run);
    });
  }

  /** Starts capturing: a fresh telemetry, temp runs directory and log routing for the calling thread. */
  static Captured open(CaptureOptions options) {
    return new Captured(options);
  }

  private RuntrailTelemetry build(CaptureOptions options) {
    Map<Setting, String> settings = new EnumMap<>(Setting.class);
    settings.put(Setting.TRAIL_SINKS, "span,log,jsonl");
    settings.putAll(options.settings());
    RuntrailBuilder builder = Runtrail.builder()
        .config(RuntrailConfig.of(settings))
        .spanExporter(spans)
        .synchronousExport(true)
        .meterRegistry(meters)
        .runsDirectory(runsDirectory)
        .shutdownHook(false)
        .redaction(policy)
        .addTrailSink(trail)
        .addRunExporter(runs);
    if (!logs.isComplete()) {
      builder.addTrailSink(new Slf4jTrailSink(
          new TrailLineLogger(Slf4jTrailSink.LOGGER_NAME, logs)));
    }
    options.customizers().forEach(customizer -> customizer.accept(builder));
    Telemetry built = builder.enabled(true).build();
    if (!(built instanceof RuntrailTelemetry)) {
      throw new IllegalStateException("The test's Runtrail builder produced " + built + ", not Runtrail's"
          + " telemetry; a customizer must not replace what the testkit wires");
    }
    return (RuntrailTelemetry) built;
  }

  /** The telemetry to hand to the code under test: enabled, isolated, exporting synchronously. */
  public Telemetry telemetry() {
    return telemetry;
  }

  /** Runs that ended, in the order they ended, exactly as run exporters received them. */
  public List<FinishedRun> runs() {
    return runs.runs();
  }

  /**
   * The one finished run with this name.
   *
   * @throws AssertionError listing the captured runs when there is none or more than one
   */
  public FinishedRun run(String name) {
    List<FinishedRun> named = new ArrayList<>();
    for (FinishedRun run : runs()) {
      if (run.name().equals(name)) {
        named.add(run);
      }
    }
    if (named.size() != 1) {
      throw new AssertionError((named.isEmpty() ? "No run named " : "More than one run named ")
          + Describe.quote(name) + " was captured; captured runs: " + Describe.runs(runs()) + openRunsNote());
    }
    return named.get(0);
  }

  /** Spans as the span exporter received them (after Runtrail's redacting exporter), in end order. */
  public List<SpanData> spans() {
    return spans.spans();
  }

  /** The action trail events of every run, in recording order. */
  public CapturedTrail trail() {
    return CapturedTrail.of(trail.events());
  }

  /** The test's log lines. */
  public CapturedLogs logs() {
    return new CapturedLogs(logs);
  }

  /** The registry Runtrail's metrics were recorded on (the test's alone). */
  public SimpleMeterRegistry meters() {
    return meters;
  }

  /** The test's own runs directory (a temp directory, deleted after the test). */
  public Path runsDirectory() {
    return runsDirectory;
  }

  /** Hands out canaries: fake secrets that the leak scan looks for. */
  public Canaries canary() {
    return canaries;
  }

  /** The canaries handed out so far. */
  public List<Canary> canaries() {
    return canaries.issued();
  }

  /** The redaction policy the test's telemetry uses. */
  public RedactionPolicy redactionPolicy() {
    return policy;
  }

  /** What Runtrail dropped so far, by place (e.g. {@code trail_queue}); empty when nothing was. */
  public Map<String, Long> droppedCounts() {
    return runtrail.droppedCounts();
  }

  /** The OpenTelemetry instance Runtrail's spans go through, for instrumentation that makes its own spans. */
  public OpenTelemetry openTelemetry() {
    return runtrail.openTelemetry();
  }

  /**
   * Looks for every canary handed out so far in everything captured: spans, finished runs, trail events,
   * log lines, metrics and files under the runs directory.
   */
  public LeakReport scanForLeaks() {
    CapturedLogs captured = logs();
    return LeakScanner.scan(canaries(), new LeakScanner.Sources(spans(), runs(), trail().events(),
        captured.lines(), captured.strays(), "log capture: " + (captured.isComplete() ? "complete" : "partial, "
            + captured.coverage()), meters, runsDirectory));
  }

  LogBuffer logBuffer() {
    return logs;
  }

  /** Names of runs started and not yet ended, for messages. */
  String openRunsNote() {
    List<String> open = new ArrayList<>();
    List<String> ended = new ArrayList<>();
    for (FinishedRun run : runs()) {
      ended.add(run.runId());
    }
    for (RunContext run : started) {
      if (!ended.contains(run.runId())) {
        open.add(run.name());
      }
    }
    return open.isEmpty() ? "" : " (still open, so not captured yet: " + open + "; runs are captured when closed)";
  }

  /** Ends the telemetry: open runs end as cancelled, everything is flushed. Idempotent. */
  void finish() {
    runtrail.close();
  }

  /** Forgets the test: stops routing its logs, drops spans, deletes the runs directory. */
  void dispose() {
    runtrail.close();
    LogRouter.close(logs);
    spans.release();
    TempDirectories.delete(runsDirectory);
  }

  @Override
  public String toString() {
    return "Captured{" + runs().size() + " runs, " + spans().size() + " spans, " + trail.events().size()
        + " trail events, " + logs.entries().size() + " log lines}";
  }
}
