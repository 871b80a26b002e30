package dev.runtrail.redaction;

/** How a redacted value is written. Either way the value is replaced, never omitted, so structure survives. */
public enum RedactionFormat {
  /** The mask text, {@code [REDACTED]} unless the policy sets another. */
  MASK,
  /** A length hint such as {@code <redacted:32chars>} (length in code points). */
  LENGTH_HINT
}
