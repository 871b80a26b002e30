package dev.runtrail.testkit.internal;

import dev.runtrail.telemetry.core.export.FinishedRun;
import dev.runtrail.telemetry.core.export.StepRecord;
import dev.runtrail.telemetry.trail.TrailEvent;
import dev.runtrail.testkit.Canary;
import dev.runtrail.testkit.Leak;
import dev.runtrail.testkit.LeakReport;
import dev.runtrail.testkit.LogLine;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Looks for a test's canaries in everything its telemetry emitted: exported spans (names, attributes,
 * events, links, status, resource), finished runs as run exporters got them (fields, steps, plan, and
 * the spans they carry), trail events (data at any depth), log lines (message, MDC, key-values, stack
 * trace; attributed and stray), meters (names, tags, descriptions) and every file under the runs
 * directory. Reports where each was found.
 */
public final class LeakScanner {

  /** What to scan. */
  public record Sources(List<SpanData> spans, List<FinishedRun> runs, List<TrailEvent> trail,
      List<LogLine> lines, List<LogLine> strays, String logCoverage, MeterRegistry meters, Path runsDirectory) {}

  private final List<Canary> canaries;
  private final Set<Leak> leaks = new LinkedHashSet<>();

  private LeakScanner(List<Canary> canaries) {
    this.canaries = canaries;
  }

  public static LeakReport scan(List<Canary> canaries, Sources sources) {
    LeakScanner scanner = new LeakScanner(canaries);
    if (canaries.isEmpty()) {
      return new LeakReport(canaries, List.of(), "nothing: no canary was handed out");
    }
    for (SpanData span : sources.spans()) {
      scanner.span(span, "span");
    }
    for (FinishedRun run : sources.runs()) {
      scanner.run(run);
    }
    for (TrailEvent event : sources.trail()) {
      scanner.trailEvent(event);
    }
    int n = 0;
    for (LogLine line : sources.lines()) {
      scanner.logLine(line, "log line #" + (++n));
    }
    for (LogLine line : sources.strays()) {
      scanner.logLine(line, "unattributed log line");
    }
    int meters = scanner.meters(sources.meters());
    FileScan.Result files = FileScan.scan(sources.runsDirectory(), canaries, scanner::found);
    String scanned = count(sources.spans().size(), "exported span") + ", "
        + count(sources.runs().size(), "finished run") + " (with their spans and steps), "
        + count(sources.trail().size(), "trail event") + ", "
        + count(sources.lines().size(), "log line") + " (+" + sources.strays().size() + " unattributed; "
        + sources.logCoverage() + "), "
        + count(meters, "meter") + ", " + files.describe();
    return new LeakReport(canaries, new ArrayList<>(scanner.leaks), scanned);
  }

  private static String count(int n, String what) {
    return n + " " + what + (n == 1 ? "" : "s");
  }

  void found(Canary canary, String where) {
    if (leaks.size() < LeakReport.MAX_LEAKS) {
      leaks.add(new Leak(canary, where));
    }
  }

  private void check(String text, Supplier<String> where) {
    if (text == null || text.isEmpty()) {
      return;
    }
    for (Canary canary : canaries) {
      if (text.contains(canary.secret())) {
        found(canary, where.get());
      }
    }
  }

  private void span(SpanData span, String prefix) {
    String name = prefix + " " + Describe.quote(span.getName());
    check(span.getName(), () -> name + " (its name)");
    attributes(span.getAttributes(), name + " attribute ");
    for (EventData event : span.getEvents()) {
      String eventName = name + " event " + Describe.quote(event.getName());
      check(event.getName(), () -> eventName + " (its name)");
      attributes(event.getAttributes(), eventName + " attribute ");
    }
    for (LinkData link : span.getLinks()) {
      attributes(link.getAttributes(), name + " link attribute ");
    }
    check(span.getStatus().getDescription(), () -> name + " status description");
    attributes(span.getResource().getAttributes(), name + " resource attribute ");
  }

  private void attributes(Attributes attributes, String prefix) {
    attributes.forEach((key, value) -> {
      check(key.getKey(), () -> prefix + "key " + Describe.quote(key.getKey()));
      check(String.valueOf(value), () -> prefix + Describe.quote(key.getKey()));
    });
  }

