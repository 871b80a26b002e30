package dev.runtrail.redaction;

import static dev.runtrail.redaction.TestRedactors.balanced;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class JsonRedactionTest {
  @Test
  void masksValuesUnderSensitiveKeysAndKeepsKeys() {
    assertThat(balanced().redactJson("{\"user\":\"bob\",\"password\":\"hunter2\"}"))
        .isEqualTo("{\"user\":\"bob\",\"password\":\"[REDACTED]\"}");
  }

  @Test
  void masksValueOfNameValuePairNamingASecret() {
    String ecsEnvironment = "{\"environment\":[{\"name\":\"DB_PASSWORD\",\"value\":\"s3cret\"},"
        + "{\"name\":\"LOG_LEVEL\",\"value\":\"debug\"}]}";
    assertThat(balanced().redactJson(ecsEnvironment)).isEqualTo("{\"environment\":[{\"name\":\"DB_PASSWORD\","
        + "\"value\":\"[REDACTED]\"},{\"name\":\"LOG_LEVEL\",\"value\":\"debug\"}]}");
  }

  @Test
  void masksHarHeaderValuesByHeaderName() {
    String har = "{\"headers\":[{\"name\":\"Authorization\",\"value\":\"Basic YWxhZGRpbjpvcGVu\"},"
        + "{\"name\":\"Accept\",\"value\":\"*/*\"}]}";
    assertThat(balanced().redactJson(har)).isEqualTo("{\"headers\":[{\"name\":\"Authorization\",\"value\":"
        + "\"[REDACTED]\"},{\"name\":\"Accept\",\"value\":\"*/*\"}]}");
  }

  @Test
  void keepsValueOfOrdinaryNameValuePairs() {
    String json = "{\"name\":\"token_count\",\"value\":1532,\"key\":\"ctrl+shift+down\",\"x\":{\"value\":\"v\"}}";
    assertThat(balanced().redactJson(json)).isSameAs(json);
  }

  @Test
  void keepsFormattingOrderAndIds() {
    String json = "{\n  \"trace_id\" : \"4bf92f3577b34da6a3ce929d0e0e4736\",\n  \"n\": 3,\n  \"ok\": true\n}";
    assertThat(balanced().redactJson(json)).isSameAs(json);
  }

  @Test
  void masksEveryScalarInsideSensitiveContainer() {
    assertThat(balanced().redactJson("{\"credentials\":{\"user\":\"u\",\"pins\":[1,2],\"ok\":true,\"x\":null}}"))
        .isEqualTo("{\"credentials\":{\"user\":\"[REDACTED]\",\"pins\":[\"[REDACTED]\",\"[REDACTED]\"],"
            + "\"ok\":true,\"x\":null}}");
  }

  @Test
  void masksNumberUnderSensitiveKey() {
    assertThat(balanced().redactJson("{\"pin_token\": 123456}")).isEqualTo("{\"pin_token\": \"[REDACTED]\"}");
  }

  @Test
  void redactsValueRulesInsideStrings() {
    assertThat(balanced().redactJson("[\"key AKIAIOSFODNN7EXAMPLE\", \"line\\nuser jo@example.com\"]"))
        .isEqualTo("[\"key [REDACTED]\", \"line\\nuser [REDACTED]\"]");
  }

  @Test
  void redactsSecretUsedAsFieldName() {
    assertThat(balanced().redactJson("{\"AKIAIOSFODNN7EXAMPLE\": \"ops\"}")).isEqualTo("{\"[REDACTED]\": \"ops\"}");
  }

  @Test
  void decodesEscapesBeforeMatching() {
    assertThat(balanced().redactJson("{\"m\": \"AKIA\\u0049OSFODNN7EXAMPLE\"}")).isEqualTo("{\"m\": \"[REDACTED]\"}");
  }

  @Test
  void handlesSeveralRootValues() {
    assertThat(balanced().redactJson("{\"token\":\"a\"}\n{\"token\":\"b\"}\n"))
        .isEqualTo("{\"token\":\"[REDACTED]\"}\n{\"token\":\"[REDACTED]\"}\n");
  }

  @Test
  void fallsBackToTextRedactionOnInvalidJson() {
    assertThat(balanced().redactJson("{\"password\": \"hunter2\", oops")).isEqualTo("{\"password\": \"[REDACTED]\", oops");
  }

  @Test
  void streamingMatchesStringVariant() throws IOException {
    String json = "{\"a\": [\"AKIAIOSFODNN7EXAMPLE\", {\"secret\": \"s\"}], \"b\": \"" + "x".repeat(200_000) + "\"}";
    StringWriter out = new StringWriter();
    balanced().redactJson(new StringReader(json), out);
    assertThat(out.toString()).isEqualTo(balanced().redactJson(json));
  }

  @Test
  void streamingFallsBackForTheRestOnInvalidJson() throws IOException {
    StringWriter out = new StringWriter();
    balanced().redactJson(new StringReader("{\"token\": \"t\"} not json password=p"), out);
    assertThat(out.toString()).isEqualTo("{\"token\": \"[REDACTED]\"} not json password=[REDACTED]");
  }

  @Test
  void keepsTypesOfUnchangedValues() {
    String json = "{\"tokens\": 532, \"ratio\": 0.5, \"flag\": false, \"none\": null}";
    assertThat(balanced().redactJson(json)).isSameAs(json);
  }

  @Test
  void redactsNestedApiKeyInJson() {
    assertThat(balanced().redactJson("{\"api\": {\"key\": \"abc123xyz\"}, \"n\": 1}"))
        .isEqualTo("{\"api\": {\"key\": \"[REDACTED]\"}, \"n\": 1}");
  }

  @Test
  void redactsKeyOfNestedConfigInJson() {
    String json = "{\"stripe\":{\"api\":{\"key\":\"abc123xyz\"},\"mode\":\"live\"},"
        + "\"signing\":{\"kid\":\"k1\",\"KEY\":\"def456uvw\"},\"private\":{\"key\":42}}";
    assertThat(balanced().redactJson(json)).isEqualTo("{\"stripe\":{\"api\":{\"key\":\"[REDACTED]\"},"
        + "\"mode\":\"live\"},\"signing\":{\"kid\":\"k1\",\"KEY\":\"[REDACTED]\"},\"private\":{\"key\":\"[REDACTED]\"}}");
  }

  @Test
  void redactsKeyUnderParentThroughAnArrayInJson() {
    assertThat(balanced().redactJson("{\"access\":[{\"key\":\"abc123xyz\"},{\"key\":\"def456uvw\"}]}"))
        .isEqualTo("{\"access\":[{\"key\":\"[REDACTED]\"},{\"key\":\"[REDACTED]\"}]}");
  }

  @Test
  void theParentOfAKeyIsTheObjectItIsIn() {
    String json = "{\"api\":{\"version\":2},\"sort\":{\"key\":\"name\"},\"cache\":[{\"key\":\"k\"}]}";
    assertThat(balanced().redactJson(json)).isSameAs(json);
  }

  @Test
  void keepsPublicKeyUnderSshParentInJson() {
    String json = "{\"ssh\":{\"public\":{\"key\":\"ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIB\"}},"
        + "\"idempotency\":{\"key\":\"9f1c2e\"},\"keyboard\":{\"key\":\"ctrl+shift+down\"}}";
    assertThat(balanced().redactJson(json)).isSameAs(json);
  }

  @Test
  void streamingRedactsNestedKeysLikeTheStringVariant() throws IOException {
    String json = "{\"api\": {\"key\": \"abc123xyz\"}, \"pad\": \"" + "x".repeat(20_000) + "\", \"encryption\": {\"key\": \"k\"}}";
    StringWriter out = new StringWriter();
    balanced().redactJson(new StringReader(json), out);
    assertThat(out.toString()).isEqualTo(balanced().redactJson(json)).contains("\"key\": \"[REDACTED]\"}, \"pad")
        .endsWith("\"encryption\": {\"key\": \"[REDACTED]\"}}");
  }
}
