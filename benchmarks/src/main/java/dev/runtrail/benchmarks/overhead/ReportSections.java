package dev.runtrail.benchmarks.overhead;

import dev.runtrail.benchmarks.overhead.JmhResults.Metric;
import dev.runtrail.benchmarks.overhead.JmhResults.Result;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Renders the overhead, per-operation and peer sections of RESULTS.md from the JMH results. */
final class ReportSections {

  /** The Runtrail configurations, as JMH parameter values, and how the report names them. */
  static final String[][] SINKS = {
      {"span", "Runtrail, trail sink `span`"},
      {"span+log", "Runtrail, trail sinks `span` + `log`"},
      {"span+log+jsonl", "Runtrail, default trail sinks `span` + `log` + `jsonl`"},
      {"span+log+jsonl@10", "Runtrail, default trail sinks, one step of a 10-step run (the run's start and close "
          + "shared by its 10 steps)"},
  };
  static final double BAR = 1.05;
  static final double GOAL = 1.01;

  final JmhResults overhead;
  final JmhResults costs;
  final JmhResults peers;

  ReportSections(JmhResults overhead, JmhResults costs, JmhResults peers) {
    this.overhead = overhead;
    this.costs = costs;
    this.peers = peers;
  }

  /** The interleaved ratio of one {@code paired} instrumentation. */
  Ratio paired(String instrumentation) {
    return pairedResult(instrumentation)
        .map(r -> Ratio.paired(r.secondary().get("instrumentedNanos").iterations(),
            r.secondary().get("bareNanos").iterations()))
        .orElse(Ratio.NONE);
  }

  /** instrumented / bare from the two separate benchmarks of the same run. */
  Ratio separate(String sinks) {
    return ratio(instrumentedResult(sinks), overhead.find("OverheadBenchmark.bare"));
  }

  /**
   * CPU time of all the JVM's threads ({@link CpuTimeProfiler}) for the instrumented half of a
   * {@code paired} operation, divided by the bare half's, per iteration: all threads' CPU per operation
   * less the bare half's share of the measuring thread's (its share of the two halves' timed nanoseconds),
   * over that share. GC and JIT work during the bare half counts as the instrumented half's, so the
   * ratio errs high, never low. From one benchmark, so a noisy machine skews both sides alike.
   */
  Ratio cpu(String instrumentation) {
    Optional<Result> paired = pairedResult(instrumentation);
    if (paired.isEmpty()) {
      return Ratio.NONE;
    }
    Map<String, Metric> m = paired.get().secondary();
    if (!m.containsKey("cpu.total.norm") || !m.containsKey("cpu.measuring.norm")) {
      return Ratio.NONE;
    }
    List<Double> total = m.get("cpu.total.norm").iterations();
    List<Double> measuring = m.get("cpu.measuring.norm").iterations();
    List<Double> bare = m.get("bareNanos").iterations();
    List<Double> instrumented = m.get("instrumentedNanos").iterations();
    int n = Math.min(Math.min(total.size(), measuring.size()), Math.min(bare.size(), instrumented.size()));
    double[] ratios = new double[n];
    for (int i = 0; i < n; i++) {
      double bareCpu = measuring.get(i) * bare.get(i) / (bare.get(i) + instrumented.get(i));
      ratios[i] = (total.get(i) - bareCpu) / bareCpu;
    }
    return Ratio.mean(ratios);
  }

  /** The bare half of a {@code paired} operation, in nanoseconds (its share of the pair's time). */
  Optional<Double> bareHalfNanos(String instrumentation) {
    return pairedResult(instrumentation).map(r -> {
      double bare = r.secondary().get("bareNanos").score();
      double instrumented = r.secondary().get("instrumentedNanos").score();
      return r.primary().score() * bare / (bare + instrumented);
    });
  }

  private Optional<Result> pairedResult(String instrumentation) {
    return overhead.find("OverheadBenchmark.paired", "instrumentation", instrumentation);
  }

