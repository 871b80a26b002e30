package dev.runtrail.redaction.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The CLI run in-process, with System.in/out/err replaced. */
class RedactCliTest {
  private InputStream realIn;
  private PrintStream realOut;
  private PrintStream realErr;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @BeforeEach
  void replaceStandardStreams() {
    realIn = System.in;
    realOut = System.out;
    realErr = System.err;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restoreStandardStreams() {
    System.setIn(realIn);
    System.setOut(realOut);
    System.setErr(realErr);
  }

  private int run(String stdin, String... args) {
    System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
    return RedactCli.run(args);
  }

  private String stdout() {
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void writesOneLinePerInputLineKeepingTerminators() {
    String input = "password=x\r\n\nplain\r\n\r\nlast ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789";
    assertThat(run(input)).isZero();
    assertThat(stdout()).isEqualTo("password=[REDACTED]\r\n\nplain\r\n\r\nlast [REDACTED]");
    assertThat(stdout().split("\n", -1)).hasSameSizeAs(input.split("\n", -1));
  }

  @Test
  void keepsTrailingNewline() {
    assertThat(run("a\nb\n")).isZero();
    assertThat(stdout()).isEqualTo("a\nb\n");
  }

  @Test
  void masksPrivateKeyBlockLineByLine() {
    String input = "before\n-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA\nabcdef==\n-----END RSA PRIVATE KEY-----\nafter\n";
    assertThat(run(input)).isZero();
    assertThat(stdout()).isEqualTo("before\n[REDACTED]\n[REDACTED]\n[REDACTED]\n[REDACTED]\nafter\n");
  }

  @Test
  void redactsOneJsonDocument() {
    assertThat(run("{\"token\": \"t\", \"n\": [1, 2]}\n", "--json")).isZero();
    assertThat(stdout()).isEqualTo("{\"token\": \"[REDACTED]\", \"n\": [1, 2]}\n");
  }

  @Test
  void appliesModeAndFormat() {
    assertThat(run("mail jo@example.com from 10.0.0.1\n", "--mode", "strict", "--format=length")).isZero();
    assertThat(stdout()).isEqualTo("mail <redacted:14chars> from <redacted:8chars>\n");
  }

  @Test
  void printsHelp() {
    assertThat(run("", "--help")).isZero();
    assertThat(stdout()).startsWith("Usage: java -jar runtrail-redact.jar");
  }

  @Test
  void rejectsUnknownArgumentWithExitCode2() {
    assertThat(run("", "--bogus")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("runtrail-redact: unknown argument '--bogus'");
  }

  @Test
  void rejectsBadModeWithExitCode2() {
    assertThat(run("", "--mode", "paranoid")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("unknown privacy mode 'paranoid' (allowed: strict, balanced, minimal)");
  }

  @Test
  void rejectsMissingOptionValue() {
    assertThat(run("", "--format")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--format needs a value");
  }

  @Test
  void takesModeFromEnvironment() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int code = RedactCli.run(new String[0], new ByteArrayInputStream("jo@example.com\n".getBytes(StandardCharsets.UTF_8)),
        bytes, System.err, Map.of("RUNTRAIL_PRIVACY", "minimal"));
    assertThat(code).isZero();
    assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("jo@example.com\n");
  }

  @Test
  void rejectsBadEnvironmentMode() {
    int code = RedactCli.run(new String[0], new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream(),
        new PrintStream(err, true, StandardCharsets.UTF_8), Map.of("RUNTRAIL_PRIVACY", "loud"));
    assertThat(code).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("RUNTRAIL_PRIVACY: unknown privacy mode 'loud'");
  }

  @Test
  void readsAndWritesUtf8() {
    assertThat(run("héllo wörld password=pässwörd ✓\n")).isZero();
    assertThat(stdout()).isEqualTo("héllo wörld password=[REDACTED] ✓\n");
  }
}
