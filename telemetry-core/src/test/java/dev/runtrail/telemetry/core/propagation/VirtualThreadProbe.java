package dev.runtrail.telemetry.core.propagation;

import dev.runtrail.telemetry.RunContext;
import dev.runtrail.telemetry.Step;
import dev.runtrail.telemetry.core.Runtrail;
import dev.runtrail.telemetry.core.RuntrailTelemetry;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import java.nio.file.Paths;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.MDC;

/**
 * Run on JDK 21+ by {@link VirtualThreadsTest}: a task on a virtual thread (created reflectively, as
 * the library is built for Java 17) sees the run and MDC through {@code Runtrail.wrap}, and without
 * it sees nothing. Prints {@code WRAPPED <virtual> <runId> <mdcRunId> <stepPath>},
 * {@code BARE <runId> <mdcRunId>} and {@code EXPECTED <runId>}.
 */
public final class VirtualThreadProbe {

  private VirtualThreadProbe() {}

  public static void main(String[] args) throws Exception {
    RuntrailTelemetry telemetry = (RuntrailTelemetry) Runtrail.builder().enabled(true)
        .spanExporter(InMemorySpanExporter.create()).synchronousExport(true)
        .runsDirectory(Paths.get(args[0])).discoverRunExporters(false).build();
    ExecutorService virtual = (ExecutorService) Executors.class.getMethod("newVirtualThreadPerTaskExecutor")
        .invoke(null);
    try (RunContext run = telemetry.run("agent").start(); Step step = run.step("agent/fanout")) {
      String wrapped = Runtrail.wrap(virtual).submit(() -> "WRAPPED " + isVirtual() + " "
          + RunContext.current().runId() + " " + MDC.get("run_id") + " " + Step.current().path()).get();
      String bare = virtual.submit(() -> "BARE " + RunContext.current().runId() + " " + MDC.get("run_id")).get();
      System.out.println(wrapped);
      System.out.println(bare);
      System.out.println("EXPECTED " + run.runId());
    } finally {
      virtual.shutdown();
      telemetry.close();
    }
  }

  private static boolean isVirtual() throws Exception {
    return (Boolean) Thread.class.getMethod("isVirtual").invoke(Thread.currentThread());
  }
}
