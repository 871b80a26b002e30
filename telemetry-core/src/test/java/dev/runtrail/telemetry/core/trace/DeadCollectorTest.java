package dev.runtrail.telemetry.core.trace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtrail.telemetry.RunContext;
import dev.runtrail.telemetry.Step;
import dev.runtrail.telemetry.Telemetry;
import dev.runtrail.telemetry.core.Runtrail;
import dev.runtrail.telemetry.core.config.RuntrailConfig;
import dev.runtrail.telemetry.core.config.Setting;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With the OTLP endpoint dead, runs complete normally and shutdown is bounded. */
class DeadCollectorTest {

  @TempDir Path runsDir;
  private final List<String> properties = List.of(
      "otel.traces.exporter", "otel.exporter.otlp.endpoint", "otel.exporter.otlp.protocol", "otel.service.name");

  @AfterEach
  void clearProperties() {
    properties.forEach(System::clearProperty);
  }

  @Test
  void closedPortDoesNotDisturbTheRunAndShutdownIsBounded() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    Duration closeTook = runAgainst("http://127.0.0.1:" + port);
    assertThat(closeTook).isLessThan(Duration.ofSeconds(10));
  }

  @Test
  void unresponsiveCollectorDoesNotHoldShutdownPastItsTimeout() throws Exception {
    try (ServerSocket blackhole = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      List<Socket> accepted = new ArrayList<>();
      Thread acceptor = new Thread(() -> {
        while (!blackhole.isClosed()) {
          try {
            accepted.add(blackhole.accept()); // accept, never answer
          } catch (Exception e) {
            return;
          }
        }
      });
      acceptor.setDaemon(true);
      acceptor.start();
      Duration closeTook = runAgainst("http://127.0.0.1:" + blackhole.getLocalPort());
      assertThat(closeTook).as("RUNTRAIL_SHUTDOWN_TIMEOUT=2s bounds close").isLessThan(Duration.ofSeconds(6));
      for (Socket socket : accepted) {
        socket.close();
      }
    }
  }

  private Duration runAgainst(String endpoint) throws Exception {
    System.setProperty("otel.traces.exporter", "otlp");
    System.setProperty("otel.exporter.otlp.protocol", "http/protobuf");
    System.setProperty("otel.exporter.otlp.endpoint", endpoint);
    System.setProperty("otel.service.name", "dead-collector-test");
    Telemetry telemetry = Runtrail.builder()
        .config(RuntrailConfig.of(Map.of(Setting.ENABLED, "true", Setting.SHUTDOWN_TIMEOUT, "2s",
            Setting.TRAIL_SINKS, "jsonl")))
        .runsDirectory(runsDir)
        .discoverRunExporters(false)
        .shutdownHook(false)
        .build();
    assertThat(telemetry.isEnabled()).isTrue();
    String runId;
    try (RunContext run = telemetry.run("deploy").env("prod").target("api").start()) {
      runId = run.runId();
      for (int i = 0; i < 20; i++) {
        try (Step step = run.step("main/step-" + i)) {
          run.trail().toolCall("kubectl", Map.of("i", i));
          step.exitCode(0);
        }
      }
    }
    long start = System.nanoTime();
    telemetry.close();
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    try (Stream<Path> files = Files.walk(runsDir)) {
      Path trail = files.filter(p -> p.getFileName().toString().equals("trail.jsonl")).findFirst().orElseThrow();
      assertThat(trail.toString()).contains(runId);
      assertThat(Files.readAllLines(trail)).hasSize(20);
    }
    return took;
  }
}