  private Optional<Result> instrumentedResult(String sinks) {
    return sinks == null ? overhead.find("OverheadBenchmark.disabled")
        : overhead.find("OverheadBenchmark.instrumented", "sinks", sinks);
  }

  private static Optional<Metric> cpuMetric(Result r, String who) {
    return Optional.ofNullable(r.secondary().get("cpu." + who + ".norm"));
  }

  String overheadSection() {
    StringBuilder out = new StringBuilder();
    out.append("## Overhead: one real step, bare and fully instrumented\n\n");
    out.append("What: `OverheadBenchmark`. The reference workload stands for one real step: parse a 10 KB JSON deploy\n")
        .append("manifest (34 services) into maps and lists with jackson-core, resolve and total it, serialize the result\n")
        .append("(`ReferenceWorkload`). Instrumented, each operation is a whole run (`InstrumentedStep`): start a run\n")
        .append("(env, target, git, runner), open a step, record a tool call and its result on the action trail (a\n")
        .append("credentialed URL, a GitHub token and a bearer JWT in the data, all masked), exit code, close step and run —\n")
        .append("two spans behind the BatchSpanProcessor (and Runtrail's redacting exporter) to a discarding exporter,\n")
        .append("run/step histograms and counters on a `SimpleMeterRegistry`, five MDC keys (Logback) set and restored,\n")
        .append("W3C baggage, run id and correlation id. The run store (telemetry-runs) is off.\n\n");
    out.append("On the measured thread Runtrail does what OpenTelemetry instrumentation does there: ids, starting and\n")
        .append("ending the two spans, context, baggage and MDC, run and step metrics, and for each event a copy of its\n")
        .append("data, its redaction, its sequence number and its span event.\n")
        .append("Trail sinks: `span` writes span events (on the recording thread); `log` is the structured log line,\n")
        .append("formatted on the log sink's own thread by a Logback pattern appender to /dev/null; `jsonl` writes each\n")
        .append("run's durable trail.jsonl into a tmpfs folder (one folder per run) on its own thread. Those threads, the\n")
        .append("BatchSpanProcessor's and the GC's share the machine's 2 cores with the measured thread.\n\n");
    out.append("Two ways to the ratio, both from this run: **interleaved** (`paired`: each operation runs bare and\n")
        .append("instrumented back to back, alternating the order, timing each half; mean of the per-iteration ratios, 99.9%\n")
        .append("interval), which a noisy shared machine cannot skew, and **separate** (`instrumented` / `bare` scores of\n")
        .append("two benchmarks, errors combined), which it can. Both time the measuring thread: what the app waits for.\n")
        .append("What Runtrail's own threads do meanwhile costs the machine CPU all the same, so the **CPU** column\n")
        .append("takes the CPU time of all the JVM's threads per interleaved operation (`CpuTimeProfiler`: measuring\n")
        .append("thread, Runtrail's threads, BatchSpanProcessor, GC and JIT), less the bare half's share of the measuring\n")
        .append("thread's, over that share (per iteration, 99.9% interval; GC and JIT during the bare half count as the\n")
        .append("instrumented half's, so it errs high: the disabled row shows by how much).\n\n");
    Ratio headline = paired("span+log+jsonl");
    Ratio headlineCpu = cpu("span+log+jsonl");
    out.append(String.format(Locale.ROOT, "**Overhead ratio, defaults (span + log + jsonl): %s** (interleaved). "
        + "Bar < %.2f: **%s**. Goal < %.2f: %s.%n", headline, BAR, verdict(headline, BAR), GOAL, verdict(headline, GOAL)));
    if (headlineCpu.isMeasured()) {
      out.append(String.format(Locale.ROOT, "CPU time of all threads, defaults: %s of the bare workload's "
          + "(what the machine pays beside the app's wait, which the bar is about; %s %.2f: see the CPU reading "
          + "below).%n", headlineCpu, headlineCpu.value() < BAR ? "under" : "above", BAR));
    }
    out.append('\n');
    out.append("| instrumentation | instrumented / bare, interleaved | instrumented / bare, separate "
        + "| CPU, all threads: instrumented / bare | CPU on Runtrail's threads, ns/op | instrumented ns/op "
        + "| instrumented B/op |\n");
    out.append("|---|---|---|---|---|---|---|\n");
    Optional<Result> bare = overhead.find("OverheadBenchmark.bare");
    out.append("| none (bare workload) | 1 | 1 | 1 | – | ").append(bare.map(r -> nanos(r.primary())).orElse("–"))
        .append(" | ").append(bare.flatMap(Result::bytesPerOp).map(ReportSections::bytes).orElse("–")).append(" |\n");
    out.append(overheadRow("Runtrail disabled (no-op)", "disabled", null, false));
    for (String[] sinks : SINKS) {
      out.append(overheadRow(sinks[1], sinks[0], sinks[0], true));
    }
    out.append("| reference floor: the OpenTelemetry SDK's part alone (2 spans, 2 events, no redaction, MDC or metrics) | ")
        .append(paired("otel-spans-only")).append(" | | | | | |\n");
    out.append("| reference floor: the redaction engine's part alone (the 2 events' data through `redactTree`) | ")
        .append(paired("redaction-only")).append(" | | | | | |\n\n");
    out.append("B/op: bytes allocated per operation by all threads (JMH's gc profiler; sink, exporter and GC threads\n")
        .append("included), the workload's ").append(bare.flatMap(Result::bytesPerOp).map(ReportSections::bytes).orElse("?"))
        .append(" among them. The JIT is warmed on the telemetry path before the first warm-up\n")
        .append("iteration (`OverheadBenchmark.warmJit`): at a few thousand operations a second it would otherwise still be\n")
        .append("compiling it 20 s in, which a long-running app is not.\n\n");
    out.append(composition());
    return out.toString();
  }

