package dev.runtrail.runs.internal.cli;

import dev.runtrail.telemetry.core.config.InvalidConfigurationException;
import dev.runtrail.telemetry.core.config.RuntrailConfig;
import dev.runtrail.telemetry.core.config.Setting;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options every verb has: where the run store is, and whether to print JSON. */
public final class StoreOptions {

  @Option(names = "--runs-dir", paramLabel = "DIR",
      description = "The runs directory (default: $RUNTRAIL_RUNS_DIR, else ~/.runtrail/runs).")
  Path runsDir;

  @Option(names = "--json", description = "Print JSON for machines instead of tables.")
  boolean json;

  private final CliEnvironment environment;

  StoreOptions(CliEnvironment environment) {
    this.environment = environment;
  }

  /** The runs directory: the option, else RUNTRAIL_RUNS_DIR (or runtrail.runs.dir), else the default. */
  public Path root() {
    if (runsDir != null) {
      return runsDir;
    }
    try {
      return RuntrailConfig.from(environment.variables(), environment.properties()).getPath(Setting.RUNS_DIR);
    } catch (InvalidConfigurationException e) {
      throw CliException.usage(e.getMessage());
    }
  }

  public boolean json() {
    return json;
  }

  /** The run store at {@link #root()}. */
  public RunStore store() {
    return new RunStore(root());
  }

  CliEnvironment environment() {
    return environment;
  }
}
