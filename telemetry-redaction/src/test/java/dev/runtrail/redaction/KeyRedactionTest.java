package dev.runtrail.redaction;

import static dev.runtrail.redaction.TestRedactors.balanced;
import static dev.runtrail.redaction.TestRedactors.minimal;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class KeyRedactionTest {
  @ParameterizedTest
  @ValueSource(strings = {"password", "password_hash", "passwd", "secret", "token", "access_token", "refresh_token",
      "id_token", "api_key", "apikey", "apiKey", "API_KEY", "x-api-key", "xApiKey", "authorization", "cookie",
      "Set-Cookie", "private_key", "privateKey", "ssh_private_key", "ssh_private_key_enc", "client_secret",
      "clientSecret", "credential", "credentials", "stripe_customer_id", "stripeCustomerId", "payment_reference",
      "aws_secret_access_key", "db.password", "DB_PASSWORD", "dbpassword", "access_secret_enc", "AccountKey",
      "DD_APP_KEY", "DD_APPLICATION_KEY", "APP_KEY", "NEW_RELIC_LICENSE_KEY", "client-key-data", "SECRET_KEY_BASE",
      "DB_PASS", "mysql_root_pass", "SMTP_PW", "card_number", "creditCard", "pan"})
  void treatsKeyAsSensitive(String key) {
    assertThat(minimal().isSensitiveKey(key)).as(key).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"token_count", "input_tokens", "max_tokens", "secret_name", "public_key", "monkey", "key",
      "keyboard", "tokenType", "password_expires_at", "credential.issued", "credential.scope", "trace_id",
      "span_id", "idempotency_key_hash", "policy_key", "plan_hash", "session_id", "auth_method", "user_id", "pass",
      "sig", "signature_algorithm", "client-certificate-data", "key_data", "card_type", "span"})
  void treatsKeyAsNotSensitive(String key) {
    assertThat(minimal().isSensitiveKey(key)).as(key).isFalse();
  }

  @Test
  void redactsWholeValueUnderSensitiveKey() {
    assertThat(minimal().redact("client_secret", "anything at all")).isEqualTo("[REDACTED]");
  }

  @Test
  void redactsValueRulesUnderOrdinaryKey() {
    assertThat(minimal().redact("message", "token ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789"))
        .isEqualTo("token [REDACTED]");
  }

  @Test
  void redactKeyValueIsNullSafe() {
    assertThat(minimal().redact(null, "AKIAIOSFODNN7EXAMPLE")).isEqualTo("[REDACTED]");
    assertThat(minimal().redact("password", null)).isNull();
  }

  @Test
  void keepsCardShapedValueUnderIdKey() {
    assertThat(minimal().redact("span_id", "4111111111111111")).isEqualTo("4111111111111111");
  }

  @Test
  void redactsKeyValuePairsInText() {
    assertThat(minimal().redact("user=bob password=hunter2 token_count=1234 secret_name: db"))
        .isEqualTo("user=bob password=[REDACTED] token_count=1234 secret_name: db");
  }

  @Test
  void anAmpersandInsideASecretValueStaysRedacted() {
    assertThat(balanced().redact("deploy failed: password=Tr0ub4dor&3-horse"))
        .isEqualTo("deploy failed: password=[REDACTED]");
  }

  @Test
  void anAmpersandBeforeTheNextQueryParameterEndsTheSecret() {
    assertThat(balanced().redact("GET /cb?token=abc123xyz&state=ok&n=1"))
        .isEqualTo("GET /cb?token=[REDACTED]&state=ok&n=1");
  }

  @Test
  void redactsCamelCaseKeysInText() {
    assertThat(minimal().redact("apiKey=k1 clientSecret: s2 xApiKey=k3"))
        .isEqualTo("apiKey=[REDACTED] clientSecret: [REDACTED] xApiKey=[REDACTED]");
  }

  @Test
  void redactsQuotedJsonPairsInText() {
    assertThat(minimal().redact("body {\"password\": \"p w\", \"user\": \"bob\"}"))
        .isEqualTo("body {\"password\": \"[REDACTED]\", \"user\": \"bob\"}");
  }

  @Test
  void redactsEscapedJsonPairsInsideALogLine() {
    assertThat(minimal().redact("msg=\"{\\\"api_key\\\":\\\"k-123\\\"}\""))
        .isEqualTo("msg=\"{\\\"api_key\\\":\\\"[REDACTED]\\\"}\"");
  }

  @Test
  void ignoresGenericLookalikes() {
    String text = "public_key=ssh-ed25519 monkey=banana {\"key\": \"ctrl+shift+down\"} keyboard: us";
    assertThat(minimal().redact(text)).isSameAs(text);
  }

  @Test
  void redactsCliPasswordFlag() {
    assertThat(minimal().redact("mysql --user app --password hunter2 --host db"))
        .isEqualTo("mysql --user app --password [REDACTED] --host db");
  }

  @Test
  void redactsCookieHeaderToEndOfLine() {
    assertThat(minimal().redact("Cookie: session=abc; theme=dark\nnext"))
        .isEqualTo("Cookie: [REDACTED]\nnext");
  }

  @Test
  void keepsPlaceholdersAndMasks() {
    String text = "password=${DB_PASSWORD} token=[REDACTED] secret=<redacted:12chars> pwd=****";
    assertThat(minimal().redact(text)).isSameAs(text);
  }

  @Test
  void extraSensitiveKeysAreMatchedLikeBuiltIns() {
    Redactor redactor = Redactor.of(RedactionPolicy.builder().extraSensitiveKeys("tenant_signing_ref").build());
    assertThat(redactor.isSensitiveKey("TenantSigningRef")).isTrue();
    assertThat(redactor.redact("x.tenant-signing-ref=abc")).isEqualTo("x.tenant-signing-ref=[REDACTED]");
  }

  @Test
  void extraSensitiveKeyEndingWithIdIsFoundInText() {
    Redactor redactor = Redactor.of(RedactionPolicy.builder().extraSensitiveKeys("tenant_id").build());
    assertThat(redactor.redact("tenant_id=t-81f3 tenantId: t-81f3 run --tenant-id t-81f3"))
        .isEqualTo("tenant_id=[REDACTED] tenantId: [REDACTED] run --tenant-id [REDACTED]");
    assertThat(redactor.redact("span_id=00f067aa0ba902b7")).isEqualTo("span_id=00f067aa0ba902b7");
  }

  @Test
  void cliFlagsThatNameNoSecretKeepTheirArgument() {
    String text = "helm upgrade api ./chart --set image.tag=1.4.2 --repo https://charts.example.com --namespace prod";
    assertThat(minimal().redact(text)).isSameAs(text);
    assertThat(TestRedactors.strict().redact("ssh --login bob --port 22")).isEqualTo("ssh --login [REDACTED] --port 22");
    assertThat(minimal().redact("vault write --client_secret_ abc")).isEqualTo("vault write --client_secret_ [REDACTED]");
  }

  @Test
  void redactsSignatureOfPresignedAndSasUrls() {
    assertThat(minimal().redact("GET https://acct.blob.core.windows.net/c/b?sv=2022-11-02&sp=r&sig=Ab12Cd%2B34%3D&x=1"))
        .isEqualTo("GET https://acct.blob.core.windows.net/c/b?sv=2022-11-02&sp=r&sig=[REDACTED]&x=1");
    assertThat(minimal().redact("s3.amazonaws.com/b/k?X-Amz-Date=20250101T000000Z&X-Amz-Signature=9f86d081884c7d65"))
        .isEqualTo("s3.amazonaws.com/b/k?X-Amz-Date=20250101T000000Z&X-Amz-Signature=[REDACTED]");
  }

  @Test
  void redactsBarePassOnlyAsQueryParameter() {
    assertThat(minimal().redact("https://legacy.example.com/login?user=bob&pass=hunter2x"))
        .isEqualTo("https://legacy.example.com/login?user=bob&pass=[REDACTED]");
    String text = "pass=12 fail=0 skip=1 sig=SIGTERM";
    assertThat(minimal().redact(text)).isSameAs(text);
  }

  @Test
  void redactsPemPrivateKeyUnderSensitiveKeyThroughItsEnd() {
    String pem = "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAx\nabc+/=\n-----END RSA PRIVATE KEY-----";
    assertThat(minimal().redact("private_key: " + pem + "\nnext: 1")).isEqualTo("private_key: [REDACTED]\nnext: 1");
    assertThat(minimal().redact("{\"private_key\": \"" + pem + "\"}")).isEqualTo("{\"private_key\": \"[REDACTED]\"}");
  }

  @Test
  void redactsNetrcPassword() {
    assertThat(minimal().redact("machine api.github.com login octocat password gh0-Secr3t"))
        .isEqualTo("machine api.github.com login octocat password [REDACTED]");
    assertThat(minimal().redact("machine github.com\n  login octocat\n  password Tr0ub4dor&3\n"))
        .isEqualTo("machine github.com\n  login octocat\n  password [REDACTED]\n");
  }

  @Test
  void redactsSqlPasswordLiterals() {
    assertThat(minimal().redact("CREATE USER app WITH PASSWORD 'hunter2';"))
        .isEqualTo("CREATE USER app WITH PASSWORD '[REDACTED]';");
    assertThat(minimal().redact("ALTER USER 'app'@'%' IDENTIFIED BY \"s3cret\";"))
        .isEqualTo("ALTER USER 'app'@'%' IDENTIFIED BY \"[REDACTED]\";");
  }

  @Test
  void keepsPasswordWordInProse() {
    String text = "FATAL: password authentication failed for user \"app\"; Password Reset sent; PASSWORD REQUIRED;"
        + " password is too short (minimum 12); Enter password: ; By default the password expires";
    assertThat(minimal().redact(text)).isSameAs(text);
  }

  @Test
  void redactsPasswordGluedToMysqlShortFlag() {
    assertThat(minimal().redact("mysql -u root -p'S3cr3t!' -h db app"))
        .isEqualTo("mysql -u root -p'[REDACTED]' -h db app");
    assertThat(minimal().redact("/usr/bin/mysqldump -uroot -pS3cr3t app > dump.sql"))
        .isEqualTo("/usr/bin/mysqldump -uroot -p[REDACTED] app > dump.sql");
  }

  @Test
  void redactsPasswordAfterShortFlagOfToolsThatTakeOne() {
    assertThat(minimal().redact("sshpass -p Hunter22 ssh deploy@host")).isEqualTo("sshpass -p [REDACTED] ssh deploy@host");
    assertThat(minimal().redact("docker login -u ci-bot -p dckrPw42 registry.example.com"))
        .isEqualTo("docker login -u ci-bot -p [REDACTED] registry.example.com");
    assertThat(minimal().redact("redis-cli -h cache -a r3disPw ping")).isEqualTo("redis-cli -h cache -a [REDACTED] ping");
  }

  @Test
  void keepsShortFlagsOfOtherTools() {
    String text = "mkdir -p /tmp/x && docker run -p 8080:80 nginx; ssh -p 2222 host; ls -a; mysql -u root -p app;"
        + " git log -p; mvn -q -pl telemetry-redaction; mysql -p$MYSQL_PWD; sshpass -p \"$PW\" ssh h";
    assertThat(minimal().redact(text)).isSameAs(text);
  }

  @Test
  void redactsValueOfNameValuePairsInText() {
    assertThat(minimal().redact("env:\n  - name: DB_PASSWORD\n    value: \"s3cret\"\n  - name: LOG_LEVEL\n    value: debug"))
        .isEqualTo("env:\n  - name: DB_PASSWORD\n    value: \"[REDACTED]\"\n  - name: LOG_LEVEL\n    value: debug");
    assertThat(minimal().redact("<add key=\"Password\" value=\"s3cret\" /><add key=\"Mode\" value=\"Debug\" />"))
        .isEqualTo("<add key=\"Password\" value=\"[REDACTED]\" /><add key=\"Mode\" value=\"Debug\" />");
    assertThat(minimal().redact("{\"ParameterKey\": \"DbPassword\", \"ParameterValue\": \"s3cret\"}"))
        .isEqualTo("{\"ParameterKey\": \"DbPassword\", \"ParameterValue\": \"[REDACTED]\"}");
  }

  @Test
  void keepsValueOfOrdinaryNameValuePairsInText() {
    String text = "value=1 value: 2 {\"key\": \"ctrl+shift+down\", \"value\": \"x\"} - name: DB_PASSWORD\n"
        + "  valueFrom:\n    secretKeyRef: {name: db, key: password}";
    assertThat(minimal().redact(text)).isSameAs(text);
  }

  @Test
  void redactsXmlElementsNamedForSecrets() {
    assertThat(minimal().redact("<server><id>nexus</id><username>ci</username><password>S3cret!</password></server>"))
        .isEqualTo("<server><id>nexus</id><username>ci</username><password>[REDACTED]</password></server>");
    assertThat(minimal().redact("<ApiKey>k-123</ApiKey>")).isEqualTo("<ApiKey>[REDACTED]</ApiKey>");
  }

  @Test
  void keepsXmlElementsThatHoldNoSecret() {
    String text = "<version>3.2.5</version> <password>${env.NEXUS_PW}</password> <secret>\n  <key>k</key>\n</secret>"
        + " List<String> tokens = new ArrayList<>(); <password-policy>strict</password-policy>";
    assertThat(minimal().redact(text)).isSameAs(text);
  }

  @Test
  void keepsWorkingDirectoryInEnvironmentDumps() {
    String text = "HOSTNAME=api-7d9c8b6f5d-x2k4p\nPWD=/srv/app\nOLDPWD=/\n  PWD: '/Users/maciej'";
    assertThat(minimal().redact(text)).isSameAs(text);
    assertThat(minimal().redact("DRIVER={MySQL};SERVER=db;UID=root;PWD=s3cret;")).isEqualTo(
        "DRIVER={MySQL};SERVER=db;UID=root;PWD=[REDACTED];");
    assertThat(minimal().redactJson("{\"PWD\":\"/srv/app\",\"db_pwd\":\"/x\"}"))
        .isEqualTo("{\"PWD\":\"/srv/app\",\"db_pwd\":\"[REDACTED]\"}");
    assertThat(minimal().redactTree(java.util.Map.of("PWD", "/srv/app"))).isEqualTo(java.util.Map.of("PWD", "/srv/app"));
  }

  @Test
  void keepsBuildToolTokensInXmlElements() {
    String text = "<token>$BUILD_TIME$</token> <token>static final int</token> <token>@version@</token>";
    assertThat(minimal().redact(text)).isSameAs(text);
  }

  @Test
  void keepsGoTypeNamesThatEndWithASecretWord() {
    String text = "reflector.go:147] k8s.io/client-go/informers/factory.go:150: Failed to watch *v1.Secret: unknown"
        + " (get secrets) *corev1.Secret: not found";
    assertThat(minimal().redact(text)).isSameAs(text);
    assertThat(minimal().redact("*password: hunter2x")).isEqualTo("*password: [REDACTED]");
  }

  @Test
  void strictModeMasksPersonalDataKeys() {
    Redactor strict = TestRedactors.strict();
    assertThat(strict.redact("email", "jo@example.com")).isEqualTo("[REDACTED]");
    assertThat(strict.redact("user=bob phone: 5551234")).isEqualTo("user=[REDACTED] phone: [REDACTED]");
    assertThat(balanced().redact("user=bob")).isEqualTo("user=bob");
  }

  @Test
  void redactsSecretSetThroughAConfigCommand() {
    assertThat(minimal().redact("aws configure set aws_secret_access_key wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"))
        .isEqualTo("aws configure set aws_secret_access_key [REDACTED]");
    assertThat(minimal().redact("+ aws configure set profile.ci.aws_session_token abc123xyz --profile ci"))
        .isEqualTo("+ aws configure set profile.ci.aws_session_token [REDACTED] --profile ci");
    assertThat(minimal().redact("git config --global github.token abc123xyz && git push"))
        .isEqualTo("git config --global github.token [REDACTED] && git push");
    assertThat(minimal().redact("npm config set //registry.npmjs.org/:_authToken 'npm-secret value'"))
        .isEqualTo("npm config set //registry.npmjs.org/:_authToken '[REDACTED]'");
    assertThat(minimal().redact("kubectl config set users.ci.token hunter2\ngcloud config set api_key plainletters"))
        .isEqualTo("kubectl config set users.ci.token [REDACTED]\ngcloud config set api_key [REDACTED]");
  }

  @Test
  void redactsACredentialShapedValueAfterAOneWordKeyInAConfigCommand() {
    assertThat(minimal().redact("yarn config set token S3cr3t!x")).isEqualTo("yarn config set token [REDACTED]");
  }

  @Test
  void keepsConfigCommandsThatSetNoSecret() {
    String text = "aws configure set region us-east-1; aws configure set aws_access_key_id AKIA_PLACEHOLDER_ID;"
        + " git config --global user.name alice; npm config set registry https://registry.example.com/;"
        + " git config --get github.token; git config --unset github.token x; aws configure set aws_session_token $TOKEN;"
        + " git config --global github.token \"${GITHUB_TOKEN}\"; conda config --set ssl_verify false";
    assertThat(minimal().redact(text)).isSameAs(text);
  }

  @Test
  void keepsProseAfterConfigWords() {
    String text = "config token expired; the config password authentication failed; reload config: token expired;"
        + " configure secret rotation later; config set token expired; config key ctrl+shift+down; unconfigured token x";
    assertThat(minimal().redact(text)).isSameAs(text);
  }
}
