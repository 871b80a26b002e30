package dev.runtrail.redaction.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.random.RandomGenerator;

/**
 * Fresh fake secrets, one generator per rule: the shapes real ones have, random enough to be unique, so
 * tests can plant them as canaries and assert they never come out. Returns {text, secret part}.
 */
public final class ExampleSecrets {
  private static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  private static final String LOWER = "abcdefghijklmnopqrstuvwxyz";
  private static final String DIGITS = "0123456789";
  private static final String ALNUM = UPPER + LOWER + DIGITS;
  private static final String B64URL = ALNUM + "-_";
  private static final String HEX = DIGITS + "abcdef";

  private ExampleSecrets() {}

  public static String[] generate(int rule, RandomGenerator rnd) {
    switch (rule) {
      case RuleIds.SENSITIVE_KEY: return sensitiveKey(rnd);
      case RuleIds.PII_KEY: return piiKey(rnd);
      case RuleIds.AWS_ACCESS_KEY_ID: return whole(pick(rnd, "AKIA", "ASIA") + random(rnd, 16, UPPER + "234567"));
      case RuleIds.GITHUB_TOKEN: return whole(pick(rnd, "ghp_", "gho_", "ghu_", "ghs_", "ghr_") + checksummed(rnd));
      case RuleIds.GITHUB_FINE_GRAINED_TOKEN:
        return whole("github_pat_" + mixed(rnd, 22, ALNUM) + "_" + mixed(rnd, 59, ALNUM));
      case RuleIds.GITLAB_TOKEN: return whole(pick(rnd, "glpat-", "gldt-", "glptt-") + mixed(rnd, 20, ALNUM));
      case RuleIds.SLACK_TOKEN:
        return whole(pick(rnd, "xoxb-", "xoxp-") + digits(rnd, 11) + "-" + digits(rnd, 12) + "-" + mixed(rnd, 24, ALNUM));
      case RuleIds.STRIPE_SECRET_KEY:
        return whole(pick(rnd, "sk_live_", "rk_live_", "sk_test_") + mixed(rnd, 24, ALNUM));
      case RuleIds.STRIPE_WEBHOOK_SECRET: return whole("whsec_" + mixed(rnd, 32, ALNUM));
      case RuleIds.GOOGLE_API_KEY: return whole("AIza" + random(rnd, 34, B64URL) + random(rnd, 1, ALNUM));
      case RuleIds.NPM_TOKEN: return whole("npm_" + checksummed(rnd));
      case RuleIds.SLACK_WEBHOOK_URL: return slackWebhook(rnd);
      case RuleIds.OPENAI_API_KEY: return whole(openAi(rnd));
      case RuleIds.ANTHROPIC_API_KEY: return whole("sk-ant-api03-" + random(rnd, 93, B64URL) + "AA");
      case RuleIds.HUGGINGFACE_TOKEN:
        return whole("hf_" + random(rnd, 1, UPPER) + random(rnd, 1, LOWER)
            + random(rnd, 32 + rnd.nextInt(4), UPPER + LOWER));
      case RuleIds.SENDGRID_API_KEY: return whole("SG." + random(rnd, 22, B64URL) + "." + random(rnd, 43, B64URL));
      case RuleIds.DIGITALOCEAN_TOKEN: return whole(pick(rnd, "dop_v1_", "doo_v1_", "dor_v1_") + random(rnd, 64, HEX));
      case RuleIds.SHOPIFY_TOKEN:
        return whole(pick(rnd, "shpat_", "shpss_", "shpca_", "shppa_") + random(rnd, 32, HEX));
      case RuleIds.PYPI_TOKEN: return whole("pypi-AgEIcHlwaS5vcmc" + random(rnd, 150 + rnd.nextInt(60), B64URL));
      case RuleIds.GOOGLE_OAUTH_ACCESS_TOKEN:
        return whole("ya29." + pick(rnd, "a0", "c.c0", "A0") + random(rnd, 100 + rnd.nextInt(120), B64URL)
            + mixed(rnd, 4, ALNUM));
      case RuleIds.DATABRICKS_TOKEN: return whole("dapi" + random(rnd, 32, HEX) + pick(rnd, "", "-" + digits(rnd, 1)));
      case RuleIds.GRAFANA_TOKEN: return whole(grafana(rnd));
      case RuleIds.VAULT_TOKEN: return whole(vault(rnd));
      case RuleIds.TERRAFORM_CLOUD_TOKEN:
        return whole(random(rnd, 14, LOWER + DIGITS) + ".atlasv1." + random(rnd, 60 + rnd.nextInt(11), B64URL + "="));
      case RuleIds.DOCKER_HUB_TOKEN:
        return whole(pick(rnd, "dckr_pat_", "dckr_oat_") + random(rnd, 27 + rnd.nextInt(10), B64URL));
      case RuleIds.AZURE_AD_CLIENT_SECRET:
        return whole(random(rnd, 3, ALNUM) + digits(rnd, 1) + "Q~" + mixed(rnd, 31 + rnd.nextInt(4), ALNUM + "_~.-"));
      case RuleIds.ATLASSIAN_API_TOKEN:
        return whole("ATATT3" + random(rnd, 174 + rnd.nextInt(20), B64URL) + "=" + random(rnd, 8, HEX.toUpperCase()));
      case RuleIds.POSTMAN_API_KEY: return whole("PMAK-" + random(rnd, 24, HEX) + "-" + random(rnd, 34, HEX));
      case RuleIds.LINEAR_API_KEY: return whole("lin_api_" + mixed(rnd, 40, ALNUM));
      case RuleIds.DOPPLER_TOKEN:
        return whole("dp." + pick(rnd, "pt.", "st.", "ct.", "sa.", "scim.", "audit.") + mixed(rnd, 43, ALNUM));
      case RuleIds.AGE_SECRET_KEY: return whole("AGE-SECRET-KEY-1" + random(rnd, 58, "QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L"));
      case RuleIds.MAILGUN_API_KEY: return whole("key-" + random(rnd, 32, HEX));
      case RuleIds.TWILIO_API_KEY: return whole("SK" + random(rnd, 32, HEX));
      case RuleIds.DISCORD_BOT_TOKEN: return whole(discord(rnd));
      case RuleIds.HEROKU_API_KEY: return whole("HRKU-AA" + random(rnd, 58, B64URL));
      case RuleIds.NEW_RELIC_API_KEY: return whole(newRelic(rnd));
      case RuleIds.GOOGLE_OAUTH_CLIENT_SECRET: return whole("GOCSPX-" + random(rnd, 28, B64URL));
      case RuleIds.MAILCHIMP_API_KEY: return whole(random(rnd, 32, HEX) + "-us" + (1 + rnd.nextInt(21)));
      case RuleIds.JWT: return whole(jwt(rnd));
      case RuleIds.PEM_PRIVATE_KEY: return pem(rnd);
      case RuleIds.AUTHORIZATION_HEADER: return authorization(rnd);
      case RuleIds.URL_CREDENTIALS: return urlCredentials(rnd);
      case RuleIds.CONNECTION_STRING_SECRET: return connectionString(rnd);
      case RuleIds.CARD_NUMBER: return whole(card(rnd));
      case RuleIds.EMAIL:
        return whole(word(rnd, 5) + "." + word(rnd, 6) + digits(rnd, 3) + "@" + pick(rnd, "example.com", "corp.example.org"));
      case RuleIds.HOME_PATH: return homePath(rnd);
      case RuleIds.IPV4_ADDRESS:
        return whole(pick(rnd, "10.", "172.", "203.") + octet(rnd) + "." + octet(rnd) + "." + octet(rnd));
      case RuleIds.IPV6_ADDRESS: return whole(ipv6(rnd));
      case RuleIds.USER_NAME: {
        String name = "u" + word(rnd, 8);
        return new String[] {"build started by " + name, name};
      }
      default:
        if (rule >= RuleIds.FIRST_FAMILY && rule < RuleIds.COUNT) {
          return whole(TokenFamilies.example(rule, rnd));
        }
        throw new IllegalArgumentException("no rule with id " + rule);
    }
  }

