package dev.runtrail.redaction;

import static dev.runtrail.redaction.PrivacyMode.BALANCED;
import static dev.runtrail.redaction.PrivacyMode.MINIMAL;
import static dev.runtrail.redaction.PrivacyMode.STRICT;
import static dev.runtrail.redaction.RuleCategory.ANONYMIZATION;
import static dev.runtrail.redaction.RuleCategory.CREDENTIAL;
import static dev.runtrail.redaction.RuleCategory.PERSONAL_DATA;

import dev.runtrail.redaction.internal.RuleIds;
import dev.runtrail.redaction.internal.TokenFamilies;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The built-in rules, in a fixed order. Secrets fire in every mode; see {@link PrivacyMode} for the rest.
 *
 * <pre>{@code
 * for (RedactionRule rule : RuleCatalog.all()) {
 *   System.out.println(rule.name() + ": " + rule.description());
 * }
 * }</pre>
 */
public final class RuleCatalog {
  private static final List<RedactionRule> ALL = withTokenFamilies(
      rule(RuleIds.SENSITIVE_KEY, CREDENTIAL, MINIMAL,
          "Any value under a sensitive key (password, passwd, pwd, secret, token, access_token, api_key/apikey,"
              + " authorization, cookie, private_key, client_secret, credential, stripe_customer_id,"
              + " payment_reference, app_key, license_key, db_pass, card_number, ...; &sig= and &X-Amz-Signature="
              + " in URLs; case, '-', '_', '.' and camelCase normalised), in maps, JSON and text"
              + " (key=value, key: value, \"key\": \"value\", --key value). Not token_count, input_tokens,"
              + " secret_name, public_key.",
          "client_secret=<value>"),
      rule(RuleIds.PII_KEY, PERSONAL_DATA, STRICT,
          "Any value under a personal-data key: email, user, username, login, phone, address, ip, first/last name.",
          "user=<value>"),
      rule(RuleIds.AWS_ACCESS_KEY_ID, CREDENTIAL, MINIMAL, "AWS access key ids (long-term and STS).",
          "AKIA|ASIA|ABIA|ACCA + 16 [A-Z0-9]"),
      rule(RuleIds.GITHUB_TOKEN, CREDENTIAL, MINIMAL, "GitHub classic tokens: personal, OAuth, user, server, refresh.",
          "ghp_|gho_|ghu_|ghs_|ghr_ + 36+ [A-Za-z0-9]"),
      rule(RuleIds.GITHUB_FINE_GRAINED_TOKEN, CREDENTIAL, MINIMAL, "GitHub fine-grained personal access tokens.",
          "github_pat_ + 50+ [A-Za-z0-9_]"),
      rule(RuleIds.GITLAB_TOKEN, CREDENTIAL, MINIMAL,
          "GitLab tokens: personal, deploy, pipeline trigger, runner, CI job, feed, OAuth app...",
          "glpat-|gldt-|glptt-|glrt-|... + 20+ [A-Za-z0-9_.-]"),
      rule(RuleIds.SLACK_TOKEN, CREDENTIAL, MINIMAL, "Slack bot, user, app and refresh tokens.",
          "xoxb-|xoxp-|xoxa-|xoxr-|xoxs-|xoxe-|xapp- + 10+ [A-Za-z0-9_-]"),
      rule(RuleIds.SLACK_WEBHOOK_URL, CREDENTIAL, MINIMAL,
          "Slack incoming webhook, workflow and trigger URLs, with or without the scheme: the secret path is"
              + " replaced, scheme, host and kind stay.",
          "https://hooks.slack.com/services|workflows|triggers/ + T.../B.../<secret> (3+ segments, last 16+)"),
      rule(RuleIds.STRIPE_SECRET_KEY, CREDENTIAL, MINIMAL, "Stripe secret and restricted keys, live and test.",
          "sk_live_|sk_test_|rk_live_|rk_test_ + 16+ [A-Za-z0-9]"),
      rule(RuleIds.STRIPE_WEBHOOK_SECRET, CREDENTIAL, MINIMAL, "Stripe webhook signing secrets.",
          "whsec_ + 24+ [A-Za-z0-9]"),
      rule(RuleIds.GOOGLE_API_KEY, CREDENTIAL, MINIMAL, "Google Cloud / Firebase / Gemini API keys.",
          "AIza + 35 [A-Za-z0-9_-]"),
      rule(RuleIds.NPM_TOKEN, CREDENTIAL, MINIMAL, "npm access tokens.", "npm_ + 36+ [A-Za-z0-9]"),
      rule(RuleIds.OPENAI_API_KEY, CREDENTIAL, MINIMAL,
          "OpenAI API keys (legacy, project, service account, admin): sk- and a mixed-case token with digits"
              + " (after sk-proj-, sk-svcacct-, sk-admin- an upper case letter or a digit is enough).",
          "sk-[proj-|svcacct-|admin-] + 20+ [A-Za-z0-9_-]"),
      rule(RuleIds.ANTHROPIC_API_KEY, CREDENTIAL, MINIMAL, "Anthropic API and admin keys.",
          "sk-ant- + 32+ [A-Za-z0-9_-]"),
      rule(RuleIds.HUGGINGFACE_TOKEN, CREDENTIAL, MINIMAL, "Hugging Face user access tokens.",
          "hf_ + 34+ [A-Za-z], mixed case"),
      rule(RuleIds.SENDGRID_API_KEY, CREDENTIAL, MINIMAL, "SendGrid API keys.",
          "SG. + 22 [A-Za-z0-9_-] + . + 43 [A-Za-z0-9_-]"),
      rule(RuleIds.DIGITALOCEAN_TOKEN, CREDENTIAL, MINIMAL,
          "DigitalOcean personal access, OAuth and refresh tokens.", "dop_v1_|doo_v1_|dor_v1_ + 64 hex"),
      rule(RuleIds.SHOPIFY_TOKEN, CREDENTIAL, MINIMAL,
          "Shopify admin API access tokens, shared secrets, custom app and private app tokens.",
          "shpat_|shpss_|shpca_|shppa_ + 32 hex"),
      rule(RuleIds.PYPI_TOKEN, CREDENTIAL, MINIMAL, "PyPI upload (API) tokens.",
          "pypi-AgEIcHlwaS5vcmc + 50+ [A-Za-z0-9_-]"),
      rule(RuleIds.GOOGLE_OAUTH_ACCESS_TOKEN, CREDENTIAL, MINIMAL, "Google OAuth 2.0 access tokens.",
          "ya29. + 20+ [A-Za-z0-9_.-]"),
      rule(RuleIds.DATABRICKS_TOKEN, CREDENTIAL, MINIMAL, "Databricks personal access tokens.",
          "dapi + 32 hex [+ -<digit>]"),
      rule(RuleIds.GRAFANA_TOKEN, CREDENTIAL, MINIMAL, "Grafana service account tokens and Grafana Cloud API tokens.",
          "glsa_ + 32 [A-Za-z0-9] + _ + 8 hex | glc_ + 32+ [A-Za-z0-9+/=]"),
      rule(RuleIds.VAULT_TOKEN, CREDENTIAL, MINIMAL,
          "HashiCorp Vault service, batch and recovery tokens; dev-server root tokens and legacy (pre-1.10)"
              + " service tokens when their 24 chars look random.",
          "hvs.|hvr. + 90+ [A-Za-z0-9_-] | hvb. + 138+ [A-Za-z0-9_-] | hvs.|s. + 24 [A-Za-z0-9], at a token start"),
      rule(RuleIds.TERRAFORM_CLOUD_TOKEN, CREDENTIAL, MINIMAL, "Terraform Cloud / Enterprise API tokens.",
          "14 [A-Za-z0-9] + .atlasv1. + 60-70 [A-Za-z0-9_=-]"),
      rule(RuleIds.DOCKER_HUB_TOKEN, CREDENTIAL, MINIMAL,
          "Docker Hub personal and organization access tokens.", "dckr_pat_|dckr_oat_ + 27+ [A-Za-z0-9_-]"),
      rule(RuleIds.AZURE_AD_CLIENT_SECRET, CREDENTIAL, MINIMAL,
          "Azure AD (Entra ID) application client secrets, standing alone.",
          "3 [A-Za-z0-9_~.] + digit + Q~ + 31-34 [A-Za-z0-9_~.-]"),
      rule(RuleIds.ATLASSIAN_API_TOKEN, CREDENTIAL, MINIMAL, "Atlassian (Jira, Confluence, Bitbucket) API tokens.",
          "ATATT3 + 180+ [A-Za-z0-9_=-]"),
      rule(RuleIds.POSTMAN_API_KEY, CREDENTIAL, MINIMAL, "Postman API keys.", "PMAK- + 24 hex + - + 34 hex"),
      rule(RuleIds.LINEAR_API_KEY, CREDENTIAL, MINIMAL, "Linear personal API keys.", "lin_api_ + 40 [A-Za-z0-9]"),
      rule(RuleIds.DOPPLER_TOKEN, CREDENTIAL, MINIMAL,
          "Doppler personal, service, CLI, service account, SCIM and audit tokens.",
          "dp.pt.|dp.st.|dp.ct.|dp.sa.|dp.scim.|dp.audit. + 40+ [A-Za-z0-9]"),
      rule(RuleIds.AGE_SECRET_KEY, CREDENTIAL, MINIMAL, "age (file encryption) secret keys.",
          "AGE-SECRET-KEY-1 + 58 upper case bech32"),
      rule(RuleIds.MAILGUN_API_KEY, CREDENTIAL, MINIMAL, "Mailgun private API keys.",
          "key- + 32 hex, at a token start"),
      rule(RuleIds.TWILIO_API_KEY, CREDENTIAL, MINIMAL,
          "Twilio API key SIDs, standing alone (account SIDs AC... and message SIDs SM... are ids and pass; an"
              + " auth token is caught under its key).",
          "SK + 32 lower-case hex, at a token start"),
      rule(RuleIds.DISCORD_BOT_TOKEN, CREDENTIAL, MINIMAL, "Discord bot tokens.",
          "[MNO][DTjz] + 21-26 [A-Za-z0-9] (base64 of the bot id) + . + 6 + . + 27-38 [A-Za-z0-9_-]"),
      rule(RuleIds.HEROKU_API_KEY, CREDENTIAL, MINIMAL, "Heroku API keys (the HRKU- format).",
          "HRKU-AA + 58 [A-Za-z0-9_-]"),
      rule(RuleIds.NEW_RELIC_API_KEY, CREDENTIAL, MINIMAL, "New Relic user API keys, insert keys and browser keys.",
          "NRAK- + 27 [A-Za-z0-9] | NRII- + 32 [A-Za-z0-9-] | NRJS- + 19 hex"),
      rule(RuleIds.GOOGLE_OAUTH_CLIENT_SECRET, CREDENTIAL, MINIMAL, "Google OAuth 2.0 client secrets.",
          "GOCSPX- + 28 [A-Za-z0-9_-]"),
      rule(RuleIds.MAILCHIMP_API_KEY, CREDENTIAL, MINIMAL, "Mailchimp API keys.",
          "32 hex + -us + 1-2 digits, at a token start"),
      rule(RuleIds.JWT, CREDENTIAL, MINIMAL, "JSON Web Tokens (JWS and JWE compact form).",
          "eyJ<header>.<payload>[.<signature>]"),
      rule(RuleIds.PEM_PRIVATE_KEY, CREDENTIAL, MINIMAL,
          "PEM private key blocks, whole (RSA, EC, OPENSSH, ENCRYPTED, PGP...); truncated blocks through their"
              + " body. Certificates and public keys pass.",
          "-----BEGIN ... PRIVATE KEY----- ... -----END ... PRIVATE KEY-----"),
      rule(RuleIds.AUTHORIZATION_HEADER, CREDENTIAL, MINIMAL,
          "Credentials after Bearer/Basic (and other schemes after an Authorization key); the scheme stays.",
          "Authorization: Bearer <token>"),
      rule(RuleIds.URL_CREDENTIALS, CREDENTIAL, MINIMAL,
          "The password in scheme://user:password@host (or a token used as the user name).",
          "postgres://app:<password>@db:5432/app"),
      rule(RuleIds.CONNECTION_STRING_SECRET, CREDENTIAL, MINIMAL,
          "Password=, Pwd=, AccountKey=, SharedAccessKey= in connection strings and password= in JDBC URLs.",
          "jdbc:postgresql://db/app?user=app&password=<password>"),
      rule(RuleIds.CARD_NUMBER, CREDENTIAL, MINIMAL,
          "Payment card numbers, Luhn-valid: 13-19 digits grouped by spaces/dashes with an issuer prefix 2-6, or"
              + " a plain run of the issuer's length (13 Visa, 14 Diners, 15 Amex, 16 the rest; longer plain runs are"
              + " ids and timestamps). Not under id keys (span_id=...).",
          "4111 1111 1111 1111 | 13-16 plain digits"),
      rule(RuleIds.EMAIL, PERSONAL_DATA, BALANCED, "E-mail addresses (not git@host SSH remotes).",
          "jane.doe@example.com"),
      rule(RuleIds.HOME_PATH, ANONYMIZATION, BALANCED,
          "Home directories become ~: /home/<user>, /Users/<user>, C:\\Users\\<user>, and the configured home.",
          "/home/alice/app.log -> ~/app.log"),
      rule(RuleIds.IPV4_ADDRESS, PERSONAL_DATA, STRICT,
          "IPv4 addresses; not versions (Chrome/131.0.0.0, version=1.2.3.4, build 1.0.0.123).", "203.0.113.7"),
      rule(RuleIds.IPV6_ADDRESS, PERSONAL_DATA, STRICT, "IPv6 addresses (full, compressed, IPv4-mapped).",
          "2001:db8::8a2e:370:7334"),
      rule(RuleIds.USER_NAME, ANONYMIZATION, STRICT,
          "The policy's user name as a whole word becomes <user> (names of 3+ chars).", "alice -> <user>"));

