package dev.runtrail.telemetry.core.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class PlanHashTest {

  @Test
  void sameHashWhateverKeyOrderAndFormatting() {
    String compact = "{\"version\":\"1.0\",\"steps\":[{\"id\":\"a\",\"cmd\":\"x\"}],\"n\":3}";
    String pretty = "{\n  \"n\" : 3,\n  \"steps\" : [ {\n    \"cmd\" : \"x\",\n    \"id\" : \"a\"\n  } ],\n"
        + "  \"version\" : \"1.0\"\n}\n";
    assertThat(PlanHash.of(pretty)).isEqualTo(PlanHash.of(compact));
  }

  @Test
  void hashIsSha256OfTheCanonicalForm() throws Exception {
    String canonical = "{\"a\":1,\"b\":[true,null,\"x\"]}";
    String expected = HexFormat.of().formatHex(
        MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
    assertThat(PlanHash.canonicalJson("{ \"b\": [true, null, \"x\"], \"a\": 1 }")).isEqualTo(canonical);
    assertThat(PlanHash.of("{ \"b\": [true, null, \"x\"], \"a\": 1 }")).isEqualTo(expected);
  }

  @Test
  void differentPlansHashDifferently() {
    assertThat(PlanHash.of("{\"replicas\":3}")).isNotEqualTo(PlanHash.of("{\"replicas\":4}"));
    assertThat(PlanHash.of("[1,2]")).isNotEqualTo(PlanHash.of("[2,1]"));
  }

  @Test
  void stringEscapesAreNormalised() {
    assertThat(PlanHash.of("{\"s\":\"\\u0041\\/\"}")).isEqualTo(PlanHash.of("{\"s\":\"A/\"}"));
  }

  @Test
  void rejectsInvalidJsonWithAClearMessage() {
    assertThatThrownBy(() -> PlanHash.of("{\"steps\": [}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not valid JSON");
    assertThatThrownBy(() -> PlanHash.of("{\"a\":1} {\"b\":2}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("content after the JSON value");
  }

  @Test
  void rejectsDuplicateKeys() {
    assertThatThrownBy(() -> PlanHash.of("{\"a\":1,\"a\":2}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("a");
  }
}
