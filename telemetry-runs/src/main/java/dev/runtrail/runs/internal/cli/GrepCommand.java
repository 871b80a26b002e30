package dev.runtrail.runs.internal.cli;

import dev.runtrail.runs.internal.index.RunIndex;
import dev.runtrail.runs.internal.index.TrailSearch;
import dev.runtrail.runs.internal.summary.Timestamps;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code runtrail runs grep --like TEXT}: where a text appears across recent runs. */
@Command(name = "grep", description = "Find runs whose step names, error messages, stderr tails or trail data"
    + " contain TEXT (case-insensitive for ASCII letters).")
final class GrepCommand extends VerbCommand {

  private static final int EXCERPT_CHARS = 100;

  @Option(names = "--like", required = true, paramLabel = "TEXT", description = "The text to look for (literal).")
  String text;

  @Option(names = "--since", paramLabel = "AGE|DATE", converter = Since.Converter.class, defaultValue = "7d",
      description = "Only runs started since then (default ${DEFAULT-VALUE}).")
  Since since;

  @Option(names = "--env", paramLabel = "ENV", description = "Only runs in this env.")
  String env;

  @Option(names = "--limit", paramLabel = "N", defaultValue = "100", description = "At most N matches (default ${DEFAULT-VALUE}).")
  int limit;

  @Override
  public Integer call() {
    if (text.isEmpty()) {
      throw CliException.usage("--like needs a non-empty text");
    }
    if (limit < 1) {
      throw CliException.usage("--limit must be 1 or more, not " + limit);
    }
    RunStore runStore = store.store();
    List<TrailSearch.Hit> hits = List.of();
    if (runStore.exists()) {
      try (RunIndex index = runStore.openIndex()) {
        hits = index.queries().search().grep(text, since.resolve(environment().clock()), env, limit);
      }
    }
    if (store.json()) {
      List<TrailSearch.Hit> found = hits;
      JsonOutput.print(out(), json -> {
        json.writeStartObject();
        json.writeStringField("like", text);
        json.writeArrayFieldStart("matches");
        for (TrailSearch.Hit hit : found) {
          json.writeStartObject();
          json.writeStringField("run_id", hit.runId());
          json.writeStringField("started_at", Timestamps.format(hit.startedAt()));
          JsonOutput.field(json, "env", hit.env());
          json.writeStringField("where", hit.where());
          JsonOutput.field(json, "step", hit.step());
          json.writeStringField("excerpt", excerpt(hit.text(), text));
          json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
      });
      return ExitCodes.OK;
    }
    if (hits.isEmpty()) {
      out().println("No matches for \"" + text + "\" in runs since " + Timestamps.format(since.resolve(environment().clock()))
          + ".");
      return ExitCodes.OK;
    }
    TextTable table = new TextTable("RUN ID", "STARTED (UTC)", "ENV", "WHERE", "STEP", "MATCH").maxWidth(4, 40)
        .maxWidth(5, EXCERPT_CHARS + 2);
    for (TrailSearch.Hit hit : hits) {
      table.row(hit.runId(), humanTime(hit.startedAt()), hit.env(), hit.where(), hit.step(), excerpt(hit.text(), text));
    }
    table.print(out());
    out().println(hits.size() + (hits.size() == 1 ? " match" : " matches") + (hits.size() == limit ? " (limit reached)" : "")
        + ".");
    return ExitCodes.OK;
  }

  /** The line around the first occurrence, on one line. */
  static String excerpt(String haystack, String needle) {
    if (haystack == null) {
      return "";
    }
    if (haystack.length() <= EXCERPT_CHARS) {
      return TextTable.oneLine(haystack).strip();
    }
    String lowerHay = haystack.toLowerCase(Locale.ROOT);
    int at = Math.max(0, lowerHay.indexOf(needle.toLowerCase(Locale.ROOT)));
    int start = Math.max(0, at - EXCERPT_CHARS / 3);
    int end = Math.min(haystack.length(), start + EXCERPT_CHARS);
    return (start > 0 ? "\u2026" : "") + TextTable.oneLine(haystack.substring(start, end))
        + (end < haystack.length() ? "\u2026" : "");
  }
}