  private String overheadRow(String label, String instrumentation, String sinks, boolean bold) {
    Optional<Result> r = instrumentedResult(sinks);
    String interleaved = paired(instrumentation).toString();
    return "| " + label + " | " + (bold ? "**" + interleaved + "**" : interleaved) + " | " + separate(sinks) + " | "
        + cpu(instrumentation) + " | " + r.flatMap(x -> cpuMetric(x, "runtrail")).map(ReportSections::nanos).orElse("–")
        + " | " + r.map(x -> nanos(x.primary())).orElse("–") + " | "
        + r.flatMap(Result::bytesPerOp).map(ReportSections::bytes).orElse("–") + " |\n";
  }

  /** What the overhead with inline span events is made of, from the floors of the same run. */
  private String composition() {
    Ratio span = paired("span");
    Ratio otel = paired("otel-spans-only");
    Ratio redaction = paired("redaction-only");
    if (!span.isMeasured() || !otel.isMeasured() || !redaction.isMeasured()) {
      return "";
    }
    double total = (span.value() - 1) * 100;
    double otelShare = (otel.value() - 1) * 100;
    double redactionShare = (redaction.value() - 1) * 100;
    return String.format(Locale.ROOT, "Reading: with span events only, the overhead is %.1f%% of the step. Done "
            + "on the measured thread, the OpenTelemetry SDK's part alone (two spans, two events) would take about "
            + "%.1f%% and the redaction engine's part alone (the two events' data) about %.1f%%: together %.1f%%, "
            + "%s the %.0f%% bar. All of it runs on the measured thread (as OpenTelemetry instrumentation does); "
            + "only the log and JSON Lines sinks and the span export run on their own threads, which on 2 cores "
            + "also take the measured thread's core at times.%s%n%n",
        total, otelShare, redactionShare, otelShare + redactionShare,
        otelShare + redactionShare >= (BAR - 1) * 100 ? "at or over" : "under", (BAR - 1) * 100, cpuReading());
  }

