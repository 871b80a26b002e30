package dev.runtrail.telemetry.core.trail;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.runtrail.telemetry.trail.TrailEvent;
import dev.runtrail.telemetry.trail.TrailSink;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Appends each run's events to its own JSON Lines file ({@code trail.jsonl} in the run's folder),
 * written with jackson-core streaming. Durable: Runtrail waits briefly for room rather than dropping,
 * flushes whenever the delivery queue runs empty, and closes a run's file when the run ends.
 *
 * <p>At most {@value #MAX_OPEN_FILES} files are open at once; a run whose file was closed to make room
 * is reopened in append mode.
 */
public final class JsonlTrailSink implements TrailSink {

  static final int MAX_OPEN_FILES = 64;

  private final Function<String, Path> fileForRun;
  private final Map<String, JsonGenerator> open = new LinkedHashMap<>(16, 0.75f, true);

  /** @param fileForRun the trail file of a run id; null means the run's events are not written */
  public JsonlTrailSink(Function<String, Path> fileForRun) {
    this.fileForRun = fileForRun;
  }

  @Override
  public String name() {
    return "jsonl";
  }

  @Override
  public Delivery delivery() {
    return Delivery.DURABLE;
  }

  @Override
  public synchronized void accept(TrailEvent event) throws IOException {
    JsonGenerator out = generatorFor(event.runId());
    if (out == null) {
      return;
    }
    TrailJson.write(event, out);
    out.writeRaw('\n');
  }

  @Override
  public synchronized void flush() throws IOException {
    IOException failure = null;
    for (JsonGenerator out : open.values()) {
      try {
        out.flush();
      } catch (IOException e) {
        failure = e;
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  @Override
  public synchronized void runEnded(String runId) throws IOException {
    JsonGenerator out = open.remove(runId);
    if (out != null) {
      closeFile(out);
    }
  }

  @Override
  public synchronized void close() throws IOException {
    IOException failure = null;
    for (Iterator<JsonGenerator> it = open.values().iterator(); it.hasNext(); ) {
      JsonGenerator out = it.next();
      it.remove();
      try {
        closeFile(out);
      } catch (IOException e) {
        failure = e;
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  private JsonGenerator generatorFor(String runId) throws IOException {
    JsonGenerator out = open.get(runId);
    if (out != null) {
      return out;
    }
    Path file = fileForRun.apply(runId);
    if (file == null) {
      return null;
    }
    if (open.size() >= MAX_OPEN_FILES) {
      Iterator<JsonGenerator> eldest = open.values().iterator();
      JsonGenerator victim = eldest.next();
      eldest.remove();
      closeFile(victim);
    }
    Files.createDirectories(file.getParent());
    out = TrailJson.generator(Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND));
    open.put(runId, out);
    return out;
  }

  private static void closeFile(JsonGenerator out) throws IOException {
    out.flush();
    out.close();
  }
}
