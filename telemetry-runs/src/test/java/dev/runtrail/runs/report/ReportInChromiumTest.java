package dev.runtrail.runs.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.runtrail.runs.RunStoreExporter;
import dev.runtrail.runs.fixtures.CliRun;
import dev.runtrail.runs.fixtures.SeedRun;
import dev.runtrail.testsupport.RequiresTool;
import dev.runtrail.testsupport.Tools;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opens a real report.html in headless Chromium (Debian package {@code chromium}). */
@Tag("browser")
@RequiresTool(value = {"chromium", "chromium-browser"}, debianPackage = "chromium")
class ReportInChromiumTest {

  private static final Path SCREENSHOT = Paths.get("target", "report-screenshots", "seed-run-report.png");

  @TempDir
  Path runsDir;

  @TempDir
  Path profile;

  private Path report;

  @BeforeEach
  void writeSeedRun() throws Exception {
    RunStoreExporter.create(runsDir).export(SeedRun.create(runsDir));
    CliRun.Result open = new CliRun().runs(runsDir, "open", SeedRun.RUN_ID); // renders report.html on demand
    assertThat(open.exitCode()).as(open.err()).isZero();
    report = Path.of(open.out().strip());
    assertThat(report).isEqualTo(
        runsDir.resolve("prod/api/" + SeedRun.PLAN_HASH + "/" + SeedRun.RUN_ID + "/report.html").toAbsolutePath());
  }

  @Test
  void renderedTimelineShowsEveryStepAndTheFailure() throws Exception {
    String dom = chromium("--dump-dom", report.toUri().toString());

    assertThat(dom).contains("id=\"timeline\"");
    assertThat(dom).contains("data-step=\"main/deploy/api\" data-status=\"ok\"");
    assertThat(dom).contains("data-step=\"main/verify/healthz\" data-status=\"failed\"");
    assertThat(dom).containsPattern("class=\"bar failed[^\"]*\" data-step=\"main/verify/healthz\"");
    assertThat(dom).contains("id=\"stderr-tail\"").contains("Operation timed out");
    assertThat(dom).contains("id=\"trail\"").contains("Action trail (4 events)");
  }

  @Test
  void savesAScreenshotOfTheReport() throws Exception {
    Files.createDirectories(SCREENSHOT.getParent());
    Files.deleteIfExists(SCREENSHOT);

    chromium("--screenshot=" + SCREENSHOT.toAbsolutePath(), "--window-size=1400,900", report.toUri().toString());

    assertThat(SCREENSHOT).isRegularFile();
    byte[] png = Files.readAllBytes(SCREENSHOT);
    assertThat(png).startsWith(0x89, 'P', 'N', 'G');
    assertThat(png.length).as("a rendered page, not a blank one").isGreaterThan(20_000);
  }

  private String chromium(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(Tools.locate("chromium", "chromium", "chromium-browser").toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--disable-dev-shm-usage", "--user-data-dir=" + profile));
    command.addAll(List.of(args));
    Path output = profile.resolve("chromium-output.txt");
    Process process = new ProcessBuilder(command).redirectError(profile.resolve("chromium-errors.txt").toFile())
        .redirectOutput(output.toFile()).start();
    if (!process.waitFor(90, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      fail("chromium did not finish within 90 s");
    }
    assertThat(process.exitValue()).as("chromium exit code; stderr: %s",
        Files.readString(profile.resolve("chromium-errors.txt"))).isZero();
    return Files.readString(output, StandardCharsets.UTF_8);
  }

}
