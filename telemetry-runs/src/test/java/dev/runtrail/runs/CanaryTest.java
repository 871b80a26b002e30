package dev.runtrail.runs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtrail.runs.fixtures.CliRun;
import dev.runtrail.runs.fixtures.RealTelemetry;
import dev.runtrail.telemetry.RetryCause;
import dev.runtrail.telemetry.RunContext;
import dev.runtrail.telemetry.Step;
import dev.runtrail.telemetry.trail.DecoratorUsage;
import io.opentelemetry.api.common.AttributeKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fake secrets put into a run through a real core telemetry never reach an artifact or runs.db. */
class CanaryTest {

  // Fake secrets in real formats: a GitHub classic token, an AWS access key id, a JWT, a password.
  static final String GITHUB = "ghp_" + "Zq9XwV8uT7sR6pO5nM4lK3jI2hG1fE0dC9bA";
  static final String AWS = "AKIA" + "J7QXEXAMPLE2ZK4B";
  static final String JWT = "eyJhbGciOiJIUzI1NiJ9" + ".eyJzdWIiOiJydW5zLWNhbmFyeSIsImlhdCI6MTcwMDAwMDAwMH0"
      + ".cnVucy1jYW5hcnktc2lnbmF0dXJlLXZhbHVl";
  static final String PASSWORD = "C0rrect-H0rse-canary";
  static final List<String> CANARIES = List.of(GITHUB, AWS, JWT, PASSWORD);

  @TempDir
  Path runsDir;

  @Test
  void noArtifactAndNoIndexRowContainsASecretPutIntoTheRun() throws Exception {
    String runId;
    try (RealTelemetry t = new RealTelemetry(runsDir, Map.of())) {
      try (RunContext run = t.telemetry.run("deploy").env("prod").target("api")
          .plan("{\"version\":\"1.0\",\"token\":\"" + GITHUB + "\",\"steps\":[{\"id\":\"main/deploy/api\","
              + "\"command\":\"deploy --aws-key " + AWS + "\"}]}")
          .resolvedValue("@env.API_TOKEN", GITHUB)
          .attribute(AttributeKey.stringKey("authorization"), "Bearer " + JWT)
          .git("abc123", "release/1.2.0").runner("runner-12").start()) {
        runId = run.runId();
        try (Step step = run.step("main/deploy/api")) {
          run.trail().toolCall("curl", Map.of("headers", Map.of("Authorization", "Bearer " + JWT),
              "args", List.of("login", "--password=" + PASSWORD)));
          run.trail().decoratorUsed(DecoratorUsage.of("@env", "AWS_SECRET_ACCESS_KEY").at("deploy.opl", 23)
              .durationMs(0.1).user("deploy-bot"));
          run.trail().record("note", Map.of("text", "pushed with " + GITHUB));
          step.retry(1, 137, RetryCause.TIMEOUT);
          step.stderrTail("fatal: https://deploy:" + PASSWORD + "@git.example.com/repo.git\naws_access_key_id=" + AWS
              + "\n");
          step.fail("E_PUSH", new IllegalStateException("push failed with token " + GITHUB));
        }
        run.fail("E_DEPLOY", "deploy failed: password=" + PASSWORD + " jwt " + JWT);
      }
    }

    // report.html is rendered when first opened: open it, so that it is checked too.
    assertThat(new CliRun().runs(runsDir, "open", runId).exitCode()).isZero();
    List<Path> files = filesUnder(runsDir);
    assertThat(files).extracting(f -> f.getFileName().toString())
        .contains("plan.json", "summary.json", "trail.jsonl", "otlp-traces.json", "report.html", "runs.db");
    List<String> leaks = new ArrayList<>();
    for (Path file : files) {
      leaks.addAll(canariesIn(runsDir.relativize(file).toString(),
          new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)));
    }
    for (String row : allRows(runsDir.resolve("runs.db"))) {
      leaks.addAll(canariesIn("runs.db row " + row.substring(0, row.indexOf(':')), row));
    }
    assertThat(leaks).as("canaries found").isEmpty();
    assertThat(Files.readString(files.stream().filter(f -> f.endsWith("summary.json")).findFirst().orElseThrow()))
        .contains("[REDACTED]");
  }

  @Test
  void aPasswordGivenAsTheArgumentAfterAPasswordFlagNeverReachesTheStore() throws Exception {
    try (RealTelemetry t = new RealTelemetry(runsDir, Map.of())) {
      try (RunContext run = t.telemetry.run("deploy").env("prod").target("api").start()) {
        run.trail().toolCall("curl", Map.of("args", List.of("login", "--password", PASSWORD)));
      }
    }

    List<String> leaks = new ArrayList<>();
    for (Path file : filesUnder(runsDir)) {
      leaks.addAll(canariesIn(runsDir.relativize(file).toString(),
          new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)));
    }
    assertThat(leaks).as("canaries found").isEmpty();
  }

  /** "where: canary ... context" for each canary in the text. */
  private static List<String> canariesIn(String where, String text) {
    List<String> found = new ArrayList<>();
    for (String canary : CANARIES) {
      int at = text.indexOf(canary);
      if (at >= 0) {
        String context = text.substring(Math.max(0, at - 60), Math.min(text.length(), at + canary.length() + 20))
            .replaceAll("[^\\x20-\\x7e]", ".");
        found.add(where + ": " + canary + " in \"" + context + "\"");
      }
    }
    return found;
  }

  private static List<Path> filesUnder(Path dir) throws Exception {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).toList();
    }
  }

  private static List<String> allRows(Path db) throws Exception {
    List<String> rows = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
      for (String table : List.of("runs", "steps", "trail_events")) {
        try (ResultSet r = s.executeQuery("SELECT * FROM " + table)) {
          int columns = r.getMetaData().getColumnCount();
          while (r.next()) {
            StringBuilder row = new StringBuilder(table).append(':');
            for (int i = 1; i <= columns; i++) {
              row.append(' ').append(r.getString(i));
            }
            rows.add(row.toString());
          }
        }
      }
    }
    assertThat(rows).anySatisfy(row -> assertThat(row).startsWith("trail_events:"));
    return rows;
  }
}
