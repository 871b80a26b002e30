package dev.runtrail.benchmarks.overhead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SaturatedSectionTest {

  @TempDir Path dir;

  @Test
  void eachInstrumentedPhaseIsDividedByTheBarePhaseBeforeIt() {
    SaturatedSection.Spread s = SaturatedSection.pairs(List.of(1000.0, 1040.0, 1000.0, 1100.0, 1000.0, 1020.0,
        2000.0, 2120.0, 1000.0, 1030.0, 999.0));
    assertThat(s.pairs()).as("the unpaired last phase is left out").isEqualTo(5);
    assertThat(s.median()).isCloseTo(1.04, within(1e-9));
    assertThat(s.low()).isCloseTo(1.02, within(1e-9));
    assertThat(s.high()).isCloseTo(1.10, within(1e-9));
    assertThat(SaturatedSection.verdict(s, 1.05)).isEqualTo("met on the median, not in every pair");
    assertThat(SaturatedSection.verdict(s, 1.10)).isEqualTo("met");
    assertThat(SaturatedSection.verdict(s, 1.03)).isEqualTo("not met");
    assertThat(SaturatedSection.Spread.of(new double[] {1.2, 1.0, 1.1, 1.3}).median()).isCloseTo(1.15, within(1e-9));
  }

  @Test
  void rendersEveryMeasuredConfigurationWithBothBarsFromJmhJson() throws IOException {
    Path json = dir.resolve("saturated.json");
    // phases of two forks, bare then instrumented: store at 10 steps 1.02 and 1.04, at 1 step 1.30 and 1.50
    Files.writeString(json, "[" + result("span+log+jsonl+store", 10, "[1000,1020],[1000,1040]", "[80000,84000]")
        + "," + result("span+log+jsonl+store", 1, "[1000,1300],[1000,1500]", "[80000,160000]")
        + "," + result("span", 10, "[1000,1010]", "[80000,80800]") + "]");
    SaturatedSection section = new SaturatedSection(JmhResults.read(json));
    assertThat(section.throughput("span+log+jsonl+store", 10).median()).isCloseTo(1.03, within(1e-9));
    assertThat(section.cpu("span+log+jsonl+store", 1).median()).isCloseTo(2.0, within(1e-9));
    assertThat(section.throughput("span+log", 1).isMeasured()).isFalse();
    String text = section.section();
    assertThat(text).startsWith("## Saturated")
        .contains("| default sinks + run store (`telemetry-runs` on the class path) | 10 | **1.030 (1.020–1.040)** "
            + "| 1.050 (1.050–1.050) | 2 |")
        .contains("| trail sink `span` only, run store off | 10 | 1.010 (1.010–1.010) |")
        .doesNotContain("`span` + `log`, run store off")
        .contains("10-step runs ≤ 1.05 — met (median 1.030); 1-step runs ≤ 1.10 — not met (median 1.400)");
    assertThat(section.readmeLine()).contains("**1.030** for 10-step runs, **1.400** for 1-step runs");
    assertThat(new SaturatedSection(JmhResults.read(dir.resolve("missing.json"))).section()).isEmpty();
  }

  private static String result(String config, int steps, String phases, String cpu) {
    return "{\"benchmark\":\"dev.runtrail.benchmarks.overhead.SaturatedBenchmark.step\",\"jdkVersion\":\"17\","
        + "\"vmName\":\"VM\",\"vmVersion\":\"1\",\"params\":{\"config\":\"" + config + "\",\"steps\":\"" + steps
        + "\"},\"primaryMetric\":{\"score\":1,\"scoreError\":\"NaN\",\"scoreUnit\":\"ms/op\",\"rawData\":[" + phases
        + "]},\"secondaryMetrics\":{\"cpu.total.norm\":{\"score\":1,\"scoreError\":\"NaN\",\"scoreUnit\":\"ns/op\","
        + "\"rawData\":[" + cpu + "]}}}";
  }
}
