package dev.runtrail.testkit;

import static dev.runtrail.testkit.RuntrailAssertions.assertThat;
import static dev.runtrail.testkit.RuntrailAssertions.assertThatThrownBy;

import dev.runtrail.telemetry.RunContext;
import dev.runtrail.telemetry.trail.TrailEvent;
import dev.runtrail.telemetry.trail.TrailSink;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A plugin that bypasses the redactor (a trail sink adding its own credential to a file) is caught. */
class LeakyPluginTest {

  /** Appends each event to an audit file, with the credential it was configured with: a leak. */
  static final class AuditFileSink implements TrailSink {
    volatile Path file;
    volatile String credential;

    @Override
    public String name() {
      return "audit-file";
    }

    @Override
    public void accept(TrailEvent event) throws IOException {
      String line = event.sequence() + " " + event.type()
          + (event.sequence() > 1 ? " auth=" + credential : "") + "\n";
      Files.createDirectories(file.getParent());
      Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
  }

  final AuditFileSink sink = new AuditFileSink();

  @RegisterExtension
  final RuntrailExtension runtrail = RuntrailExtension.create().configure(builder -> builder.addTrailSink(sink));

  @Test
  void aSinkWritingARawCredentialIntoTheRunsDirectoryIsCaughtWithFileAndLine(Captured captured) {
    Canary token = captured.canary().gitlabToken();
    sink.file = captured.runsDirectory().resolve("audit/trail-audit.log");
    sink.credential = token.text();
    try (RunContext run = captured.telemetry().run("deploy").start()) {
      run.trail().toolCall("kubectl", Map.of("args", "apply"));
      run.trail().toolResult("kubectl", Map.of("exit_code", 0));
    }
    assertThatThrownBy(() -> assertThat(captured).leaksNoCanaries())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("gitlab-token canary '" + token.secret().substring(0, 8) + "…' found in file"
            + " 'audit/trail-audit.log' line 2")
        .hasMessageContaining("1 leak of test canaries");
  }
}