  /** Where the CPU of Runtrail's threads goes, from the per-configuration figures of this run. */
  private String cpuReading() {
    Optional<Double> span = runtrailCpu("span");
    Optional<Double> log = runtrailCpu("span+log");
    Optional<Double> all = runtrailCpu("span+log+jsonl");
    Optional<Double> steps = runtrailCpu("span+log+jsonl@10");
    if (span.isEmpty() || log.isEmpty() || all.isEmpty()) {
      return "";
    }
    return String.format(Locale.ROOT, "%n%nCPU: Runtrail's own threads spend %s ns per operation with span events "
            + "(redaction, span events, span ends, metrics), %s more with the log sink (Logback formatting two lines "
            + "and writing each, its default) and %s more with the JSON Lines sink (mostly making a folder and a file "
            + "per run: mkdir, open, write, close; one run per operation here)%s. That is CPU the machine pays beside "
            + "the app's wait; with steps of tens of microseconds it is far above 5%%, with real steps (milliseconds "
            + "to minutes) it is not.", group(span.get()), group(log.get() - span.get()), group(all.get() - log.get()),
        steps.map(v -> String.format(Locale.ROOT, "; as one step of a 10-step run, %s ns in all", group(v))).orElse(""));
  }

  private Optional<Double> runtrailCpu(String sinks) {
    return instrumentedResult(sinks).flatMap(r -> cpuMetric(r, "runtrail")).map(Metric::score);
  }

  String costsSection() {
    StringBuilder out = new StringBuilder();
    out.append("## Per-operation costs\n\n");
    out.append("What: `OperationCostBenchmark`, one thread, `-prof gc` (B/op: all threads). Operations inside a run use an open run replaced\n")
        .append("every 1,024 operations (100 for trail events: a span keeps at most 128 events), so each figure includes\n")
        .append("that share of a run. Runtrail as above (BatchSpanProcessor, discarding exporter, `SimpleMeterRegistry`,\n")
        .append("Logback MDC). These are hot-loop figures: in an app, where the work between calls evicts Runtrail's code\n")
        .append("and data from the CPU caches, the same calls cost about twice as much (compare the overhead above).\n")
        .append("CPU: what all threads spent per operation (`CpuTimeProfiler`), the sinks' and the exporter's work included.\n\n");
    out.append("| operation | ns/op | B/op | CPU, all threads, ns/op |\n|---|---|---|---|\n");
    row(out, costs.find("OperationCostBenchmark.disabledRunAndStep"),
        "disabled (no-op): run + step + trail event + close");
    row(out, costs.find("OperationCostBenchmark.enabledRun"), "run start + close (no step): ids, root span start and end, baggage, MDC, metrics");
    row(out, costs.find("OperationCostBenchmark.enabledStep"),
        "step open + exit code + close in an open run: span start and end, context, MDC, histogram");
    row(out, costs.find("OperationCostBenchmark.mdcScope"), "MDC scope: `step.makeCurrent()` + close (context and 5 MDC keys, restored)");
    row(out, costs.find("OperationCostBenchmark.redactEventData", "data", "secrets"),
        "redaction of a typical event's data (tool, command with a credentialed URL and a token, output with a JWT)");
    row(out, costs.find("OperationCostBenchmark.redactEventData", "data", "clean"), "redaction of the same data, clean");
    for (String sink : new String[] {"none", "span", "log", "jsonl"}) {
      row(out, costs.find("OperationCostBenchmark.trailEvent", "sink", sink),
          "trail event (tool call, 2 secrets) with sink `" + sink + "`, sustained"
              + (sink.equals("none") ? " (copy, redaction, sequence and metrics; no sink)" : ""));
    }
    for (String sink : new String[] {"log", "jsonl"}) {
      row(out, costs.find("OperationCostBenchmark.sinkAccept", "sink", sink),
          "… then on the `" + sink + "` sink's own thread, per event");
    }
    out.append('\n');
    return out.toString();
  }

