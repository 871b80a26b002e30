package dev.runtrail.runs.internal.cli;

import dev.runtrail.runs.internal.report.ReportFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code runtrail runs open RUN}: the report's path (rendering report.html from the run's folder the first
 * time), and with {@code --browser} an attempt to open it.
 */
@Command(name = "open", description = "Print the path of a run's report.html; --browser also tries to open it.")
final class OpenCommand extends VerbCommand {

  @Parameters(index = "0", paramLabel = "RUN", description = "A run id (or a unique prefix of one).")
  String run;

  @Option(names = "--browser", description = "Open the report with xdg-open / open (never fails the command).")
  boolean browser;

  @Override
  public Integer call() {
    RunStore.LocatedRun located = store.store().locate(run);
    Path report = report(located);
    boolean opened = browser && environment().browser().test(report);
    if (store.json()) {
      JsonOutput.print(out(), json -> {
        json.writeStartObject();
        json.writeStringField("run_id", located.summary().runId());
        json.writeStringField("report", report.toString());
        json.writeBooleanField("opened", opened);
        json.writeEndObject();
      });
    } else {
      out().println(report);
      out().flush();
      if (browser && !opened) {
        err().println("Could not open a browser (no xdg-open or open); open the file above yourself.");
        err().flush();
      }
    }
    return ExitCodes.OK;
  }

  /** The run's report.html, rendered from its folder first when this is the first time it is opened. */
  private static Path report(RunStore.LocatedRun located) {
    try {
      return ReportFile.ensure(located.directory()).toAbsolutePath();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the report of run " + located.summary().runId() + " into "
          + located.directory() + ": " + e.getMessage(), e);
    }
  }
}
