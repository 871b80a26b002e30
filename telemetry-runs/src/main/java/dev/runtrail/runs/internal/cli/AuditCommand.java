package dev.runtrail.runs.internal.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.runtrail.runs.internal.analysis.DecoratorAudit;
import dev.runtrail.runs.internal.index.RunIndex;
import dev.runtrail.runs.internal.summary.Timestamps;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code runtrail runs audit}: trail events by type, decorator usage, sensitive access, slowest calls. */
@Command(name = "audit", description = "Audit trail usage: events by type, decorator_used by decorator and"
    + " parameter, sensitive accesses (@env/@var secrets, @var.PROD_*, @file key files, @shell sudo), slowest calls.")
final class AuditCommand extends VerbCommand {

  @Option(names = "--since", paramLabel = "AGE|DATE", converter = Since.Converter.class, defaultValue = "24h",
      description = "Only runs started since then (default ${DEFAULT-VALUE}).")
  Since since;

  @Option(names = "--env", paramLabel = "ENV", description = "Only runs in this env.")
  String env;

  @Option(names = "--user", paramLabel = "USER", description = "Only events whose data names this user.")
  String user;

  @Option(names = "--slowest", paramLabel = "N", defaultValue = "10", description = "How many slowest calls to show"
      + " (default ${DEFAULT-VALUE}).")
  int slowest;

  @Override
  public Integer call() {
    if (slowest < 0) {
      throw CliException.usage("--slowest must be 0 or more, not " + slowest);
    }
    DecoratorAudit audit = user == null ? DecoratorAudit.all() : DecoratorAudit.forUser(user);
    RunStore runStore = store.store();
    if (runStore.exists()) {
      try (RunIndex index = runStore.openIndex()) {
        index.queries().search().events(since.resolve(environment().clock()), env, audit::add);
      }
    }
    if (store.json()) {
      JsonOutput.print(out(), json -> json(json, audit));
    } else {
      text(out(), audit);
    }
    return ExitCodes.OK;
  }

  private void text(PrintWriter out, DecoratorAudit audit) {
    out.println("Audit of runs since " + Timestamps.format(since.resolve(environment().clock()))
        + (env == null ? "" : " in " + env) + (user == null ? "" : " for user " + user));
    out.println();
    out.println("Trail events by type:");
    TextTable types = new TextTable("  TYPE", "COUNT>");
    audit.eventCounts().forEach(e -> types.row("  " + e.getKey(), e.getValue()));
    printOrNone(out, types);
    out.println();
    out.println("Decorator usage:");
    TextTable usage = new TextTable("  DECORATOR", "PARAMETER", "USES>", "RUNS>", "AVG>", "MAX>").maxWidth(1, 50);
    for (DecoratorAudit.Usage u : audit.usages()) {
      usage.row("  " + u.decorator(), u.parameter(), u.uses(), u.runs(), millis(u.averageMs()), millis(u.maxMs()));
    }
    printOrNone(out, usage);
    out.println();
    out.println("Sensitive access:");
    TextTable flags = new TextTable("  FLAG", "DECORATOR", "PARAMETER", "RUN ID", "WHERE", "USER").maxWidth(2, 50);
    for (DecoratorAudit.Call call : audit.sensitive()) {
      flags.row("  " + call.flag(), call.decorator(), call.parameter(), call.runId(), where(call), call.user());
    }
    printOrNone(out, flags);
    out.println();
    out.println("Slowest calls:");
    TextTable slow = new TextTable("  DURATION>", "DECORATOR", "PARAMETER", "RUN ID", "WHERE").maxWidth(2, 50);
    for (DecoratorAudit.Call call : audit.slowest(slowest)) {
      slow.row("  " + millis(call.durationMs()), call.decorator(), call.parameter(), call.runId(), where(call));
    }
    printOrNone(out, slow);
    out.flush();
  }

  private static void printOrNone(PrintWriter out, TextTable table) {
    if (table.isEmpty()) {
      out.println("  (none)");
    } else {
      table.print(out);
    }
  }

  private static String where(DecoratorAudit.Call call) {
    return call.script() == null ? null : call.script() + (call.line() == null ? "" : ":" + call.line());
  }

  private static String millis(double value) {
    if (value < 0) {
      return "-";
    }
    return value >= 1000 ? String.format(Locale.ROOT, "%.1fs", value / 1000)
        : String.format(Locale.ROOT, value < 10 ? "%.1fms" : "%.0fms", value);
  }

  private void json(JsonGenerator json, DecoratorAudit audit) throws IOException {
    json.writeStartObject();
    json.writeStringField("since", Timestamps.format(since.resolve(environment().clock())));
    JsonOutput.field(json, "env", env);
    JsonOutput.field(json, "user", user);
    json.writeObjectFieldStart("event_counts");
    for (Map.Entry<String, Long> count : audit.eventCounts()) {
      json.writeNumberField(count.getKey(), count.getValue());
    }
    json.writeEndObject();
    json.writeArrayFieldStart("decorators");
    for (DecoratorAudit.Usage u : audit.usages()) {
      json.writeStartObject();
      json.writeStringField("decorator", u.decorator());
      json.writeStringField("parameter", u.parameter());
      json.writeNumberField("uses", u.uses());
      json.writeNumberField("runs", u.runs());
      JsonOutput.field(json, "avg_ms", u.isTimed() ? u.averageMs() : null);
      JsonOutput.field(json, "max_ms", u.isTimed() ? u.maxMs() : null);
      json.writeEndObject();
    }
    json.writeEndArray();
    calls(json, "sensitive", audit.sensitive());
    calls(json, "slowest", audit.slowest(slowest));
    json.writeEndObject();
  }

  private static void calls(JsonGenerator json, String name, List<DecoratorAudit.Call> calls) throws IOException {
    json.writeArrayFieldStart(name);
    for (DecoratorAudit.Call call : calls) {
      json.writeStartObject();
      JsonOutput.field(json, "flag", call.flag());
      json.writeStringField("decorator", call.decorator());
      json.writeStringField("parameter", call.parameter());
      json.writeStringField("run_id", call.runId());
      JsonOutput.field(json, "env", call.env());
      JsonOutput.field(json, "script", call.script());
      JsonOutput.field(json, "line", call.line());
      JsonOutput.field(json, "user", call.user());
      JsonOutput.field(json, "duration_ms", call.durationMs());
      JsonOutput.field(json, "at", Timestamps.format(call.at()));
      json.writeEndObject();
    }
    json.writeEndArray();
  }
}
