package dev.runtrail.testkit;

import java.util.Objects;

/**
 * A fake secret planted by a test to prove it never leaves the process: realistic enough that
 * Runtrail's redactor must catch it, unique enough that finding it anywhere in captured telemetry
 * proves a leak. Get them from {@link Captured#canary()}, which also registers them for the leak scan.
 *
 * <pre>{@code
 * Canary token = captured.canary().githubToken();
 * client.call(Map.of("Authorization", "token " + token));   // toString() is the text
 * assertThat(captured).leaksNoCanaries();
 * }</pre>
 *
 * @param kind the redaction rule that must catch it, e.g. {@code github-token}
 * @param text the canary as it would appear in a log line; for contextual kinds it includes the
 *     context, e.g. {@code client_secret=...} or {@code Bearer ...}
 * @param secret the part of {@code text} that must never survive; this is what the leak scan looks for
 */
public record Canary(String kind, String text, String secret) {

  /** @throws IllegalArgumentException when the secret is not part of the text */
  public Canary {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(secret, "secret");
    if (!text.contains(secret)) {
      throw new IllegalArgumentException("canary secret must be part of its text");
    }
  }

  /** A short, recognizable form for messages: kind and the first characters of the secret. */
  public String label() {
    String head = secret.length() <= 8 ? secret : secret.substring(0, 8) + "…";
    return kind + " canary '" + head.replace("\n", "\\n") + "'";
  }

  /** The text, so a canary can be used wherever the code under test takes a string. */
  @Override
  public String toString() {
    return text;
  }
}
