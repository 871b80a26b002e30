package dev.runtrail.benchmarks.overhead;

import static dev.runtrail.benchmarks.overhead.ReportSections.BAR;

import dev.runtrail.benchmarks.overhead.JmhResults.Result;
import java.util.Locale;
import java.util.Optional;

/** The figures the README's performance section quotes, from the same results as RESULTS.md. */
final class ReadmeFigures {

  private final ReportSections sections;

  ReadmeFigures(ReportSections sections) {
    this.sections = sections;
  }

  /** The bullet list and the provenance line between the README's markers. */
  String text(String mode, String date) {
    return overhead() + cpu() + perOperation() + peers()
        + String.format(Locale.ROOT, "%nFrom `benchmarks/run.sh %s` on %s; details, the machine and the exact "
            + "commands in [benchmarks/RESULTS.md](benchmarks/RESULTS.md).%n", mode, date);
  }

  private String overhead() {
    Ratio defaults = sections.paired("span+log+jsonl");
    Ratio steps = sections.paired("span+log+jsonl@10");
    // The bare half of the interleaved runs: timed beside the instrumented half, unlike the separate benchmark.
    Optional<Double> bare = sections.bareHalfNanos("span+log+jsonl");
    return String.format(Locale.ROOT, "- **Overhead on a real step** (parse, transform and serialize a 10 KB JSON "
            + "document, %s per operation bare; a whole run per operation — run, step, two redacted trail events, "
            + "metrics, MDC), the app's thread: **%s** with the default trail sinks, %s with span events only. "
            + "Bar < %.2f: %s.%s%n",
        bare.map(nanos -> String.format(Locale.ROOT, "%.0f µs", nanos / 1000)).orElse("?"), defaults,
        sections.paired("span"), BAR, ReportSections.verdict(defaults, BAR),
        steps.isMeasured() ? " As one step of a 10-step run (defaults): " + steps + "." : "");
  }

  private String cpu() {
    Ratio cpu = sections.cpu("span+log+jsonl");
    if (!cpu.isMeasured()) {
      return "";
    }
    Ratio steps = sections.cpu("span+log+jsonl@10");
    return String.format(Locale.ROOT, "- **CPU time of all threads** (the app's thread and Runtrail's own, GC, "
            + "exporter): %s of the bare workload's with the default sinks, a whole run per operation%s; %s with "
            + "span events only. This is what the machine pays beyond the app's wait.%n", cpu,
        steps.isMeasured() ? "; " + steps + " as one step of a 10-step run" : "", sections.cpu("span"));
  }

  private String perOperation() {
    Optional<Result> disabled = sections.costs.find("OperationCostBenchmark.disabledRunAndStep");
    Optional<Result> step = sections.costs.find("OperationCostBenchmark.enabledStep");
    Optional<Result> event = sections.costs.find("OperationCostBenchmark.trailEvent", "sink", "span");
    return String.format(Locale.ROOT, "- **Per operation** (hot loop, calling thread): disabled run + step + event "
            + "%s ns / %s B; run %s ns; step %s ns / %s B; redacted trail event (span sink) %s ns / %s B.%n",
        nanos(disabled), bytes(disabled), nanos(sections.costs.find("OperationCostBenchmark.enabledRun")),
        nanos(step), bytes(step), nanos(event), bytes(event));
  }

  private String peers() {
    Optional<Result> otel = sections.peers.find("PeerBenchmark.otelSpan");
    Optional<Result> trailed = sections.peers.find("PeerBenchmark.runtrailTrailedStep");
    Ratio vsSpan = ReportSections.ratio(trailed, otel);
    return String.format(Locale.ROOT, "- **Peers**: a Runtrail step %s ns vs a bare OpenTelemetry span %s ns and a "
            + "Micrometer Observation %s ns; with two redacted trail events %s ns (%s× the span).%n",
        nanos(sections.peers.find("PeerBenchmark.runtrailStep")), nanos(otel),
        nanos(sections.peers.find("PeerBenchmark.observation")), nanos(trailed),
        vsSpan.isMeasured() ? String.format(Locale.ROOT, "%.1f", vsSpan.value()) : "?");
  }

  private static String nanos(Optional<Result> r) {
    return r.map(x -> ReportSections.group(x.primary().score())).orElse("?");
  }

  private static String bytes(Optional<Result> r) {
    return r.flatMap(Result::bytesPerOp).map(ReportSections::bytes).orElse("?");
  }
}
