package dev.runtrail.runs.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runtrail.runs.RunStoreExporter;
import dev.runtrail.runs.fixtures.CliRun;
import dev.runtrail.runs.internal.index.IndexLocation;
import dev.runtrail.runs.internal.index.SqlDialect;
import dev.runtrail.telemetry.core.config.InvalidConfigurationException;
import dev.runtrail.telemetry.core.config.RuntrailConfig;
import dev.runtrail.telemetry.core.config.Setting;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexLocationTest {

  private static final String CANARY = "Loc-Canary-" + "pw-9931";

  @TempDir Path dir;

  @Test
  void aPostgresUrlIsASharedIndexShownWithItsPasswordMasked() {
    IndexLocation location = IndexLocation.parse(" jdbc:postgresql://db:5432/runs?user=ci&password=" + CANARY + "&ssl=true ",
        "RUNTRAIL_INDEX_URL");

    assertThat(location.shared()).isTrue();
    assertThat(location.dialect()).isEqualTo(SqlDialect.POSTGRES);
    assertThat(location.jdbcUrl()).endsWith("&ssl=true").contains(CANARY);
    assertThat(location.display()).isEqualTo("jdbc:postgresql://db:5432/runs?user=ci&password=****&ssl=true");
  }

  @Test
  void aPasswordInUserInfoOrPercentEncodedIsMaskedToo() {
    assertThat(IndexLocation.parse("jdbc:postgresql://ci:" + CANARY + "@db/runs", "x").display())
        .isEqualTo("jdbc:postgresql://ci:****@db/runs");
    assertThat(IndexLocation.parse("jdbc:postgresql://db/runs?PASSWORD%3D" + CANARY, "x").display())
        .doesNotContain(CANARY);
  }

  @Test
  void aSqliteUrlIsAFile() {
    IndexLocation location = IndexLocation.parse("jdbc:sqlite:" + dir.resolve("x.db"), "--index");

    assertThat(location.shared()).isFalse();
    assertThat(location.file()).isEqualTo(dir.resolve("x.db").toAbsolutePath());
  }

  @Test
  void anythingElseIsRefusedNamingTheVariableAndTheMaskedValue() {
    assertThatThrownBy(() -> IndexLocation.parse("mysql://db/runs?password=" + CANARY, "RUNTRAIL_INDEX_URL"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("RUNTRAIL_INDEX_URL='mysql://db/runs?password=****' is not an index URL")
        .hasMessageNotContaining(CANARY);
    assertThatThrownBy(() -> IndexLocation.parse("jdbc:postgresql:", "RUNTRAIL_INDEX_URL"))
        .hasMessageContaining("is not an index URL");
  }

  @Test
  void theExporterRefusesABadIndexUrlAtStartUp() {
    RuntrailConfig config = RuntrailConfig.of(Map.of(Setting.INDEX_URL, "postgres://db/runs"));

    assertThatThrownBy(() -> RunStoreExporter.create(dir, config)).isInstanceOf(InvalidConfigurationException.class)
        .hasMessage("Invalid Runtrail configuration: RUNTRAIL_INDEX_URL='postgres://db/runs' is not an index URL: use"
            + " jdbc:postgresql://HOST:PORT/DATABASE?user=USER (a shared index) or jdbc:sqlite:/path/runs.db");
  }

  @Test
  void theCliRefusesABadIndexOptionAsAUsageError() {
    CliRun.Result result = new CliRun().runs(dir, "list", "--index", "db.example:5432");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("--index='db.example:5432' is not an index URL");
  }

  @Test
  void theCliTakesTheIndexFromTheVariable() {
    CliRun.Result result = new CliRun().variables(Map.of("RUNTRAIL_INDEX_URL", "nope")).runs(dir, "list");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("RUNTRAIL_INDEX_URL='nope' is not an index URL");
  }
}
