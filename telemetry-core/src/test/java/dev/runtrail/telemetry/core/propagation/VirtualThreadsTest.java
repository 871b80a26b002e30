package dev.runtrail.telemetry.core.propagation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Virtual threads inherit no thread-locals: Runtrail.wrap carries the run to them (JDK 21+). */
class VirtualThreadsTest {

  @TempDir Path runsDir;

  @Test
  void wrappedVirtualThreadExecutorCarriesTheRun() throws Exception {
    Optional<Path> jdk21 = ChildJvm.javaHomeAtLeast(21);
    assumeTrue(jdk21.isPresent(), "needs a JDK 21+ (this JVM or one under /usr/lib/jvm) to run virtual threads");
    try (ChildJvm child = ChildJvm.start(jdk21.get(), VirtualThreadProbe.class, runsDir.toString())) {
      String wrapped = child.await("WRAPPED ");
      String bare = child.await("BARE ");
      String expected = child.await("EXPECTED ").substring("EXPECTED ".length());
      assertThat(wrapped).isEqualTo("WRAPPED true " + expected + " " + expected + " agent/fanout");
      assertThat(bare).as("without wrapping a virtual thread sees no run").isEqualTo("BARE  null");
      List<String> rest = child.linesUntilExit();
      assertThat(child.waitFor()).as(String.join("\n", rest)).isZero();
    }
  }
}
