package dev.runtrail.redaction;

import java.util.Locale;

/**
 * How much a {@link Redactor} removes beyond secrets. Secrets (key rules, every credential value rule,
 * Luhn-valid card numbers) are redacted in every mode; identifiers that look random but are ours (trace
 * and span ids, traceparent, run ids, plan hashes, git SHAs, UUIDs, image digests, counts) pass in every
 * mode.
 *
 * <ul>
 *   <li>{@link #MINIMAL}: secrets only.
 *   <li>{@link #BALANCED} (default): MINIMAL plus e-mail addresses and home-path anonymization
 *       ({@code /home/alice/x}, {@code /Users/alice/x}, {@code C:\Users\alice\x} become {@code ~/x}).
 *   <li>{@link #STRICT}: BALANCED plus the current user name as a whole word ({@code <user>}), IPv4 and
 *       IPv6 addresses, and values under personal-data keys (email, user, username, phone, address, ip...).
 * </ul>
 *
 * <p>Selected by {@code RUNTRAIL_PRIVACY} (or the system property {@code runtrail.privacy}, which wins):
 * <pre>{@code
 * PrivacyMode mode = PrivacyMode.fromEnvironment();   // BALANCED when unset
 * PrivacyMode strict = PrivacyMode.parse("Strict");   // case-insensitive
 * }</pre>
 */
public enum PrivacyMode {
  STRICT,
  BALANCED,
  MINIMAL;

  /** Environment variable that selects the mode. */
  public static final String ENVIRONMENT_VARIABLE = "RUNTRAIL_PRIVACY";
  /** System property twin of {@link #ENVIRONMENT_VARIABLE}; takes precedence. */
  public static final String SYSTEM_PROPERTY = "runtrail.privacy";

  /**
   * Parses a mode name, ignoring case and surrounding blanks.
   *
   * @throws IllegalArgumentException naming the value and the allowed values
   */
  public static PrivacyMode parse(String value) {
    if (value != null) {
      String wanted = value.trim().toUpperCase(Locale.ROOT);
      for (PrivacyMode mode : values()) {
        if (mode.name().equals(wanted)) {
          return mode;
        }
      }
    }
    throw new IllegalArgumentException(
        "unknown privacy mode '" + value + "' (allowed: strict, balanced, minimal)");
  }

  /** Like {@link #parse} but a null or blank value means {@link #BALANCED}. */
  public static PrivacyMode parseOrDefault(String value) {
    return value == null || value.isBlank() ? BALANCED : parse(value);
  }

  /**
   * The mode selected by the system property {@code runtrail.privacy}, else the environment variable
   * {@code RUNTRAIL_PRIVACY}, else {@link #BALANCED}.
   *
   * @throws IllegalArgumentException when the selected value is not a mode name
   */
  public static PrivacyMode fromEnvironment() {
    String property = System.getProperty(SYSTEM_PROPERTY);
    return parseOrDefault(property != null && !property.isBlank() ? property : System.getenv(ENVIRONMENT_VARIABLE));
  }

  /** 0 for MINIMAL, 1 for BALANCED, 2 for STRICT: how much is covered. */
  int level() {
    return this == MINIMAL ? 0 : this == BALANCED ? 1 : 2;
  }
}
