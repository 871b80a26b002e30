package dev.runtrail.redaction;

import dev.runtrail.redaction.internal.ExampleSecrets;
import java.util.random.RandomGenerator;

/**
 * One built-in rule: its name (what a {@link RedactionListener} is told), what it catches, the shape of
 * what it catches, and fresh fake secrets it is guaranteed to catch (leak canaries for tests).
 * All rules are listed in {@link RuleCatalog}.
 */
public final class RedactionRule {
  private final int id;
  private final String name;
  private final RuleCategory category;
  private final PrivacyMode minimumMode;
  private final String description;
  private final String shape;

  RedactionRule(int id, String name, RuleCategory category, PrivacyMode minimumMode, String description,
      String shape) {
    this.id = id;
    this.name = name;
    this.category = category;
    this.minimumMode = minimumMode;
    this.description = description;
    this.shape = shape;
  }

  /** A fake secret in context, and the part of it that must never survive redaction. */
  public record Example(String text, String secret) {}

  /** Stable kebab-case name, e.g. {@code aws-access-key-id}. */
  public String name() {
    return name;
  }

  public RuleCategory category() {
    return category;
  }

  /** What the rule catches and what it leaves alone. */
  public String description() {
    return description;
  }

  /** The shape of what it catches, e.g. {@code AKIA + 16 [A-Z0-9]}. */
  public String shape() {
    return shape;
  }

  /** The least covering mode in which the rule fires (MINIMAL for secrets: they fire in every mode). */
  public PrivacyMode minimumMode() {
    return minimumMode;
  }

  /** True when the rule fires in {@code mode}. */
  public boolean activeIn(PrivacyMode mode) {
    return mode.level() >= minimumMode.level();
  }

  /**
   * A fresh, unique, realistic fake secret this rule catches, as it would appear in a log line
   * (contextual rules include their context, e.g. {@code client_secret=...}). The {@code user-name} rule
   * catches its example only under a policy whose {@link RedactionPolicy#userName()} is that name.
   */
  public String exampleSecret(RandomGenerator rnd) {
    return example(rnd).text();
  }

  /** Like {@link #exampleSecret} but also says which part must not survive. */
  public Example example(RandomGenerator rnd) {
    String[] pair = ExampleSecrets.generate(id, rnd);
    return new Example(pair[0], pair[1]);
  }

  int id() {
    return id;
  }

  @Override
  public String toString() {
    return name;
  }
}
