package dev.runtrail.telemetry.core.trail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtrail.telemetry.trail.TrailEvent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
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
  @Test
  void tornLastLineCutInsideACharacterIsReportedTornNotFatal() throws Exception {
    Path file = dir.resolve("trail.jsonl");
    byte[] full = (line(1) + line(2).replace("kubectl", "kübectl")).getBytes(StandardCharsets.UTF_8);
    int cut = line(1).length() + line(2).indexOf("kubectl") + 2; // between the two bytes of 'ü'
    Files.write(file, java.util.Arrays.copyOf(full, cut));
    TrailReader.Result result = TrailReader.read(file);
    assertThat(result.events()).extracting(TrailEvent::sequence).containsExactly(1L);
    assertThat(result.tornLastLine()).isTrue();
    assertThat(result.problems()).singleElement().asString().contains("line 2: torn last line");
  }

  @Test
  void linesEndAtLfCrOrCrLfAndBlankLinesAreSkippedAsReadLineDoes() throws Exception {
    Path file = dir.resolve("trail.jsonl");
    String one = line(1).strip();
    String two = line(2).strip();
    String three = line(3).strip();
    Files.writeString(file, one + "\r\n" + two + "\r" + "  \t\n" + "\u2003\n" + three + "\n\n", StandardCharsets.UTF_8);
    TrailReader.Result result = TrailReader.read(file);
    assertThat(result.events()).extracting(TrailEvent::sequence).containsExactly(1L, 2L, 3L);
    assertThat(result.isIntact()).isTrue();

    Files.writeString(file, one + "\r\n{not json\r\n" + two + "\n");
    assertThat(TrailReader.read(file).problems()).singleElement().asString().startsWith("line 2: unreadable");
  }

  @Test
  void emptyFileReadsEmptyAndIntact() throws Exception {
    Path file = dir.resolve("trail.jsonl");
    Files.write(file, new byte[0]);
    TrailReader.Result result = TrailReader.read(file);
    assertThat(result.events()).isEmpty();
    assertThat(result.isIntact()).isTrue();
  }

  /**
   * A line read from its bytes (as the reader reads a file) parses as its String does: the same event,
   * or the same error.
   */
  @Test
  void eachLineReadsAsTrailJsonParsesIt() {
    List<String> lines = List.of(
        line(7).strip(),
        "{\"seq\":1,\"ts\":\"2026-01-02T03:04:05.006Z\",\"type\":\"note\",\"run_id\":\"r\",\"data\":{}}",
        "{\"run_id\":\"r\",\"type\":\"t\",\"seq\":2,\"ts\":\"2026-01-02T03:04:05Z\",\"extra\":{\"a\":[1,2]},\"step\":null}",
        "{\"seq\":3,\"ts\":\"2026-01-02T03:04:05.123456789Z\",\"type\":\"t\",\"run_id\":\"r\",\"data\":"
            + "{\"big\":123456789012345678901234567890,\"f\":1.5e3,\"ok\":true,\"no\":false,\"nil\":null,"
            + "\"list\":[\"x\",{\"y\":\"\\u00fc\\n\"}],\"s\":\"\u00e9\u4e2d\ud83d\ude00\"}}",
        "{\"seq\":4,\"ts\":\"2026-01-02T03:04:05.006Z\",\"type\":\"t\",\"run_id\":\"r\",\"data\":[1]}",
        "{\"seq\":5,\"seq\":6,\"ts\":\"2026-01-02T03:04:05.006Z\",\"type\":\"a\",\"type\":\"b\",\"run_id\":\"r\"}",
        "{\"seq\":1,\"ts\":\"2026-02-29T03:04:05.006Z\",\"type\":\"t\",\"run_id\":\"r\"}",
        "{\"seq\":1,\"ts\":\"yesterday\",\"type\":\"t\",\"run_id\":\"r\"}",
        "{\"seq\":\"one\",\"ts\":\"2026-01-02T03:04:05.006Z\",\"type\":\"t\",\"run_id\":\"r\"}",
        "{\"seq\":1,\"type\":\"t\",\"run_id\":\"r\"}",
        "{\"seq\":1,\"ts\":\"2026-01-02T03:04:05.006Z\",\"type\":\"t\",\"run_id\":\"r\"} {}",
        "{\"seq\":1,\"ts\":\"2026-01-02T03:04:05.006Z\",\"type\":\"t\",\"run_id\":\"r\"",
        "[1,2]",
        "{not json");
    for (String text : lines) {
      byte[] bytes = ("  " + text + "  ").getBytes(StandardCharsets.UTF_8);
      assertThat(outcome(() -> TrailJson.parse(bytes, 2, bytes.length - 4)))
          .as(text).isEqualTo(outcome(() -> TrailJson.parse(text)));
    }
  }

  private static String outcome(java.util.function.Supplier<TrailEvent> parse) {
    try {
      TrailEvent event = parse.get();
      return "event " + TrailJson.toJson(event) + " at " + event.timestamp();
    } catch (IllegalArgumentException e) {
      return "error " + e.getMessage();
    }
  }

  /** The fast timestamp parse gives what Instant.parse gives, for core's form and every other. */
  @Test
  void timestampsReadAsInstantParseReadsThem() {
    Random random = new Random(17);
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) { // years 0000-9999, millisecond precision, as core writes them
      long millis = Instant.parse("0000-01-01T00:00:00Z").toEpochMilli()
          + (long) (random.nextDouble() * (Instant.parse("9999-12-31T23:59:59.999Z").toEpochMilli()
              - Instant.parse("0000-01-01T00:00:00Z").toEpochMilli()));
      texts.add(TrailJson.TIMESTAMP.format(Instant.ofEpochMilli(millis)));
    }
    texts.addAll(List.of("1970-01-01T00:00:00.000Z", "2024-02-29T23:59:59.999Z", "2026-02-29T00:00:00.000Z",
        "2026-04-31T00:00:00.000Z", "2026-13-01T00:00:00.000Z", "2026-00-01T00:00:00.000Z",
        "2026-01-00T00:00:00.000Z", "2026-01-01T24:00:00.000Z", "2026-01-01T00:60:00.000Z",
        "2026-12-31T23:59:60.000Z", "2026-01-01T00:00:00.00aZ", "2026-0a-01T00:00:00.000Z",
        "-001-01-01T00:00:00.000Z", "+10000-01-01T00:00:00.000Z", "2026-01-01T00:00:00Z",
        "2026-01-01T00:00:00.1Z", "2026-01-01T00:00:00.123456Z", "2026-01-01T00:00:00.000+01:00",
        "2026-01-01t00:00:00.000z", "2026-01-01 00:00:00.000Z", "", "2026-01-01T00:00:00.000Zx"));
    for (String text : texts) {
      assertThat(instantOutcome(() -> TrailJson.instant(text))).as(text)
          .isEqualTo(instantOutcome(() -> Instant.parse(text)));
    }
  }

  private static String instantOutcome(java.util.function.Supplier<Instant> parse) {
    try {
      return "instant " + parse.get();
    } catch (java.time.DateTimeException e) {
      return "error " + e.getClass().getSimpleName() + ": " + e.getMessage();
    }
  }
}
