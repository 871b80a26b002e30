package dev.runtrail.telemetry.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtrail.telemetry.core.config.Setting;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;

/** The README's configuration table lists every setting with its default and meaning. */
class ReadmeConfigTableTest {

  private static Path readme() {
    for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.exists(dir.resolve("README.md")) && Files.exists(dir.resolve("telemetry-core"))) {
        return dir.resolve("README.md");
      }
    }
    throw new AssertionError("README.md of the repository not found above " + Paths.get("").toAbsolutePath());
  }

  @Test
  void everySettingHasItsRow() throws Exception {
    String readme = Files.readString(readme());
    for (Setting setting : Setting.values()) {
      String defaultCell = setting.defaultValue().isEmpty() ? "(off)" : "`" + setting.defaultValue() + "`";
      String row = "| `" + setting.environmentVariable() + "` | " + defaultCell + " | " + setting.description() + " |";
      assertThat(readme).as("README row for " + setting.environmentVariable()).contains(row);
    }
  }
}
