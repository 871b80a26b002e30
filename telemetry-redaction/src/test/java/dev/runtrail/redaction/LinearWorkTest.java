package dev.runtrail.redaction;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtrail.redaction.internal.WorkMeter;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile inputs cost linear work: the matcher-step counter (on in this build) must stay under a small
 * constant times the input length, in every mode. Work, not wall time, so the test is not flaky.
 */
class LinearWorkTest {
  private static final int N = 100_000;
  private static final int STEPS_PER_CHAR = 24;

  @BeforeAll
  static void meterIsOn() {
    assertThat(WorkMeter.enabled()).as("run with -Druntrail.redaction.workMeter=true (the pom does)").isTrue();
  }

  static Stream<Arguments> hostileInputs() {
    String[] seeds = {
      "a@", "a", "@", "eyJ", "eyJa.", "-----BEGIN ", "-----BEGIN RSA PRIVATE KEY-----", "-----END", "://",
      "a:a@", "://a:", "1", "4111 ", "4111-", "password=", "password:\"", "password:\\\"", "token: ", "${",
      "ghp_", "github_pat_", "sk-", "sk-ant-", "glpat-", "xoxb-", "AKIA", "AIza", "a.", "1.1.", "::", "a:", "fe80:",
      "--password ", "--", "Bearer ", "Basic ", "/home/", "/Users/", "C:\\Users\\", "C:\\\\Users\\\\", "alice ",
      "\"key\":\"", "x=", "_", "-", "A", "J", "B", "\\", "/", "Cookie: ", "authorization: Bearer ", "jo.e",
      "eyJhbGciOiJIUzI1NiJ9.", "a-", "sk_live_", "npm_", "10.0.0.", "2025-09-20T10:22:31.123Z ",
      "https://hooks.slack.com/services/", "://hooks.slack.com/services/T1/", "T1/", "SG.", "SG.a", "hf_", "hf_a",
      "dop_v1_", "shpat_", "glsa_", "glc_", "pypi-AgEIcHlwaS5vcmc", "sk-proj-", "ya29.", "ya29.a", "ya29.a.", "dapi",
      "dapi0", "da", "9.", "hvs.", "hvb.a", "h", "hv", "dp.", "dp.pt.", "dp.scim.a", "~", "Q~", "1Q~", "abc1Q~a",
      "aaaaaaaaaaaaaa.atlasv1.", ".atlasv1.a", "v1.", "ATATT3", "ATATT3=", "AGE-SECRET-KEY-1", "AGE-SECRET-KEY-1Q",
      "PMAK-", "PMAK-0", "key-", "key-0", "dckr_pat_", "dckr_oat_a", "lin_api_", "lin_api_a",
      "SK", "SKa", "S", "MT", "MTa", " MTIz", "MTIzNDU2Nzg5MDEyMzQ1Njc4OTA.", "MTIzNDU2Nzg5MDEyMzQ1Njc4OTA.abcdef.", "Oz.",
      "HRKU-", "HRKU-AA", "NRAK-", "NRII-a", "NRJS-0", "GOCSPX-", "GOCSPX-a", "-us1", "a-us1", "0123456789abcdef-us1 ",
      "s.", "s.a", " s.", "s.aB1", "hooks.", "hooks.slack.com/", "hooks.slack.com/services/", "hooks.slack.com/services/T1/",
      "hvs.aB1", "sig=", "&sig=", "?pass=", "db_pass=", "private_key: -----BEGIN ", "private_key: -----BEGIN RSA PRIVATE KEY-----",
      " -p", " -pa", " -a ", "mysql -p", "mysql -pa ", "login -p ", "password ", "password a1", "PASSWORD '", "passw",
      "IDENTIFIED BY '", "BY '", "<password>", "<password>a", "<a>", "value=", "value: ", "name: password\n value: ",
      "key=\"password\" value=", ",\"value\":", "config ", "config -a ", "-config ", "configure set ",
      "config set token ", "config set api_key ", "config set api_key '", "config --global a.token ", "nf", "conf",
      // token families: separator, pair, 'A', 'J', '~', '.' and Telegram anchors, and bodies that re-anchor
      "eyJrIjoi", "eyJrIjoia", "ops_eyJ", "ops_eyJa", "fm2_", "fm2_a", "LTAI", "EAAC", "EAACa", "GR1348941",
      "sha256~", "sha256~a", "dt0c01.", "dt0c01.a", "tk-us-", "tk-us-a", "1:A", "12345678:A", "sntrys_eyJpYXQiO",
      "sntrys_eyJpYXQiOa_", "sgp_", "sgp_a", "pscale_tkn_.", "AKCp", "ABSKQmVkcm9ja0FQSUtleS", "A3-", "A3-AAAAAA-",
      "_gitlab_session=", "api_org_", "s-s4t2ud-", "tskey-api-a-", "%3Dghp_", "%3Dxoxb-1234567890-",
      // issue 20, third round: t1., sl., 4b1d, app id + '|', vendor keys, curl -u, '=>'
      "t1.", " t1.", " t1.a", " t1.a.", "sl.", " sl.", " sl.a", "4b1d", " 4b1d", " 4b1da", " 1234567890123456|",
      " 1234567890123456|a", " 123456789012345%7C", "1234567890123456|", "webhookb2/", "ZXlK", " ZXlKa",
      "ALGOLIA_KEY=", "ALGOLIA_KEY=a1", "x_key=\"", "a_key: ", "curl -u a:", "curl -u ", " -u ", "curl --user ",
      "curl --user=a:", "'password' => '", "=>", "token=1234567890123456|"
    };
    Stream.Builder<Arguments> all = Stream.builder();
    for (String seed : seeds) {
      all.add(Arguments.of(seed, seed.repeat(N / seed.length() + 1).substring(0, N)));
      all.add(Arguments.of("x*n + " + seed, "x".repeat(N) + seed));
      all.add(Arguments.of(seed + " + a*n", seed + "a".repeat(N)));
    }
    return all.build();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostileInputs")
  void hostileInputCostsLinearWork(String name, String input) {
    for (PrivacyMode mode : PrivacyMode.values()) {
      Redactor redactor = TestRedactors.redactor(mode);
      long before = WorkMeter.steps();
      redactor.redact(input);
      long steps = WorkMeter.steps() - before;
      assertThat(steps).as("%s in %s: %d steps for %d chars", name, mode, steps, input.length())
          .isLessThanOrEqualTo((long) STEPS_PER_CHAR * input.length());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostileInputs")
  void hostileJsonStringCostsLinearWork(String name, String input) {
    Redactor redactor = TestRedactors.strict();
    String json = "{\"m\":\"" + input.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
    long before = WorkMeter.steps();
    redactor.redactJson(json);
    assertThat(WorkMeter.steps() - before).isLessThanOrEqualTo((long) STEPS_PER_CHAR * json.length());
  }
}