  private void run(FinishedRun run) {
    String name = "finished run " + Describe.quote(run.name()) + " (" + run.runId() + ", as run exporters got it)";
    check(run.name(), () -> name + " name");
    check(run.env(), () -> name + " env");
    check(run.target(), () -> name + " target");
    check(run.planId(), () -> name + " plan id");
    check(run.planVersion(), () -> name + " plan version");
    check(run.redactedPlanJson(), () -> name + " plan");
    check(String.valueOf(run.resolvedValues()), () -> name + " resolved values");
    check(run.errorCode(), () -> name + " error code");
    check(run.errorMessage(), () -> name + " error message");
    check(run.failedStep(), () -> name + " failed step");
    check(run.runner(), () -> name + " runner");
    check(run.ticket(), () -> name + " ticket");
    check(run.gitSha(), () -> name + " git sha");
    check(run.gitBranch(), () -> name + " git branch");
    check(run.correlationId(), () -> name + " correlation id");
    check(run.sessionId(), () -> name + " session id");
    check(String.valueOf(run.policy().keySet()), () -> name + " policy flags");
    tree(run.attributes(), name + " attribute", "");
    for (StepRecord step : run.steps()) {
      String stepName = name + " step " + Describe.quote(step.path());
      check(step.path(), () -> stepName + " (its path)");
      check(step.errorCode(), () -> stepName + " error code");
      check(step.errorMessage(), () -> stepName + " error message");
      check(step.stderrTail(), () -> stepName + " stderr tail");
      tree(step.attributes(), stepName + " attribute", "");
    }
    for (SpanData span : run.spans()) {
      span(span, name + " span");
    }
  }

  private void trailEvent(TrailEvent event) {
    String name = "trail event #" + event.sequence() + " " + Describe.quote(event.type()) + " of " + event.runId();
    check(event.type(), () -> name + " type");
    check(event.step(), () -> name + " step");
    check(event.sessionId(), () -> name + " session id");
    check(event.correlationId(), () -> name + " correlation id");
    tree(event.data(), name + " data", "");
  }

  /** Maps and lists at any depth; keys are checked too. */
  private void tree(Object value, String owner, String path) {
    if (value instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        String key = String.valueOf(entry.getKey());
        String child = path.isEmpty() ? key : path + "." + key;
        check(key, () -> owner + " " + Describe.quote(child) + " (the key)");
        tree(entry.getValue(), owner, child);
      }
    } else if (value instanceof Iterable<?> list) {
      int i = 0;
      for (Object item : list) {
        tree(item, owner, path + "[" + i++ + "]");
      }
    } else if (value instanceof Object[] array) {
      for (int i = 0; i < array.length; i++) {
        tree(array[i], owner, path + "[" + i + "]");
      }
    } else if (value != null) {
      check(String.valueOf(value), () -> owner + " " + Describe.quote(path));
    }
  }

  private void logLine(LogLine line, String prefix) {
    String name = prefix + " " + line.level() + " " + line.logger() + " " + Describe.quote(line.message());
    check(line.message(), () -> name + " (message)");
    check(line.logger(), () -> name + " (logger name)");
    check(line.thread(), () -> name + " (thread name)");
    line.mdc().forEach((key, value) -> {
      check(key, () -> name + " MDC key " + Describe.quote(key));
      check(value, () -> name + " MDC " + Describe.quote(key));
    });
    line.keyValues().forEach((key, value) -> {
      check(key, () -> name + " key-value key " + Describe.quote(key));
      check(value, () -> name + " key-value " + Describe.quote(key));
    });
    check(line.throwable(), () -> name + " (stack trace)");
  }

  private int meters(MeterRegistry registry) {
    List<Meter> meters = registry.getMeters();
    for (Meter meter : meters) {
      String name = "meter " + Describe.quote(meter.getId().getName());
      check(meter.getId().getName(), () -> name + " (its name)");
      check(meter.getId().getDescription(), () -> name + " description");
      check(meter.getId().getBaseUnit(), () -> name + " base unit");
      for (Tag tag : meter.getId().getTags()) {
        check(tag.getKey(), () -> name + " tag key " + Describe.quote(tag.getKey()));
        check(tag.getValue(), () -> name + " tag " + Describe.quote(tag.getKey()));
      }
    }
    return meters.size();
  }
}
