package dev.runtrail.redaction;

/** What kind of thing a rule protects. */
public enum RuleCategory {
  /** Secrets: redacted in every privacy mode. */
  CREDENTIAL,
  /** Personal data (e-mail, addresses, values under personal-data keys). */
  PERSONAL_DATA,
  /** Rewrites that keep meaning but drop identity: home paths to {@code ~}, the user name to {@code <user>}. */
  ANONYMIZATION
}