  String peersSection() {
    StringBuilder out = new StringBuilder();
    out.append("## Against the peers\n\n");
    out.append("What: `PeerBenchmark` (`-prof gc`, B/op: all threads), same run, same BatchSpanProcessor and discarding exporter. The OpenTelemetry span\n")
        .append("carries the attributes a Runtrail step span carries and is made current; the Micrometer `Observation` uses\n")
        .append("`DefaultMeterObservationHandler` on a `SimpleMeterRegistry` with env, target and step as low-cardinality keys\n")
        .append("and the run id as a high-cardinality one. \"+ 2 events\": two span events with the same (already masked)\n")
        .append("attributes, or two `Observation.Event`s. Runtrail's trailed step records the two trail events of the\n")
        .append("overhead benchmark: copied, redacted (2 secrets in one, 1 in the other), sequenced, counted, span events.\n")
        .append("ns/op is the calling thread's time back to back; CPU is what every thread spent per operation\n")
        .append("(`CpuTimeProfiler`): the span export, Runtrail's sink threads, GC. The goals are judged on both.\n\n");
    Optional<Result> otel = peers.find("PeerBenchmark.otelSpan");
    Optional<Result> otelEvents = peers.find("PeerBenchmark.otelSpanWithEvents");
    Optional<Result> observation = peers.find("PeerBenchmark.observation");
    Optional<Result> observationEvents = peers.find("PeerBenchmark.observationWithEvents");
    out.append("| benchmark | ns/op | B/op | ÷ bare OTel span | ÷ Observation | CPU, all threads, ns/op "
        + "| CPU ÷ bare OTel span | CPU ÷ Observation |\n|---|---|---|---|---|---|---|---|\n");
    peerRow(out, otel, "OpenTelemetry SDK span", otel, observation);
    peerRow(out, otelEvents, "OpenTelemetry SDK span + 2 events", otel, observationEvents);
    peerRow(out, observation, "Micrometer Observation", otel, observation);
    peerRow(out, observationEvents, "Micrometer Observation + 2 events", otel, observationEvents);
    Optional<Result> step = peers.find("PeerBenchmark.runtrailStep");
    Optional<Result> trailed = peers.find("PeerBenchmark.runtrailTrailedStep");
    peerRow(out, step, "**Runtrail step** (span, MDC, histogram, redacted path)", otel, observation);
    peerRow(out, trailed, "**Runtrail step + 2 redacted trail events**", otel, observationEvents);
    out.append('\n');
    Ratio trailedVsSpan = ratio(trailed, otel);
    Ratio stepVsSpan = ratio(step, otel);
    Ratio trailedVsObservation = ratio(trailed, observationEvents);
    Ratio stepVsObservation = ratio(step, observation);
    out.append(String.format(Locale.ROOT, "Goal: a fully redacted, trailed step ≤ 1.5× a bare OTel span — %s "
            + "(%s); the step alone %s (%s).%n", times(trailedVsSpan), verdict(trailedVsSpan, 1.5), times(stepVsSpan),
        verdict(stepVsSpan, 1.5)));
    out.append(String.format(Locale.ROOT, "Goal: less than the Observation doing the same job — the trailed step %s "
            + "the Observation with 2 events (%s); the step %s the Observation (%s).%n", times(trailedVsObservation),
        verdict(trailedVsObservation, 1.0), times(stepVsObservation), verdict(stepVsObservation, 1.0)));
    Ratio trailedCpuVsSpan = cpuRatio(trailed, otel);
    Ratio trailedCpuVsObservation = cpuRatio(trailed, observationEvents);
    if (trailedCpuVsSpan.isMeasured()) {
      out.append(String.format(Locale.ROOT, "In CPU of all threads: the trailed step %s a bare OTel span (%s against "
              + "1.5×), %s the Observation with 2 events (%s); the step alone %s the span, %s the Observation.%n",
          times(trailedCpuVsSpan), verdict(trailedCpuVsSpan, 1.5), times(trailedCpuVsObservation),
          verdict(trailedCpuVsObservation, 1.0), times(cpuRatio(step, otel)), times(cpuRatio(step, observation))));
    }
    Optional<Result> redaction = costs.find("OperationCostBenchmark.redactEventData", "data", "secrets");
    if (redaction.isPresent() && otel.isPresent()) {
      out.append(String.format(Locale.ROOT, "For scale: redacting one typical event's data (`redactEventData`) costs "
              + "%s ns on its own, %.1f× a bare OpenTelemetry span; the trailed step redacts two.%n",
          group(redaction.get().primary().score()),
          redaction.get().primary().score() / otel.get().primary().score()));
    }
    out.append('\n');
    return out.toString();
  }

