package dev.runtrail.redaction;

/** Redactors with a fixed home and user, so tests do not depend on who runs them. */
final class TestRedactors {
  static final String HOME = "/home/alice";
  static final String USER = "alice";

  private TestRedactors() {}

  static RedactionPolicy.Builder policy(PrivacyMode mode) {
    return RedactionPolicy.builder().mode(mode).homeDirectory(HOME).userName(USER);
  }

  static Redactor redactor(PrivacyMode mode) {
    return Redactor.of(policy(mode).build());
  }

  static Redactor balanced() {
    return redactor(PrivacyMode.BALANCED);
  }

  static Redactor strict() {
    return redactor(PrivacyMode.STRICT);
  }

  static Redactor minimal() {
    return redactor(PrivacyMode.MINIMAL);
  }
}
