package dev.runtrail.runs.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtrail.runs.RunStoreExporter;
import dev.runtrail.runs.fixtures.CliRun;
import dev.runtrail.runs.fixtures.SeedRun;
import dev.runtrail.runs.internal.report.ReportFile;
import dev.runtrail.runs.internal.report.ReportHtml;
import dev.runtrail.runs.internal.summary.Summaries;
import dev.runtrail.telemetry.core.export.FinishedRun;
import dev.runtrail.telemetry.core.trail.TrailReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** report.html is rendered from a run's folder the first time it is opened, then kept. */
class ReportFileTest {

  @TempDir
  Path runsDir;

  @Test
  void rendersWhatTheStoreRenderedFromTheRunItselfWhenItStillWroteTheReport() throws Exception {
    FinishedRun run = SeedRun.create(runsDir);
    Files.writeString(run.trailFile(), "{\"seq\":9,\"ts\":\"2025-09-", StandardCharsets.UTF_8,
        StandardOpenOption.APPEND); // a torn last line and a gap: the report lists both
    RunStoreExporter.create(runsDir).export(run);
    TrailReader.Result trail = TrailReader.read(run.trailFile());
    List<String> problems = new ArrayList<>(trail.problems());
    trail.gaps().forEach(gap -> problems.add("trail " + gap));
    String asTheWriterDid = ReportHtml.render(Summaries.from(run), trail.events(), problems);

    Path report = ReportFile.ensure(run.directory());

    assertThat(report).isEqualTo(run.directory().resolve("report.html"));
    assertThat(Files.readString(report, StandardCharsets.UTF_8)).isEqualTo(asTheWriterDid)
        .contains("torn last line skipped");
  }

  @Test
  void keepsAReportOnceItIsThereAndLeavesNoTempFile() throws Exception {
    FinishedRun run = SeedRun.create(runsDir);
    RunStoreExporter.create(runsDir).export(run);
    Path report = ReportFile.ensure(run.directory());
    Files.writeString(report, "kept");

    assertThat(ReportFile.ensure(run.directory())).isEqualTo(report);

    assertThat(report).hasContent("kept");
    try (Stream<Path> files = Files.list(run.directory())) {
      assertThat(files.map(file -> file.getFileName().toString())).noneMatch(name -> name.endsWith(".tmp"));
    }
  }

  @Test
  void openRendersTheReportOnceAndPrintsTheSamePathEachTime() throws Exception {
    FinishedRun run = SeedRun.create(runsDir);
    RunStoreExporter.create(runsDir).export(run);
    assertThat(run.directory().resolve("report.html")).doesNotExist();

    CliRun.Result first = new CliRun().runs(runsDir, "open", SeedRun.RUN_ID);
    CliRun.Result second = new CliRun().runs(runsDir, "open", SeedRun.RUN_ID);

    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(second.out()).isEqualTo(first.out());
    assertThat(Path.of(first.out().strip())).isEqualTo(run.directory().resolve("report.html").toAbsolutePath())
        .content(StandardCharsets.UTF_8).contains(SeedRun.RUN_ID).endsWith("</html>\n");
  }

  @Test
  void openExitsWithAStoreErrorNamingTheRunWhenTheReportCannotBeWritten() throws Exception {
    FinishedRun run = SeedRun.create(runsDir);
    RunStoreExporter.create(runsDir).export(run);
    Files.createDirectories(run.directory().resolve("report.html").resolve("in-the-way"));

    CliRun.Result open = new CliRun().runs(runsDir, "open", SeedRun.RUN_ID);

    assertThat(open.exitCode()).isEqualTo(3);
    assertThat(open.out()).isEmpty();
    assertThat(open.err()).contains("Cannot write the report of run " + SeedRun.RUN_ID);
  }
}