  /** 30 random base62 chars and their CRC32 in base62, as GitHub classic and npm tokens end. */
  private static String checksummed(RandomGenerator rnd) {
    String random = mixed(rnd, 30, ALNUM);
    return random + Checksums.crc32Base62(random);
  }

  /** Project, service account, admin or legacy keys: random base64url bodies of their real lengths. */
  private static String openAi(RandomGenerator rnd) {
    switch (rnd.nextInt(4)) {
      case 0: return "sk-proj-" + random(rnd, 156, B64URL);
      case 1: return "sk-svcacct-" + random(rnd, 156, B64URL);
      case 2: return "sk-admin-" + random(rnd, 156, B64URL);
      default: return "sk-" + mixed(rnd, 20, ALNUM) + "T3BlbkFJ" + mixed(rnd, 20, ALNUM);
    }
  }

  /** The base64 of a bot's 17-20 digit id, a 6-char timestamp and a 27 (older) or 38 char HMAC. */
  private static String discord(RandomGenerator rnd) {
    String id = (1 + rnd.nextInt(9)) + digits(rnd, 16 + rnd.nextInt(4));
    String encodedId = Base64.getEncoder().withoutPadding().encodeToString(id.getBytes(StandardCharsets.US_ASCII));
    return encodedId + "." + random(rnd, 6, B64URL) + "." + random(rnd, rnd.nextBoolean() ? 27 : 38, B64URL);
  }

