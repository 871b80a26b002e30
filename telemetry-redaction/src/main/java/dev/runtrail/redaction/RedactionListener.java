package dev.runtrail.redaction;

/**
 * Told the rule name of every redaction (for a {@code redaction.masked.count}-style counter: counts,
 * never values). Called on the redacting thread, so it must be cheap; anything it throws is swallowed
 * (errors such as {@link OutOfMemoryError} aside), never reaching the caller of the {@link Redactor}.
 *
 * <pre>{@code
 * Redactor redactor = Redactor.of(policy, rule -> counters.get(rule).increment());
 * }</pre>
 */
@FunctionalInterface
public interface RedactionListener {
  /** @param ruleName the {@link RedactionRule#name()} that fired, e.g. {@code "jwt"} */
  void redacted(String ruleName);
}