  private static String times(Ratio r) {
    if (!r.isMeasured()) {
      return "not measured";
    }
    return Double.isNaN(r.error()) ? String.format(Locale.ROOT, "%.2f×", r.value())
        : String.format(Locale.ROOT, "%.2f× (± %.2f)", r.value(), r.error());
  }

  /** a / b in time per operation (the primary score). */
  static Ratio ratio(Optional<Result> a, Optional<Result> b) {
    return ratioOf(a.map(Result::primary), b.map(Result::primary));
  }

  /** a / b in CPU time of all threads per operation. */
  private static Ratio cpuRatio(Optional<Result> a, Optional<Result> b) {
    return ratioOf(a.flatMap(r -> cpuMetric(r, "total")), b.flatMap(r -> cpuMetric(r, "total")));
  }

  private static Ratio ratioOf(Optional<Metric> x, Optional<Metric> y) {
    return x.isEmpty() || y.isEmpty() ? Ratio.NONE
        : Ratio.of(x.get().score(), x.get().error(), y.get().score(), y.get().error());
  }

  private static String plainTimes(Ratio r) {
    return r.isMeasured() ? String.format(Locale.ROOT, "%.2f×", r.value()) : "–";
  }

  private static void peerRow(StringBuilder out, Optional<Result> r, String label, Optional<Result> span,
      Optional<Result> observation) {
    if (r.isEmpty()) {
      return;
    }
    out.append("| ").append(label).append(" | ").append(nanos(r.get().primary())).append(" | ")
        .append(r.get().bytesPerOp().map(ReportSections::bytes).orElse("–")).append(" | ")
        .append(plainTimes(ratio(r, span))).append(" | ").append(plainTimes(ratio(r, observation))).append(" | ")
        .append(cpuMetric(r.get(), "total").map(ReportSections::nanos).orElse("–")).append(" | ")
        .append(plainTimes(cpuRatio(r, span))).append(" | ").append(plainTimes(cpuRatio(r, observation)))
        .append(" |\n");
  }

  private static void row(StringBuilder out, Optional<Result> r, String label) {
    r.ifPresent(result -> out.append("| ").append(label).append(" | ").append(nanos(result.primary())).append(" | ")
        .append(result.bytesPerOp().map(ReportSections::bytes).orElse("–")).append(" | ")
        .append(cpuMetric(result, "total").map(ReportSections::nanos).orElse("–")).append(" |\n"));
  }

  /** Met, not met, or within the noise, for a ratio against a bar. */
  static String verdict(Ratio ratio, double bar) {
    if (!ratio.isMeasured()) {
      return "not measured";
    }
    if (ratio.clearlyBelow(bar)) {
      return "met";
    }
    return ratio.value() < bar ? "met on the mean, not beyond the error" : "not met";
  }

  static String nanos(Metric m) {
    return Double.isNaN(m.error()) ? group(m.score()) : group(m.score()) + " ± " + group(m.error());
  }

  static String bytes(Metric m) {
    return group(m.score());
  }

  static String group(double value) {
    if (value < 100) {
      return String.format(Locale.ROOT, "%.1f", value);
    }
    return String.format(Locale.ROOT, "%,.0f", value);
  }

  /** The figures the README's performance section quotes. */
  String readmeSummary(String mode, String date) {
    return new ReadmeFigures(this).text(mode, date);
  }

  /** The JVM the results ran on, as JMH recorded it. */
  String jvm() {
    for (JmhResults results : List.of(overhead, costs, peers)) {
      if (!results.all().isEmpty()) {
        return results.all().get(0).jvm();
      }
    }
    return "unknown";
  }
}
