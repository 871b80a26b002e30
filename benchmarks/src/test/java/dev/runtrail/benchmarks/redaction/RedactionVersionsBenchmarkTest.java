package dev.runtrail.benchmarks.redaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runtrail.benchmarks.overhead.JmhResults;
import dev.runtrail.redaction.Redactor;
import java.lang.invoke.MethodHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RedactionVersionsBenchmarkTest {

  @Test
  void baselineEngineComesFromItsOwnJarAndRedacts(@TempDir Path dir) throws Throwable {
    // This build's redaction classes packed into a jar stand in for an older build's.
    Path classes = Path.of(Redactor.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Path jar = dir.resolve("baseline.jar");
    pack(classes, jar);

    MethodHandle redact = RedactionVersionsBenchmark.baselineRedact(jar);

    String line = "calling api with token=ghp_" + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8" + " done";
    String redacted = (String) redact.invokeExact(line);
    assertThat(redacted).doesNotContain("ghp_a1B2").isEqualTo(Redactor.defaults().redact(line));
    assertThat(redact.type().parameterType(0)).isEqualTo(String.class);
  }

  @Test
  void missingBaselineJarNamesTheProperty(@TempDir Path dir) {
    String before = System.getProperty(RedactionVersionsBenchmark.BASELINE_JAR);
    System.setProperty(RedactionVersionsBenchmark.BASELINE_JAR, dir.resolve("nope.jar").toString());
    try {
      assertThatThrownBy(RedactionVersionsBenchmark::baselineJar)
          .hasMessageContaining("runtrail.bench.baselineJar=").hasMessageContaining("nope.jar");
    } finally {
      if (before == null) {
        System.clearProperty(RedactionVersionsBenchmark.BASELINE_JAR);
      } else {
        System.setProperty(RedactionVersionsBenchmark.BASELINE_JAR, before);
      }
    }
  }

  @Test
  void reportDividesTheHalvesPerIteration(@TempDir Path dir) throws Exception {
    // Two iterations: the older build took 200 and 300 ms, this one 100 and 300 ms -> ratios 2.0 and 1.0.
    String json = "[{\"benchmark\":\"x.RedactionVersionsBenchmark.paired\",\"params\":{\"corpus\":\"lines\"},"
        + "\"primaryMetric\":{\"score\":10.0},\"secondaryMetrics\":{"
        + "\"baselineNanos\":{\"rawData\":[[2.0E8,3.0E8]]},\"currentNanos\":{\"rawData\":[[1.0E8,3.0E8]]}}}]";

    Path file = Files.writeString(dir.resolve("result.json"), json);

    String table = VersionsReport.render(JmhResults.read(file));

    assertThat(table).contains("| lines |").contains("| 1.500 ± ").contains("| 2 |");
  }

  private static void pack(Path classes, Path jar) throws Exception {
    if (Files.isRegularFile(classes)) {
      Files.copy(classes, jar);
      return;
    }
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(jar));
        var files = Files.walk(classes)) {
      for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        out.putNextEntry(new ZipEntry(classes.relativize(file).toString().replace('\\', '/')));
        Files.copy(file, out);
        out.closeEntry();
      }
    }
  }
}
