package dev.runtrail.benchmarks.overhead;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OverheadReportTest {

  @TempDir Path dir;

  private static final String OTHERS = "## Run store: runs list over 100,000 runs\n\nkept | as | is\n\n"
      + "## Redaction throughput\n\n| input | ours |\n|---|---|\n| log lines | 406 ± 81 |\n";

  @Test
  void theGeneratedBlockGoesAfterTheTitleAndEverySectionOfOthersIsKeptVerbatim() {
    String existing = "# Benchmark results\n\n" + OTHERS;
    String once = OverheadReport.splice(existing, "## Overhead\n\nfirst\n\n");
    assertThat(once).startsWith("# Benchmark results\n\n" + OverheadReport.START).contains("first").endsWith(OTHERS);
    String twice = OverheadReport.splice(once, "## Overhead\n\nsecond\n\n");
    assertThat(twice).contains("second").doesNotContain("first").endsWith(OTHERS);
    assertThat(OverheadReport.splice(twice, "## Overhead\n\nsecond\n\n")).isEqualTo(twice);
  }

  @Test
  void readmeFiguresAreReplacedOnlyBetweenTheirMarkers() {
    String readme = "# Runtrail\n\n## Performance\n\nintro\n\n" + OverheadReport.README_START + "\nold\n"
        + OverheadReport.README_END + "\n\n## Modules\n";
    String updated = OverheadReport.replaceBetween(readme, OverheadReport.README_START, OverheadReport.README_END,
        "new\n");
    assertThat(updated).contains("intro").contains("new").doesNotContain("old").endsWith("## Modules\n");
    assertThat(OverheadReport.replaceBetween("no markers", OverheadReport.README_START, OverheadReport.README_END,
        "x")).isEqualTo("no markers");
  }

  @Test
  void pairedRatioIsTheMeanOfPerIterationRatiosWithAStudentInterval() {
    Ratio r = Ratio.paired(List.of(105.0, 104.0, 106.0, 105.0), List.of(100.0, 100.0, 100.0, 100.0));
    assertThat(r.value()).isCloseTo(1.05, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(r.error()).isBetween(0.01, 0.1);
    assertThat(Ratio.of(110, 1, 100, 1).value()).isCloseTo(1.1, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(ReportSections.verdict(new Ratio(1.02, 0.01, 10), 1.05)).isEqualTo("met");
    assertThat(ReportSections.verdict(new Ratio(1.04, 0.02, 10), 1.05)).isEqualTo("met on the mean, not beyond the error");
    assertThat(ReportSections.verdict(new Ratio(1.06, 0.01, 10), 1.05)).isEqualTo("not met");
  }

  @Test
  void rendersTheSectionsFromJmhJson() throws IOException {
    Path overhead = dir.resolve("overhead.json");
    Files.writeString(overhead, "[" + result("OverheadBenchmark.bare", "{}", 100_000,
            "{\"cpu.total.norm\":" + metric(new double[] {100_000, 100_000}) + "}") + ","
        + result("OverheadBenchmark.instrumented", "{\"sinks\":\"span\"}", 104_000,
            "{\"cpu.total.norm\":" + metric(new double[] {120_000, 120_000}) + ",\"cpu.runtrail.norm\":"
                + metric(new double[] {15_000, 15_000}) + "}") + ","
        + result("OverheadBenchmark.paired", "{\"instrumentation\":\"span+log+jsonl\"}", 200_000,
            "{\"bareNanos\":" + metric(new double[] {100, 100, 100}) + ",\"instrumentedNanos\":"
                + metric(new double[] {103, 104, 103}) + "}") + ","
        // Per iteration: the bare half took 100 of the pair's 204 timed units, so 100,000 of the measuring
        // thread's 204,000 ns; all threads spent 254,000 and 244,000: (254 - 100) / 100 and (244 - 100) / 100.
        + result("OverheadBenchmark.paired", "{\"instrumentation\":\"span\"}", 204_000,
            "{\"bareNanos\":" + metric(new double[] {100, 100}) + ",\"instrumentedNanos\":"
                + metric(new double[] {104, 104}) + ",\"cpu.measuring.norm\":" + metric(new double[] {204_000, 204_000})
                + ",\"cpu.total.norm\":" + metric(new double[] {254_000, 244_000}) + "}") + "]");
    ReportSections sections = new ReportSections(JmhResults.read(overhead), JmhResults.read(null),
        JmhResults.read(null));
    assertThat(sections.paired("span+log+jsonl").value()).isCloseTo(1.0333, org.assertj.core.data.Offset.offset(1e-3));
    assertThat(sections.separate("span").value()).isCloseTo(1.04, org.assertj.core.data.Offset.offset(1e-9));
    String text = sections.overheadSection();
    assertThat(sections.cpu("span").value()).isCloseTo(1.49, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(sections.cpu("span+log+jsonl").isMeasured()).as("no CPU figures in that paired result").isFalse();
    assertThat(sections.bareHalfNanos("span").orElseThrow()).isCloseTo(100_000, org.assertj.core.data.Offset.offset(1e-6));
    assertThat(text).contains("## Overhead").contains("1.033").contains("| none (bare workload) | 1 | 1 | 1 | – | 100,000")
        .contains("| Runtrail, trail sink `span` | **1.040 ± 0.000** | 1.040 ± 0.000 | 1.490 ± ")
        .contains(" | 15,000 | 104,000 |");
    assertThat(sections.costsSection()).contains("## Per-operation costs");
    assertThat(sections.peersSection()).contains("## Against the peers");
  }

  private static String result(String name, String params, double score, String secondary) {
    return "{\"benchmark\":\"dev.runtrail.benchmarks.overhead." + name + "\",\"jdkVersion\":\"17\",\"vmName\":\"VM\","
        + "\"vmVersion\":\"1\",\"params\":" + params + ",\"primaryMetric\":{\"score\":" + score
        + ",\"scoreError\":\"NaN\",\"scoreUnit\":\"ns/op\",\"rawData\":[[" + score + "]]},\"secondaryMetrics\":"
        + secondary + "}";
  }

  private static String metric(double[] values) {
    StringBuilder raw = new StringBuilder();
    for (double v : values) {
      raw.append(raw.length() == 0 ? "" : ",").append(v);
    }
    double mean = java.util.Arrays.stream(values).average().orElse(0);
    return "{\"score\":" + mean + ",\"scoreError\":\"NaN\",\"scoreUnit\":\"#\",\"rawData\":[[" + raw + "]]}";
  }
}
