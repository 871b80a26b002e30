package dev.runtrail.testkit;

import dev.runtrail.redaction.RedactionPolicy;
import dev.runtrail.redaction.RedactionRule;
import dev.runtrail.redaction.RuleCatalog;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Hands out a test's canaries: fresh, unique fake secrets, one kind per redaction rule of
 * {@link RuleCatalog} that fires under the test's privacy policy. Every canary handed out is looked for
 * by the leak scan ({@link Captured#scanForLeaks()}, {@code leaksNoCanaries()}, {@code failOnLeak}).
 * Each call returns a new canary. Thread-safe.
 *
 * <pre>{@code
 * Canary token = captured.canary().githubToken();      // ghp_...
 * Canary dbUrl = captured.canary().databaseUrl();      // postgres://app:<secret>@db-...:5432/app
 * Canary key = captured.canary().of("aws-access-key-id");
 * List<Canary> everyKind = captured.canary().all();
 * }</pre>
 *
 * <p>The {@code user-name} rule is not offered: it only catches the policy's own user name, so a random
 * one would be a false alarm. Kinds that fire only in a stricter privacy mode (IP addresses and
 * personal-data keys in {@code STRICT}) are offered only when the test runs in that mode.
 */
public final class Canaries {

  private static final String USER_NAME_RULE = "user-name";
  private static final int ATTEMPTS = 100;

  private final RedactionPolicy policy;
  private final SplittableRandom random;
  private final List<Canary> issued = new ArrayList<>();
  private final Set<String> secrets = new HashSet<>();

  Canaries(RedactionPolicy policy, long seed) {
    this.policy = policy;
    this.random = new SplittableRandom(seed);
  }

  /**
   * A canary of a kind: a rule name of {@link RuleCatalog}, e.g. {@code aws-access-key-id} (case and
   * {@code _} for {@code -} do not matter).
   *
   * @throws IllegalArgumentException for an unknown kind, {@code user-name}, or a kind the test's policy
   *     does not redact, saying why
   */
  public synchronized Canary of(String kind) {
    RedactionRule rule = rule(kind);
    for (int i = 0; i < ATTEMPTS; i++) {
      RedactionRule.Example example = rule.example(random);
      if (secrets.add(example.secret())) {
        Canary canary = new Canary(rule.name(), example.text(), example.secret());
        issued.add(canary);
        return canary;
      }
    }
    throw new IllegalStateException("could not make a unique " + kind + " canary in " + ATTEMPTS + " attempts");
  }

  /** One new canary of every kind this test's policy redacts. */
  public List<Canary> all() {
    List<Canary> all = new ArrayList<>();
    for (String kind : kinds()) {
      all.add(of(kind));
    }
    return all;
  }

  /** The kinds this test's policy redacts, in catalog order. */
  public List<String> kinds() {
    List<String> kinds = new ArrayList<>();
    for (RedactionRule rule : RuleCatalog.all()) {
      if (policy.isActive(rule) && !rule.name().equals(USER_NAME_RULE)) {
        kinds.add(rule.name());
      }
    }
    return kinds;
  }

  /** Every canary handed out so far, in order. */
  public synchronized List<Canary> issued() {
    return List.copyOf(issued);
  }

  /** {@code ghp_...}: a GitHub classic token. */
  public Canary githubToken() {
    return of("github-token");
  }

  /** {@code github_pat_...}: a GitHub fine-grained token. */
  public Canary githubFineGrainedToken() {
    return of("github-fine-grained-token");
  }

  /** {@code glpat-...}: a GitLab token. */
  public Canary gitlabToken() {
    return of("gitlab-token");
  }

  /** {@code AKIA...}: an AWS access key id. */
  public Canary awsAccessKeyId() {
    return of("aws-access-key-id");
  }

  /** {@code xoxb-...}: a Slack token. */
  public Canary slackToken() {
    return of("slack-token");
  }

  /** {@code sk_live_...}: a Stripe secret key. */
  public Canary stripeSecretKey() {
    return of("stripe-secret-key");
  }

  /** {@code AIza...}: a Google API key. */
  public Canary googleApiKey() {
    return of("google-api-key");
  }

  /** {@code npm_...}: an npm token. */
  public Canary npmToken() {
    return of("npm-token");
  }

  /** {@code sk-proj-...}: an OpenAI API key. */
  public Canary openAiApiKey() {
    return of("openai-api-key");
  }

  /** {@code sk-ant-...}: an Anthropic API key. */
  public Canary anthropicApiKey() {
    return of("anthropic-api-key");
  }

  /** {@code eyJ...}: a JSON Web Token. */
  public Canary jwt() {
    return of("jwt");
  }

  /** A PEM private key block; the secret is its first body line. */
  public Canary privateKey() {
    return of("pem-private-key");
  }

  /** {@code Bearer <token>} or {@code Basic <credentials>}; the secret is the credential. */
  public Canary authorizationHeader() {
    return of("authorization-header");
  }

  /** {@code postgres://user:<password>@host:5432/app}; the secret is the password. */
  public Canary databaseUrl() {
    return of("url-credentials");
  }

  /** A JDBC, SQL Server or Azure storage connection string; the secret is the password or key. */
  public Canary connectionString() {
    return of("connection-string-secret");
  }

  /** A Luhn-valid payment card number. */
  public Canary cardNumber() {
    return of("card-number");
  }

  /** A value under a sensitive key, e.g. {@code client_secret=<secret>}; the secret is the value. */
  public Canary password() {
    return of("sensitive-key");
  }

  /** An e-mail address (redacted from {@code BALANCED} on). */
  public Canary email() {
    return of("email");
  }

  private RedactionRule rule(String kind) {
    Optional<RedactionRule> found = kind == null ? Optional.empty()
        : RuleCatalog.find(kind.trim().toLowerCase(Locale.ROOT).replace('_', '-'));
    if (found.isEmpty()) {
      throw new IllegalArgumentException("Unknown canary kind '" + kind + "' (known: " + String.join(", ", kinds())
          + ")");
    }
    RedactionRule rule = found.get();
    if (rule.name().equals(USER_NAME_RULE)) {
      throw new IllegalArgumentException("No canary of kind 'user-name': that rule only catches the policy's own"
          + " user name, so a fake one would always look leaked");
    }
    if (policy.disabledRules().contains(rule.name())) {
      throw new IllegalArgumentException("Canary kind '" + rule.name() + "' is not redacted under this test's"
          + " policy (the rule is disabled), so it would always look leaked");
    }
    if (!policy.isActive(rule)) {
      throw new IllegalArgumentException("Canary kind '" + rule.name() + "' is not redacted under " + policy.mode()
          + " privacy (it is from " + rule.minimumMode() + " on), so it would always look leaked; run the test"
          + " with privacy " + rule.minimumMode() + ", e.g. @RuntrailTest(privacy = PrivacyMode."
          + rule.minimumMode() + ")");
    }
    return rule;
  }
}
