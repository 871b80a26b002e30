package dev.runtrail.runs.internal.cli;

import dev.runtrail.runs.internal.index.Reindexer;
import dev.runtrail.runs.internal.index.RunIndex;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import picocli.CommandLine.Command;

/** {@code runtrail runs reindex}: rebuilds runs.db from the run folders. */
@Command(name = "reindex", description = "Rebuild runs.db from the run folders (every folder with a summary.json).")
final class ReindexCommand extends VerbCommand {

  @Override
  public Integer call() {
    RunStore runStore = store.store();
    if (!runStore.exists()) {
      throw CliException.notFound("There is no run store at " + runStore.root());
    }
    Reindexer.Result result;
    try (RunIndex index = runStore.openIndex()) {
      result = new Reindexer(runStore.folders()).rebuild(index);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + runStore.root() + ": " + e.getMessage(), e);
    }
    if (store.json()) {
      JsonOutput.print(out(), json -> {
        json.writeStartObject();
        json.writeNumberField("indexed", result.indexed());
        JsonOutput.field(json, "unfinished", result.unfinished().stream().map(Path::toString).toList());
        JsonOutput.field(json, "problems", result.problems());
        json.writeEndObject();
      });
    } else {
      out().println("Indexed " + result.indexed() + (result.indexed() == 1 ? " run" : " runs") + " into "
          + runStore.index() + ".");
      if (!result.unfinished().isEmpty()) {
        out().println("Skipped " + result.unfinished().size() + " folder(s) without summary.json (running or crashed):");
        result.unfinished().forEach(folder -> out().println("  " + folder));
      }
      result.problems().forEach(problem -> err().println("Unreadable: " + problem));
      out().flush();
      err().flush();
    }
    return result.problems().isEmpty() ? ExitCodes.OK : ExitCodes.STORE_ERROR;
  }
}
