package dev.runtrail.redaction.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The CLI as a real process: {@code java -cp target/classes:jackson-core.jar dev.runtrail.redaction.cli.RedactCli}
 * (the built classes and the one dependency, nothing from the test classpath).
 */
class RedactCliProcessTest {
  private static Process start(String... args) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classpath = locationOf(RedactCli.class) + File.pathSeparator + locationOf(JsonFactory.class);
    List<String> command = new java.util.ArrayList<>(List.of(java, "-cp", classpath, RedactCli.class.getName()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().remove("RUNTRAIL_PRIVACY");
    return builder.start();
  }

  @Test
  void roundTripsLineCountsExactly() throws Exception {
    String input = "one password=x\r\n\r\n\nthree AKIAIOSFODNN7EXAMPLE\r\nlast line without newline";
    Process process = start();
    try (OutputStream stdin = process.getOutputStream()) {
      stdin.write(input.getBytes(StandardCharsets.UTF_8));
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isZero();
    assertThat(output).isEqualTo("one password=[REDACTED]\r\n\r\n\nthree [REDACTED]\r\nlast line without newline");
    assertThat(output.split("\n", -1)).hasSameSizeAs(input.split("\n", -1));
    assertThat(output.chars().filter(c -> c == '\r').count()).isEqualTo(input.chars().filter(c -> c == '\r').count());
  }

  @Test
  void streamsEachLineBeforeInputEnds() throws Exception {
    Process process = start("--mode", "minimal");
    try {
      OutputStream stdin = process.getOutputStream();
      BufferedReader stdout = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      stdin.write("token=abc\n".getBytes(StandardCharsets.UTF_8));
      stdin.flush();
      String first = CompletableFuture.supplyAsync(() -> readLine(stdout)).get(60, TimeUnit.SECONDS);
      assertThat(first).isEqualTo("token=[REDACTED]");
      stdin.close();
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    } finally {
      process.destroy();
    }
  }

  @Test
  void exitsWith2OnBadArguments() throws Exception {
    Process process = start("--mode");
    process.getOutputStream().close();
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isEqualTo(2);
    assertThat(err).contains("--mode needs a value");
  }

  private static String locationOf(Class<?> type) throws Exception {
    return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
  }

  private static String readLine(BufferedReader reader) {
    try {
      return reader.readLine();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
