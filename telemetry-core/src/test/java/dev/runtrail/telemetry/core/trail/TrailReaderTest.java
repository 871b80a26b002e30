package dev.runtrail.telemetry.core.trail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtrail.telemetry.trail.TrailEvent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrailReaderTest {

  @TempDir Path dir;

  private static String line(long seq) {
    return TrailJson.toJson(new TrailEvent(seq, Instant.parse("2026-01-02T03:04:05.006Z"), "tool_call",
        "run-20260102-030405-abcdef", null, "c-1", "4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7",
        "main/a", Map.of("tool", "kubectl", "n", seq))) + "\n";
  }

  @Test
  void readsBackWhatWasWritten() throws Exception {
    Path file = dir.resolve("trail.jsonl");
    Files.writeString(file, line(1) + line(2));
    TrailReader.Result result = TrailReader.read(file);
    assertThat(result.isIntact()).isTrue();
    assertThat(result.events()).hasSize(2);
    TrailEvent first = result.events().get(0);
    assertThat(first.type()).isEqualTo("tool_call");
    assertThat(first.timestamp()).isEqualTo(Instant.parse("2026-01-02T03:04:05.006Z"));
    assertThat(first.traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    assertThat(first.step()).isEqualTo("main/a");
    assertThat(first.sessionId()).isNull();
    assertThat(first.data()).containsEntry("tool", "kubectl").containsEntry("n", 1L);
  }

  @Test
  void tornLastLineIsSkippedAndReported() throws Exception {
    Path file = dir.resolve("trail.jsonl");
    String torn = line(3).substring(0, 40);
    Files.write(file, (line(1) + line(2) + torn).getBytes(StandardCharsets.UTF_8));
    TrailReader.Result result = TrailReader.read(file);
    assertThat(result.events()).extracting(TrailEvent::sequence).containsExactly(1L, 2L);
    assertThat(result.tornLastLine()).isTrue();
    assertThat(result.problems()).singleElement().asString().contains("torn last line");
    assertThat(result.gaps()).isEmpty();
  }

  @Test
  void gapsAreReported() throws Exception {
    Path file = dir.resolve("trail.jsonl");
    Files.writeString(file, line(1) + line(2) + line(5) + line(6) + line(8));
    TrailReader.Result result = TrailReader.read(file);
    assertThat(result.gaps()).extracting(TrailReader.Gap::from, TrailReader.Gap::to)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(3L, 4L), org.assertj.core.groups.Tuple.tuple(7L, 7L));
    assertThat(result.isIntact()).isFalse();
  }

  @Test
  void corruptLineInTheMiddleIsSkippedAndReported() throws Exception {
    Path file = dir.resolve("trail.jsonl");
    Files.writeString(file, line(1) + "{not json\n" + line(2));
    TrailReader.Result result = TrailReader.read(file);
    assertThat(result.events()).hasSize(2);
    assertThat(result.tornLastLine()).isFalse();
    assertThat(result.problems()).singleElement().asString().contains("line 2");
  }

  @Test
  void missingFileReadsEmpty() throws Exception {
    assertThat(TrailReader.read(dir.resolve("nope.jsonl")).events()).isEmpty();
  }
}
