package dev.runtrail.runs.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtrail.runs.internal.analysis.SensitiveAccess;
import org.junit.jupiter.api.Test;

class SensitiveAccessTest {

  @Test
  void flagsEnvAndVarReferencesNamingASecretTokenKeyOrPassword() {
    assertThat(SensitiveAccess.flag("@env", "AWS_SECRET_ACCESS_KEY")).isEqualTo(SensitiveAccess.SECRET_REF);
    assertThat(SensitiveAccess.flag("@env", "GITHUB_TOKEN")).isEqualTo(SensitiveAccess.SECRET_REF);
    assertThat(SensitiveAccess.flag("@var", "dbPassword")).isEqualTo(SensitiveAccess.SECRET_REF);
  }

  @Test
  void doesNotFlagWordsThatOnlyContainKey() {
    assertThat(SensitiveAccess.flag("@env", "MONKEY_COUNT")).isNull();
    assertThat(SensitiveAccess.flag("@env", "SSH_PUBLIC_KEY")).isNull();
    assertThat(SensitiveAccess.flag("@var", "REPLICAS")).isNull();
  }

  @Test
  void flagsProductionVariables() {
    assertThat(SensitiveAccess.flag("@var", "PROD_DB_HOST")).isEqualTo(SensitiveAccess.PROD_VAR);
  }

  @Test
  void flagsKeyFiles() {
    assertThat(SensitiveAccess.flag("@file", "certs/web.key")).isEqualTo(SensitiveAccess.KEY_FILE);
    assertThat(SensitiveAccess.flag("@file", "/home/deploy/.ssh/id_ed25519")).isEqualTo(SensitiveAccess.KEY_FILE);
    assertThat(SensitiveAccess.flag("@file", "k8s/api.yaml")).isNull();
  }

  @Test
  void flagsShellCommandsRunWithSudo() {
    assertThat(SensitiveAccess.flag("@shell", "sudo systemctl restart api")).isEqualTo(SensitiveAccess.SUDO);
    assertThat(SensitiveAccess.flag("@shell", "cd /srv && sudo make install")).isEqualTo(SensitiveAccess.SUDO);
    assertThat(SensitiveAccess.flag("@shell", "kubectl apply -f k8s/")).isNull();
    assertThat(SensitiveAccess.flag("@shell", "echo pseudocode")).isNull();
  }
}
