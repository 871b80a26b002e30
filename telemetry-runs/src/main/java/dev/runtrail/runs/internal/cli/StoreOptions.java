package dev.runtrail.runs.internal.cli;

import dev.runtrail.runs.internal.artifacts.ArtifactNames;
import dev.runtrail.runs.internal.index.IndexLocation;
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

  @Option(names = "--index", paramLabel = "URL",
      description = "The run index (default: $RUNTRAIL_INDEX_URL, else <runs-dir>/runs.db): jdbc:postgresql://HOST:PORT/DB?user=U"
          + " for a fleet's shared index, or jdbc:sqlite:FILE.")
  String indexUrl;

  @Option(names = "--store", paramLabel = "URL",
      description = "Object storage holding the runs' folders (default: $RUNTRAIL_RUN_STORE_URL), e.g. s3://BUCKET/PREFIX:"
          + " runs not in the runs directory are fetched from it.")
  String storeUrl;

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
      return config().getPath(Setting.RUNS_DIR);
    } catch (InvalidConfigurationException e) {
      throw CliException.usage(e.getMessage());
    }
  }

  public boolean json() {
    return json;
  }

  /** The run store at {@link #root()}, with its index and object storage. */
  public RunStore store() {
    Path root = root();
    RuntrailConfig config = config();
    String index = indexUrl != null ? indexUrl : config.isSet(Setting.INDEX_URL) ? config.raw(Setting.INDEX_URL) : null;
    String remote = storeUrl != null ? storeUrl : config.isSet(Setting.RUN_STORE_URL) ? config.raw(Setting.RUN_STORE_URL)
        : null;
    try {
      IndexLocation location = index == null ? IndexLocation.file(root.resolve(ArtifactNames.INDEX))
          : IndexLocation.parse(index, indexUrl != null ? "--index" : Setting.INDEX_URL.environmentVariable());
      return new RunStore(root, location, remote == null || remote.isBlank() ? null : remote,
          storeUrl != null ? "--store" : Setting.RUN_STORE_URL.environmentVariable());
    } catch (IllegalArgumentException e) {
      throw CliException.usage(e.getMessage());
    }
  }

  private RuntrailConfig config() {
    return RuntrailConfig.from(environment.variables(), environment.properties());
  }

  CliEnvironment environment() {
    return environment;
  }
}