  private RuleCatalog() {}

  /** The rules above, then one per token family ({@code TokenFamilies}), in rule id order. */
  private static List<RedactionRule> withTokenFamilies(RedactionRule... rules) {
    List<RedactionRule> all = new ArrayList<>(List.of(rules));
    int id = RuleIds.FIRST_FAMILY;
    for (String[] family : TokenFamilies.catalogRules()) {
      all.add(new RedactionRule(id++, family[0], CREDENTIAL, MINIMAL, family[1], family[2]));
    }
    return List.copyOf(all);
  }

  private static RedactionRule rule(int id, RuleCategory category, PrivacyMode minimumMode, String description,
      String shape) {
    return new RedactionRule(id, RuleIds.name(id), category, minimumMode, description, shape);
  }

  /** Every built-in rule. */
  public static List<RedactionRule> all() {
    return ALL;
  }

  /** The rules that fire in {@code mode}. */
  public static List<RedactionRule> activeIn(PrivacyMode mode) {
    List<RedactionRule> active = new ArrayList<>();
    for (RedactionRule rule : ALL) {
      if (rule.activeIn(mode)) {
        active.add(rule);
      }
    }
    return List.copyOf(active);
  }

  /** The rule called {@code name}. */
  public static Optional<RedactionRule> find(String name) {
    for (RedactionRule rule : ALL) {
      if (rule.name().equals(name)) {
        return Optional.of(rule);
      }
    }
    return Optional.empty();
  }

  /**
   * The rule called {@code name}.
   *
   * @throws IllegalArgumentException naming the unknown rule and the known ones
   */
  public static RedactionRule rule(String name) {
    return find(name).orElseThrow(() -> new IllegalArgumentException(
        "unknown redaction rule '" + name + "' (known: " + String.join(", ", names()) + ")"));
  }

  static List<String> names() {
    List<String> names = new ArrayList<>();
    for (RedactionRule rule : ALL) {
      names.add(rule.name());
    }
    return names;
  }
}
