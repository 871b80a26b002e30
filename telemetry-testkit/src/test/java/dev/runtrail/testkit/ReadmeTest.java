package dev.runtrail.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's sample test class is a real test of this build, character for character. */
class ReadmeTest {

  static final Path MODULE = Path.of(System.getProperty("basedir", "."));
  static final String MARKER = "<!-- sample: src/test/java/com/example/deploy/DeployTelemetryTest.java -->";

  @Test
  void theSampleTestInTheReadmeIsDeployTelemetryTestVerbatim() throws Exception {
    String readme = Files.readString(MODULE.resolve("README.md"));
    int marker = readme.indexOf(MARKER);
    assertThat(marker).as("the README marks its sample with " + MARKER).isNotNegative();
    int start = readme.indexOf("```java\n", marker) + "```java\n".length();
    int end = readme.indexOf("```\n", start);
    String sample = readme.substring(start, end);
    String source = Files.readString(MODULE.resolve("src/test/java/com/example/deploy/DeployTelemetryTest.java"));
    assertThat(sample).isEqualTo(source);
  }
}
