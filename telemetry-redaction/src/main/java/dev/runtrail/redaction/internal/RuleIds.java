package dev.runtrail.redaction.internal;

/**
 * Numeric ids of the built-in rules, as packed into {@link ScanResult}. The public names and docs live
 * in {@code dev.runtrail.redaction.RuleCatalog}; the order here is the order there.
 */
public final class RuleIds {
  public static final int SENSITIVE_KEY = 0;
  public static final int PII_KEY = 1;
  public static final int AWS_ACCESS_KEY_ID = 2;
  public static final int GITHUB_TOKEN = 3;
  public static final int GITHUB_FINE_GRAINED_TOKEN = 4;
  public static final int GITLAB_TOKEN = 5;
  public static final int SLACK_TOKEN = 6;
  public static final int SLACK_WEBHOOK_URL = 7;
  public static final int STRIPE_SECRET_KEY = 8;
  public static final int STRIPE_WEBHOOK_SECRET = 9;
  public static final int GOOGLE_API_KEY = 10;
  public static final int NPM_TOKEN = 11;
  public static final int OPENAI_API_KEY = 12;
  public static final int ANTHROPIC_API_KEY = 13;
  public static final int HUGGINGFACE_TOKEN = 14;
  public static final int SENDGRID_API_KEY = 15;
  public static final int DIGITALOCEAN_TOKEN = 16;
  public static final int SHOPIFY_TOKEN = 17;
  public static final int PYPI_TOKEN = 18;
  public static final int GOOGLE_OAUTH_ACCESS_TOKEN = 19;
  public static final int DATABRICKS_TOKEN = 20;
  public static final int GRAFANA_TOKEN = 21;
  public static final int VAULT_TOKEN = 22;
  public static final int TERRAFORM_CLOUD_TOKEN = 23;
  public static final int DOCKER_HUB_TOKEN = 24;
  public static final int AZURE_AD_CLIENT_SECRET = 25;
  public static final int ATLASSIAN_API_TOKEN = 26;
  public static final int POSTMAN_API_KEY = 27;
  public static final int LINEAR_API_KEY = 28;
  public static final int DOPPLER_TOKEN = 29;
  public static final int AGE_SECRET_KEY = 30;
  public static final int MAILGUN_API_KEY = 31;
  public static final int TWILIO_API_KEY = 32;
  public static final int DISCORD_BOT_TOKEN = 33;
  public static final int HEROKU_API_KEY = 34;
  public static final int NEW_RELIC_API_KEY = 35;
  public static final int GOOGLE_OAUTH_CLIENT_SECRET = 36;
  public static final int MAILCHIMP_API_KEY = 37;
  public static final int JWT = 38;
  public static final int PEM_PRIVATE_KEY = 39;
  public static final int AUTHORIZATION_HEADER = 40;
  public static final int URL_CREDENTIALS = 41;
  public static final int CONNECTION_STRING_SECRET = 42;
  public static final int CARD_NUMBER = 43;
  public static final int EMAIL = 44;
  public static final int HOME_PATH = 45;
  public static final int IPV4_ADDRESS = 46;
  public static final int IPV6_ADDRESS = 47;
  public static final int USER_NAME = 48;
  /** Rules up to here have constants; the token families' rules follow ({@link TokenFamilies}). */
  public static final int FIRST_FAMILY = TokenFamilies.FIRST_RULE;
  public static final int COUNT = FIRST_FAMILY + TokenFamilies.RULE_COUNT;

  private static final String[] NAMES = {
    "sensitive-key", "pii-key", "aws-access-key-id", "github-token", "github-fine-grained-token",
    "gitlab-token", "slack-token", "slack-webhook-url", "stripe-secret-key", "stripe-webhook-secret",
    "google-api-key", "npm-token", "openai-api-key", "anthropic-api-key", "huggingface-token",
    "sendgrid-api-key", "digitalocean-token", "shopify-token", "pypi-token", "google-oauth-access-token",
    "databricks-token", "grafana-token", "vault-token", "terraform-cloud-token", "docker-hub-token",
    "azure-ad-client-secret", "atlassian-api-token", "postman-api-key", "linear-api-key", "doppler-token",
    "age-secret-key", "mailgun-api-key", "twilio-api-key", "discord-bot-token", "heroku-api-key",
    "new-relic-api-key", "google-oauth-client-secret", "mailchimp-api-key", "jwt", "pem-private-key",
    "authorization-header", "url-credentials", "connection-string-secret", "card-number", "email", "home-path",
    "ipv4-address", "ipv6-address", "user-name"
  };

  private RuleIds() {}

  public static String name(int id) {
    return id < FIRST_FAMILY ? NAMES[id] : TokenFamilies.name(id);
  }

  /** Id for a rule name, or -1. */
  public static int byName(String name) {
    for (int i = 0; i < COUNT; i++) {
      if (name(i).equals(name)) {
        return i;
      }
    }
    return -1;
  }

  /** True when rule {@code id} is in the rule set {@code low} (ids 0-63) / {@code high} (ids 64-127). */
  public static boolean in(int id, long low, long high) {
    return id < 64 ? (low & (1L << id)) != 0 : (high & (1L << (id - 64))) != 0;
  }

  /** 0 = every mode (secrets), 1 = balanced and strict, 2 = strict only. */
  public static int minimumLevel(int id) {
    switch (id) {
      case EMAIL:
      case HOME_PATH:
        return 1;
      case PII_KEY:
      case IPV4_ADDRESS:
      case IPV6_ADDRESS:
      case USER_NAME:
        return 2;
      default:
        return 0;
    }
  }
}
