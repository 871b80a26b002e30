package dev.runtrail.logging.log4j2;

import java.io.IOException;
import java.util.List;

/** Secrets that must never reach an output, and ids that must reach it unchanged. */
final class Canaries {
  static final String GITHUB = "ghp_" + "aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3zA5";
  static final String AWS = "AKIA" + "QX7R2M5TPLK9WZ3D";
  static final String PASSWORD = "hunter2Correct";
  static final String JWT = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9"
      + ".eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4ifQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";
  static final List<String> SECRETS = List.of(GITHUB, AWS, PASSWORD, JWT);

  static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
  static final String SHA = "9fceb02d0ae598e95dc970b74767f19372d61af8";
  static final String UUID = "123e4567-e89b-12d3-a456-426614174000";
  /** A line with nothing to redact: it must come out exactly so. */
  static final String BENIGN = "trace " + TRACE_ID + " sha " + SHA + " id " + UUID;

  private Canaries() {}

  /** An exception with secrets in its message, its cause's, a suppressed one's and a custom toString. */
  static Exception failure() {
    Exception cause = new IOException("token " + GITHUB);
    Exception e = new IllegalStateException("login failed password=" + PASSWORD, cause);
    e.addSuppressed(new RuntimeException("while closing: Bearer " + JWT));
    cause.addSuppressed(new Leaky());
    return e;
  }

  /** A throwable whose toString (and so its stack-trace header) holds a secret its message lacks. */
  static final class Leaky extends RuntimeException {
    Leaky() {
      super("leaky");
    }

    @Override
    public String toString() {
      return "Leaky{key=" + AWS + "}";
    }
  }
}
