package dev.runtrail.redaction;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Syntax the key rules missed in the gitleaks-format evaluation (issue 20): curl's {@code -u user:password}
 * (the password is masked, the user stays) and PHP/Ruby hash pairs {@code 'key' => 'value'}.
 */
class CommandSyntaxTest {
  private static final String PW = "S3cr3t-Passw0rd";

  @ParameterizedTest
  @ValueSource(strings = {
    "curl -u admin:%s https://api.example.com/v1",
    "curl -s -X POST -uadmin:%s https://api.example.com/v1",
    "curl --user admin:%s https://api.example.com/v1",
    "curl --user=admin:%s https://api.example.com/v1",
    "/usr/bin/curl -fsS -u 'admin:%s' https://api.example.com/v1",
    "curl -u \"admin:%s\" https://api.example.com/v1"
  })
  void curlUserKeepsTheUserAndMasksThePassword(String template) {
    String command = String.format(template, PW);
    String masked = String.format(template, "[REDACTED]");
    for (PrivacyMode mode : new PrivacyMode[] {PrivacyMode.MINIMAL, PrivacyMode.BALANCED}) {
      Redactor redactor = TestRedactors.redactor(mode);
      assertThat(redactor.redact(command)).as(mode.name()).isEqualTo(masked);
      assertThat(redactor.redact("step failed: " + command + ". Retrying")).isEqualTo("step failed: " + masked + ". Retrying");
      assertThat(redactor.redact("cmd: " + command)).isEqualTo("cmd: " + masked);
      String json = "{\"command\": \"" + command.replace("\"", "\\\"") + "\"}";
      assertThat(redactor.redactJson(json)).isEqualTo("{\"command\": \"" + masked.replace("\"", "\\\"") + "\"}");
      assertThat(redactor.redact("log {\"command\": \"" + command.replace("\"", "\\\"") + "\"}")).doesNotContain(PW);
    }
    // strict mode masks the whole value of a --user flag (a personal-data key), the password with it
    assertThat(TestRedactors.strict().redact(command)).doesNotContain(PW);
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "docker run -u 1000:1000 app:latest", "curl -u admin https://api.example.com", "ps -u root -o pid", "sort -u a.txt",
    "curl -u \"$API_USER:$API_PASSWORD\" https://x", "curl -u ${USER}:${PASS} https://x", "useradd -u 1001 app",
    "rsync -u src/ dst/", "curl -H 'Accept: json' -u bot:[REDACTED] https://x"
  })
  void otherUFlagsAndPlaceholdersPass(String text) {
    for (PrivacyMode mode : new PrivacyMode[] {PrivacyMode.MINIMAL, PrivacyMode.BALANCED}) {
      assertThat(TestRedactors.redactor(mode).redact(text)).as(mode.name()).isEqualTo(text);
    }
  }

  @ParameterizedTest
  @EnumSource(PrivacyMode.class)
  void phpAndRubyHashArrowsAreKeyValuePairs(PrivacyMode mode) {
    Redactor redactor = TestRedactors.redactor(mode);
    assertThat(redactor.redact("'secret_key' => 'sk_zGmMgTTcI3EelFAm0qkiJe66W9Gpq',"))
        .isEqualTo("'secret_key' => '[REDACTED]',");
    assertThat(redactor.redact("$config = ['db_password' => \"" + PW + "\", 'host' => 'db'];"))
        .isEqualTo("$config = ['db_password' => \"[REDACTED]\", 'host' => 'db'];");
    assertThat(redactor.redact("{ :api_key => \"" + PW + "\" }")).isEqualTo("{ :api_key => \"[REDACTED]\" }");
    assertThat(redactor.redact("'token'=>'" + PW + "'")).isEqualTo("'token'=>'[REDACTED]'");
    assertThat(redactor.redact("'ALGOLIA_KEY' => '0f3a9c2b7d1e4f5a6b8c9d0e1f2a3b4c'"))
        .isEqualTo("'ALGOLIA_KEY' => '[REDACTED]'");
  }

  @Test
  void hashArrowsWithOtherKeysPass() {
    for (String text : new String[] {"'name' => 'app'", "$a => $b", "fn($x) => $x * 2", "'secret_name' => 'db-creds'",
        "x => y", "'sort_key' => 'Ab12Cd34Ef56Gh78Ij90'"}) {
      assertThat(TestRedactors.balanced().redact(text)).isEqualTo(text);
    }
  }
}