  private static String newRelic(RandomGenerator rnd) {
    switch (rnd.nextInt(3)) {
      case 0: return "NRAK-" + random(rnd, 27, UPPER + DIGITS);
      case 1: return "NRII-" + random(rnd, 32, ALNUM + "-");
      default: return "NRJS-" + random(rnd, 19, HEX);
    }
  }

  private static String[] slackWebhook(RandomGenerator rnd) {
    String team = "T" + random(rnd, 8 + rnd.nextInt(3), UPPER + DIGITS);
    String secret;
    switch (rnd.nextInt(3)) {
      case 0:
        secret = "services/" + team + "/B" + random(rnd, 8 + rnd.nextInt(3), UPPER + DIGITS) + "/"
            + mixed(rnd, 24, ALNUM);
        break;
      case 1:
        secret = "workflows/" + team + "/A" + random(rnd, 10, UPPER + DIGITS) + "/" + digits(rnd, 18) + "/"
            + mixed(rnd, 24, ALNUM);
        break;
      default:
        secret = "triggers/" + team + "/" + digits(rnd, 13) + "/" + random(rnd, 32, HEX);
    }
    String path = secret.substring(secret.indexOf('/') + 1);
    return new String[] {pick(rnd, "https://", "http://", "") + "hooks.slack.com/" + secret, path};
  }

