package dev.runtrail.telemetry.core.propagation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** A second JVM running a main class from the test class path; its stdout read line by line. */
final class ChildJvm implements AutoCloseable {

  private final Process process;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private final List<String> all = new ArrayList<>();

  private ChildJvm(Process process) {
    this.process = process;
    Thread reader = new Thread(() -> {
      try (BufferedReader out = new BufferedReader(
          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = out.readLine(); line != null; line = out.readLine()) {
          lines.add(line);
        }
      } catch (IOException e) {
        lines.add("EOF " + e);
      }
      lines.add("EOF");
    });
    reader.setDaemon(true);
    reader.start();
  }

  static ChildJvm start(Path javaHome, Class<?> mainClass, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(javaHome.resolve("bin").resolve("java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(mainClass.getName());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().keySet().removeIf(name -> name.startsWith("OTEL_") || name.startsWith("RUNTRAIL_"));
    return new ChildJvm(builder.start());
  }

  static Path currentJavaHome() {
    return Paths.get(System.getProperty("java.home"));
  }

  /** A JDK of at least {@code feature} (this one, or one under /usr/lib/jvm), if any. */
  static Optional<Path> javaHomeAtLeast(int feature) throws IOException {
    if (Runtime.version().feature() >= feature) {
      return Optional.of(currentJavaHome());
    }
    Path jvms = Paths.get("/usr/lib/jvm");
    if (!Files.isDirectory(jvms)) {
      return Optional.empty();
    }
    try (Stream<Path> homes = Files.list(jvms)) {
      return homes.filter(home -> Files.isExecutable(home.resolve("bin/java")))
          .filter(home -> releaseFeature(home) >= feature)
          .findFirst();
    }
  }

  private static int releaseFeature(Path home) {
    try {
      for (String line : Files.readAllLines(home.resolve("release"))) {
        if (line.startsWith("JAVA_VERSION=")) {
          String version = line.substring("JAVA_VERSION=".length()).replace("\"", "");
          return Integer.parseInt(version.split("[.+-]")[0]);
        }
      }
    } catch (IOException | RuntimeException e) {
      return -1;
    }
    return -1;
  }

  /** The next line that starts with {@code prefix}, waiting up to 60 s. */
  String await(String prefix) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      String line = lines.poll(1, TimeUnit.SECONDS);
      if (line == null) {
        continue;
      }
      all.add(line);
      if (line.startsWith(prefix)) {
        return line;
      }
      if (line.startsWith("EOF")) {
        throw new AssertionError("child JVM ended before printing '" + prefix + "'; it printed:\n"
            + String.join("\n", all));
      }
    }
    throw new AssertionError("child JVM did not print '" + prefix + "' within 60 s; it printed:\n"
        + String.join("\n", all));
  }

  /** Every line up to the end of the output. */
  List<String> linesUntilExit() throws InterruptedException {
    List<String> rest = new ArrayList<>();
    for (String line = lines.poll(60, TimeUnit.SECONDS); line != null && !line.startsWith("EOF");
        line = lines.poll(60, TimeUnit.SECONDS)) {
      all.add(line);
      rest.add(line);
    }
    return rest;
  }

  int waitFor() throws InterruptedException {
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("child JVM did not exit; output:\n" + String.join("\n", all));
    }
    return process.exitValue();
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }
}