  /** A service account token, or a Cloud API token (base64 of its JSON, as issued). */
  private static String grafana(RandomGenerator rnd) {
    if (rnd.nextBoolean()) {
      return "glsa_" + mixed(rnd, 32, ALNUM) + "_" + random(rnd, 8, HEX);
    }
    String json = "{\"o\":\"" + digits(rnd, 6) + "\",\"n\":\"stack-" + digits(rnd, 6) + "-" + word(rnd, 6)
        + "\",\"k\":\"" + mixed(rnd, 24, ALNUM) + "\",\"m\":{\"r\":\"" + pick(rnd, "us", "eu", "prod-us-east-0")
        + "\"}}";
    return "glc_" + Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  /** A service (hvs.), batch (hvb.) or recovery (hvr.) token of its issued length; a dev root or legacy one. */
  private static String vault(RandomGenerator rnd) {
    switch (rnd.nextInt(5)) {
      case 0: return "hvs.CAESI" + random(rnd, 86 + rnd.nextInt(20), B64URL);
      case 1: return "hvb.AAAAAQ" + random(rnd, 132 + rnd.nextInt(40), B64URL);
      case 2: return "hvs." + mixed(rnd, 24, ALNUM);
      case 3: return "s." + mixed(rnd, 24, ALNUM);
      default: return "hvr." + random(rnd, 90 + rnd.nextInt(20), B64URL);
    }
  }

  private static String[] sensitiveKey(RandomGenerator rnd) {
    String v = mixed(rnd, 20, ALNUM);
    String text = pick(rnd, "client_secret=%s", "\"api_key\": \"%s\"", "--password %s", "X-Api-Key: %s",
        "DB_PASSWORD=%s", "accessToken: %s", "password_hash='%s'").replace("%s", v);
    return new String[] {text, v};
  }

  private static String[] piiKey(RandomGenerator rnd) {
    String v = "u" + word(rnd, 9);
    return new String[] {pick(rnd, "user=%s", "\"username\": \"%s\"", "phone: %s").replace("%s", v), v};
  }

  private static String jwt(RandomGenerator rnd) {
    String header = pick(rnd, "{\"alg\":\"HS256\",\"typ\":\"JWT\"}", "{\"alg\":\"RS256\",\"kid\":\"" + word(rnd, 8) + "\"}");
    String payload = "{\"sub\":\"" + word(rnd, 10) + "\",\"iat\":" + (1_700_000_000L + rnd.nextInt(100_000_000)) + "}";
    return b64url(header) + "." + b64url(payload) + "." + random(rnd, 43, B64URL);
  }

  private static String[] pem(RandomGenerator rnd) {
    String type = pick(rnd, "RSA PRIVATE KEY", "PRIVATE KEY", "EC PRIVATE KEY", "OPENSSH PRIVATE KEY");
    String first = random(rnd, 64, ALNUM + "+/");
    String text = "-----BEGIN " + type + "-----\n" + first + "\n" + random(rnd, 64, ALNUM + "+/") + "\n"
        + random(rnd, 40, ALNUM + "+/") + "==\n-----END " + type + "-----";
    return new String[] {text, first};
  }

  private static String[] authorization(RandomGenerator rnd) {
    if (rnd.nextBoolean()) {
      String token = mixed(rnd, 40, ALNUM + "._-");
      return new String[] {"Bearer " + token, token};
    }
    String basic = Base64.getEncoder().encodeToString(
        (word(rnd, 6) + ":" + mixed(rnd, 14, ALNUM)).getBytes(StandardCharsets.UTF_8));
    return new String[] {"Basic " + basic, basic};
  }

  private static String[] urlCredentials(RandomGenerator rnd) {
    String password = mixed(rnd, 18, ALNUM);
    String scheme = pick(rnd, "postgres", "mysql", "redis", "amqp", "https", "mongodb+srv");
    return new String[] {scheme + "://" + word(rnd, 5) + ":" + password + "@db-" + word(rnd, 4) + ".internal:5432/app",
        password};
  }

  private static String[] connectionString(RandomGenerator rnd) {
    String password = mixed(rnd, 18, ALNUM);
    switch (rnd.nextInt(3)) {
      case 0:
        return new String[] {"jdbc:postgresql://db:5432/app?user=app&password=" + password + "&ssl=true", password};
      case 1:
        return new String[] {"Server=tcp:sql.example.net,1433;Database=app;User ID=app;Password=" + password + ";",
            password};
      default:
        String key = Base64.getEncoder().encodeToString(mixed(rnd, 48, ALNUM).getBytes(StandardCharsets.US_ASCII));
        return new String[] {"DefaultEndpointsProtocol=https;AccountName=" + word(rnd, 8) + ";AccountKey=" + key
            + ";EndpointSuffix=core.windows.net", key};
    }
  }

  private static String[] homePath(RandomGenerator rnd) {
    String user = "u" + word(rnd, 8);
    String text = pick(rnd, "/home/%s/work/app/config.yml", "/Users/%s/Library/Logs/app.log",
        "C:\\Users\\%s\\AppData\\Local\\app.log").replace("%s", user);
    return new String[] {text, user};
  }

  /** A Luhn-valid Visa, Mastercard or Amex number, plain or grouped. */
  static String card(RandomGenerator rnd) {
    int kind = rnd.nextInt(3);
    String prefix = kind == 0 ? "4" : kind == 1 ? "5" + (1 + rnd.nextInt(5)) : pick(rnd, "34", "37");
    int length = kind == 2 ? 15 : 16;
    StringBuilder digits = new StringBuilder(prefix);
    while (digits.length() < length - 1) {
      digits.append(rnd.nextInt(10));
    }
    digits.append(luhnCheckDigit(digits));
    String plain = digits.toString();
    String sep = pick(rnd, "", " ", "-");
    if (sep.isEmpty()) {
      return plain;
    }
    return kind == 2
        ? plain.substring(0, 4) + sep + plain.substring(4, 10) + sep + plain.substring(10)
        : plain.substring(0, 4) + sep + plain.substring(4, 8) + sep + plain.substring(8, 12) + sep + plain.substring(12);
  }

  private static int luhnCheckDigit(CharSequence payload) {
    int sum = 0;
    for (int i = payload.length() - 1, k = 0; i >= 0; i--, k++) {
      int d = payload.charAt(i) - '0';
      if (k % 2 == 0) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
    }
    return (10 - sum % 10) % 10;
  }

  private static String ipv6(RandomGenerator rnd) {
    StringBuilder sb = new StringBuilder("2001:db8");
    for (int i = 0; i < 6; i++) {
      sb.append(':').append(Integer.toHexString(0x1000 + rnd.nextInt(0xf000)));
    }
    return sb.toString();
  }

  private static int octet(RandomGenerator rnd) {
    return 1 + rnd.nextInt(254);
  }

  private static String[] whole(String text) {
    return new String[] {text, text};
  }

  private static String b64url(String json) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  private static String pick(RandomGenerator rnd, String... options) {
    return options[rnd.nextInt(options.length)];
  }

  private static String word(RandomGenerator rnd, int length) {
    return random(rnd, length, LOWER);
  }

  private static String digits(RandomGenerator rnd, int length) {
    return random(rnd, length, DIGITS);
  }

  static String random(RandomGenerator rnd, int length, String alphabet) {
    StringBuilder sb = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      sb.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
    }
    return sb.toString();
  }

  /** Random, but with at least one upper, one lower and one digit, and alphanumeric at both ends. */
  private static String mixed(RandomGenerator rnd, int length, String alphabet) {
    char[] chars = random(rnd, length, alphabet).toCharArray();
    chars[0] = UPPER.charAt(rnd.nextInt(26));
    chars[1] = LOWER.charAt(rnd.nextInt(26));
    chars[2] = DIGITS.charAt(rnd.nextInt(10));
    chars[length - 1] = ALNUM.charAt(rnd.nextInt(ALNUM.length()));
    return new String(chars);
  }
}
